import { useTranslation } from 'react-i18next';
import type { AuditCheck } from '../review/use-audit-log';

/**
 * What the check of the log found: that it holds (how many entries, how many signed, and the
 * check's notes), or the first entry that does not and why. The status region is always there,
 * so that a screen reader announces the result when it arrives; a failure is an alert. The
 * reasons and notes are the main process's English sentences, marked as English.
 */
export function AuditCheckResult({ check, checking }: { check: AuditCheck | null; checking: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <div className={`audit-check${check?.ok ? ' is-ok' : ''}`} role="status" data-testid="audit-check-status">
        {checking && t('audit.check.running')}
        {check?.ok && (
          <>
            <p data-testid="audit-check-ok">{t('audit.check.ok', { count: check.entries, signed: check.signed })}</p>
            {check.notes.length > 0 && (
              <ul className="audit-notes" lang="en" aria-label={t('audit.check.notes')}>
                {check.notes.map((note, i) => (
                  <li key={i}>{note}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      {check && !check.ok && (
        <div className="audit-check is-bad" role="alert" data-testid="audit-check-failed">
          <p>{check.seq === null ? t('audit.check.failed') : t('audit.check.failedAt', { seq: check.seq })}</p>
          <p lang="en">{check.reason}</p>
        </div>
      )}
    </>
  );
}
