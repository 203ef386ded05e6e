import { useTranslation } from 'react-i18next';
import { backupFacts, type Backup } from '../backups/backup-facts';

/**
 * The confirmation of a restore, in the backups dialog: which backup, and what will happen — the
 * app restarts and puts it in place of the database, the current database is kept among the
 * backups, and what was changed after the backup was made is not in it.
 */
export function RestoreConfirm({ backup, busy, onConfirm, onCancel }: { backup: Backup; busy: boolean; onConfirm(): void; onCancel(): void }) {
  const { t, i18n } = useTranslation();
  const facts = backupFacts(backup, i18n.language);
  return (
    <section className="restore-confirm" aria-labelledby="restore-heading" data-testid="restore-confirm" data-name={backup.name}>
      <h3 id="restore-heading">{t('backups.confirmHeading')}</h3>
      <p className="restore-facts">
        <time dateTime={backup.at}>{facts.when}</time> · {facts.why} · {facts.size}
      </p>
      <ul className="restore-effects">
        <li>{t('backups.confirmRestart')}</li>
        <li>{t('backups.confirmKept')}</li>
        <li>{t('backups.confirmLost')}</li>
      </ul>
      <div className="dialog-actions">
        {/* The focus starts on Cancel: an Enter pressed once too often must not restart the app. */}
        <button type="button" className="button" disabled={busy} onClick={onCancel} autoFocus data-testid="restore-cancel">
          {t('backups.cancel')}
        </button>
        <button type="button" className="button button-primary" disabled={busy} onClick={onConfirm} data-testid="restore-yes">
          {t('backups.confirm')}
        </button>
      </div>
    </section>
  );
}
