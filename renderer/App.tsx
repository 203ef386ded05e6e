import { useTranslation } from 'react-i18next';
import { IdentityButton } from './components/IdentityButton';
import { setUiLanguage, UI_LANGUAGES, type UiLanguage } from './i18n';
import { navigate, useRoute } from './router';
import { DraftView } from './views/DraftView';
import { LawView } from './views/LawView';
import { GapsView } from './views/GapsView';
import { LibraryView } from './views/LibraryView';
import { PackageDocumentsView } from './views/PackageDocumentsView';
import { SearchView } from './views/SearchView';

/** The window: the title bar with navigation and the interface language, and the current view. */
export function App() {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  return (
    <div className="app">
      <header className="titlebar">
        <button type="button" className="brand" onClick={() => navigate({ view: 'library' })} data-testid="nav-library">
          <span className="brand-mark" aria-hidden="true">
            З
          </span>
          <span className="brand-name">{t('app.title')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </button>
        <nav className="titlebar-nav">
          <button type="button" className={`nav-link${route.view === 'library' ? ' is-active' : ''}`} onClick={() => navigate({ view: 'library' })}>
            {t('nav.library')}
          </button>
          <button type="button" className={`nav-link${route.view === 'search' ? ' is-active' : ''}`} onClick={() => navigate({ view: 'search', query: '' })} data-testid="nav-search">
            {t('nav.search')}
          </button>
          <button type="button" className={`nav-link${route.view === 'gaps' ? ' is-active' : ''}`} onClick={() => navigate({ view: 'gaps' })} data-testid="nav-gaps">
            {t('nav.gaps')}
          </button>
          <IdentityButton />
          <label className="ui-lang">
            <span className="visually-hidden">{t('nav.uiLanguage')}</span>
            <select value={i18n.language} onChange={(e) => void setUiLanguage(e.target.value as UiLanguage)} aria-label={t('nav.uiLanguage')} data-testid="ui-language">
              {UI_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {l === 'ru' ? 'Русский' : 'English'}
                </option>
              ))}
            </select>
          </label>
        </nav>
      </header>
      <div className="content">
        {route.view === 'library' && <LibraryView />}
        {route.view === 'law' && <LawView key={route.versionId} versionId={route.versionId} find={route.find} />}
        {route.view === 'draft' && <DraftView key={route.versionId} packageId={route.packageId} versionId={route.versionId} find={route.find} />}
        {route.view === 'search' && <SearchView query={route.query} />}
        {route.view === 'package' && <PackageDocumentsView key={route.packageId} packageId={route.packageId} />}
        {route.view === 'gaps' && <GapsView />}
      </div>
    </div>
  );
}
