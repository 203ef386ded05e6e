import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'prosemirror-view/style/prosemirror.css';
import { App } from './App';
import { initI18n } from './i18n';
import './styles.css';

void initI18n().then(() => {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
