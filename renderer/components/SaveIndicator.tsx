import { useTranslation } from 'react-i18next';
import type { SaveStatus } from '../editor/autosave';
import { errorMessage } from '../i18n';

/** The saved / unsaved / saving / error state of a draft, always visible in the toolbar. */
export function SaveIndicator({ status, onSave }: { status: SaveStatus; onSave(): void }) {
  const { t, i18n } = useTranslation();
  let text: string;
  switch (status.kind) {
    case 'saved':
      text = status.at ? t('save.savedAt', { time: new Date(status.at).toLocaleTimeString(i18n.language) }) : t('save.saved');
      break;
    case 'unsaved':
      text = t('save.unsaved');
      break;
    case 'saving':
      text = t('save.saving');
      break;
    case 'conflict':
      text = t('save.conflict');
      break;
    case 'error':
      text = t('save.error', { message: errorMessage(status.error) });
      break;
  }
  return (
    <div className={`save-indicator save-${status.kind}`} role="status" aria-live="polite" data-testid="save-status" data-state={status.kind}>
      <span className="save-dot" aria-hidden="true" />
      <span>{text}</span>
      {(status.kind === 'unsaved' || status.kind === 'error') && (
        <button type="button" className="link-button" onClick={onSave}>
          {t('save.retry')}
        </button>
      )}
    </div>
  );
}
