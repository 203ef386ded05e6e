import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GapData } from '../../shared/ipc';
import { call } from '../api';
import { AuditCheckResult } from '../components/AuditCheckResult';
import { AuditFilters } from '../components/AuditFilters';
import { AuditTable, type AuditSaid } from '../components/AuditTable';
import { ErrorBanner } from '../components/ErrorBanner';
import { formatMoment } from '../format';
import { auditVerifyCommand } from '../commands/audit-command';
import { useRegisterCommands } from '../commands/registry';
import { errorMessage, uiTextLang } from '../i18n';
import { say } from '../i18n/phrase';
import { actionName } from '../review/audit-actions';
import { auditChoices, filterAudit, NO_AUDIT_FILTER, searchable, type AuditFilter } from '../review/audit-filter';
import { auditRows, labelsByUid, type AuditRow } from '../review/audit-rows';
import { saySummary } from '../review/audit-summary';
import { useAuditLog } from '../review/use-audit-log';
import { navigate } from '../router';
import { useAsync } from '../useAsync';

/** What names the log's ids, read with the view (none of it is needed to list the entries: a failure leaves the ids shown). */
async function loadNames(packageId: string): Promise<{ gaps: GapData[]; amendments: { uid: string; label: string; lang: string }[]; rejected: { uid: string; label: string }[] }> {
  const [coverage, rejected, gaps] = await Promise.all([
    call('getCoverage', { packageId }).catch(() => null),
    call('listRejected', { packageId }).catch(() => []),
    call('listGaps', {}).catch(() => []),
  ]);
  return { gaps, amendments: coverage?.amendments ?? [], rejected };
}

/**
 * The audit trail of a package, as an inspector reads it: every entry the log holds for the
 * package, newest first, with who, when, what and on which provision, filterable by action, person,
 * words and provision (`uid`: opened from one). The whole log can be checked here, and the
 * package's entries exported as CSV or JSON.
 */
export function AuditView({ packageId, uid }: { packageId: string; uid?: string | undefined }) {
  const { t, i18n } = useTranslation();
  // Bumped after an export (which is logged too): the list is read again and shows it.
  const [version, setVersion] = useState(0);
  const pkg = useAsync(() => call('getPackage', { packageId }), [packageId]);
  const trail = useAsync(() => call('getAuditTrail', { packageId }), [packageId, version]);
  const names = useAsync(() => loadNames(packageId), [packageId]);
  const log = useAuditLog(packageId, () => setVersion((n) => n + 1));
  const [filter, setFilter] = useState<AuditFilter>(NO_AUDIT_FILTER);
  const { verify } = log;
  useRegisterCommands('audit', useMemo(() => [auditVerifyCommand(() => void verify())], [verify]));

  const ui = uiTextLang(i18n.language);
  const lawLang = pkg.state === 'done' ? (pkg.value.drafts[0]?.lang ?? 'ru') : 'ru';
  const loaded = names.state === 'done' ? names.value : null;
  const labels = useMemo(() => labelsByUid(loaded?.amendments ?? [], loaded?.rejected ?? [], lawLang), [loaded, lawLang]);
  const rows = useMemo(() => {
    if (trail.state !== 'done') return [];
    const gapNames = new Map((loaded?.gaps ?? []).map((g) => [g.code, g.names[ui]]));
    const drafts = new Map((pkg.state === 'done' ? pkg.value.drafts : []).map((d) => [d.versionId, d.lang]));
    return auditRows(trail.value, { gapName: (code) => gapNames.get(code) || code, langOf: (v) => drafts.get(v) ?? null }, { byUid: labels, lang: lawLang });
  }, [trail, loaded, labels, pkg, ui, lawLang]);
  // Each row's time, summary and searchable text, said once per interface language: not on every
  // keystroke of the search, nor on every scroll of the list (a date format is slow to make).
  const texts = useMemo(() => {
    const said = new Map<AuditRow, AuditSaid & { search: string }>();
    for (const row of rows) {
      const summary = saySummary(row.summary);
      const { actor, role, action } = row.entry;
      said.set(row, { at: formatMoment(row.entry.at, i18n.language, { seconds: true }), summary, search: searchable([summary, actor, role, row.label, row.provision, actionName(t, action)]) });
    }
    return said;
    // Said again when the language changes: `t` follows it.
  }, [rows, t, i18n.language]);
  const choices = useMemo(() => auditChoices(rows), [rows]);
  // Typing in the search stays immediate; the list follows when React has time (a few thousand rows).
  const deferred = useDeferredValue(filter);
  const wanted = useMemo(() => ({ ...deferred, uid: uid ?? null }), [deferred, uid]);
  const shown = useMemo(() => filterAudit(rows, wanted, (row) => texts.get(row)?.search ?? ''), [rows, wanted, texts]);
  // Stable, so that the memoised rows are not drawn again for a new function.
  const byProvision = useCallback((u: string) => navigate({ view: 'audit', packageId, uid: u }), [packageId]);
  const provisionName = uid ? (labels.get(uid) ?? rows.find((r) => r.provision === uid)?.label ?? uid) : null;

  if (pkg.state === 'error') return <ErrorBanner message={pkg.message} />;
  return (
    <div className="documents audit" data-testid="audit-view">
      <header className="document-header">
        <button type="button" className="link-button back" onClick={() => navigate({ view: 'package', packageId })} data-testid="audit-back">
          ← {t('audit.back')}
        </button>
        <div className="document-kicker">
          <span className="badge badge-draft">{t('audit.title')}</span>
        </div>
        <h1 className="document-title" data-testid="audit-package-title">
          {pkg.state === 'done' ? pkg.value.title : t('loading')}
        </h1>
        <div className="toolbar">
          <button type="button" className="button button-primary" disabled={log.checking} aria-busy={log.checking} onClick={() => void log.verify()} data-testid="audit-verify">
            {t('audit.verify')}
          </button>
          <button type="button" className="button" onClick={() => void log.exportAs('csv')} data-testid="audit-export-csv">
            {t('audit.exportCsv')}
          </button>
          <button type="button" className="button" onClick={() => void log.exportAs('json')} data-testid="audit-export-json">
            {t('audit.exportJson')}
          </button>
          <span className="hint" role="status" data-testid="audit-export-status">
            {log.saved && say(log.saved)}
          </span>
        </div>
      </header>
      <AuditCheckResult check={log.check} checking={log.checking} />
      <ErrorBanner message={log.error ? errorMessage(log.error) : null} />
      <div className="page wide">
        <AuditFilters
          filter={filter}
          onChange={setFilter}
          actions={choices.actions}
          actors={choices.actors}
          provision={provisionName}
          onAllProvisions={() => navigate({ view: 'audit', packageId })}
          shown={shown.length}
          total={rows.length}
        />
        {trail.state === 'loading' && <p className="loading">{t('loading')}</p>}
        {trail.state === 'error' && <ErrorBanner message={trail.message} />}
        {trail.state === 'done' && rows.length === 0 && <p className="hint">{t('audit.none')}</p>}
        {trail.state === 'done' && rows.length > 0 && shown.length === 0 && <p className="hint">{t('audit.noMatch')}</p>}
        {shown.length > 0 && <AuditTable rows={shown} said={texts} onProvision={byProvision} />}
      </div>
    </div>
  );
}
