import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackageDocumentsData } from '../../shared/ipc';
import { LANGS, type Lang } from '../../shared/law';
import { TABLE_WORDS } from '../../shared/table/comparative';
import { call } from '../api';
import { auditCommand } from '../commands/audit-command';
import { useRegisterCommands } from '../commands/registry';
import { CompareView } from '../components/CompareView';
import { CoverageView } from '../components/CoverageView';
import { ExportDialog } from '../components/ExportDialog';
import { ThroughoutDialog } from '../components/ThroughoutDialog';
import { Windowed } from '../components/Windowed';
import { PackageParity } from '../components/PackageParity';
import { usePackageParity } from '../parity/use-parity';
import { ErrorBanner } from '../components/ErrorBanner';
import { langBadge } from '../format';
import { failure, phrase, say, type Phrase } from '../i18n/phrase';
import { navigate } from '../router';
import { useAsync } from '../useAsync';
import { PublishToTeam } from '../components/PublishToTeam';
import { useWork } from '../work';
import { RetryCancelled, WorkProgress } from '../components/WorkProgress';

type Runs = PackageDocumentsData['table'][number]['current'];
type TableRow = PackageDocumentsData['table'][number];

/** The height a row of the comparative table is expected to take before it is drawn (its longer wording's lines). */
function tableRowHeight(row: TableRow): number {
  const chars = (lines: Runs) => lines.reduce((n, line) => n + line.reduce((m, run) => m + run.text.length, 0) + 30, 0);
  return 24 + 21 * Math.max(1, Math.ceil(Math.max(chars(row.current), chars(row.proposed), row.justification.length) / 38));
}

function Cell({ lines }: { lines: Runs }) {
  return (
    <>
      {lines.map((line, i) => (
        <p key={i}>{line.map((r, j) => (r.bold ? <b key={j}>{r.text}</b> : <span key={j}>{r.text}</span>))}</p>
      ))}
    </>
  );
}

/**
 * The documents a draft amending law is submitted with: the text of the amending law and the
 * comparative table, live from the package's amendments, in each language the package has, with
 * export to DOCX and HTML.
 */
export function PackageDocumentsView({ packageId }: { packageId: string }) {
  const { t } = useTranslation();
  const [lang, setLang] = useState<Lang>('ru');
  const [tab, setTab] = useState<'law' | 'table' | 'coverage' | 'compare'>('law');
  const [gapFilter, setGapFilter] = useState('');
  const [readiness, setReadiness] = useState<Phrase | null>(null);
  const [status, setStatus] = useState<Phrase | null>(null);
  const [exporting, setExporting] = useState(false);
  const [replacing, setReplacing] = useState(false);
  // Bumped when the texts change from here (a replacement throughout): the documents are made again.
  const [textsChanged, setTextsChanged] = useState(0);
  const pkg = useAsync(() => call('getPackage', { packageId }), [packageId]);
  useRegisterCommands('package', useMemo(() => [auditCommand(() => navigate({ view: 'audit', packageId }))], [packageId]));
  const docsWork = useWork((jobId) => call('getPackageDocuments', { packageId, lang, jobId }), [packageId, lang, textsChanged]);
  const docs = docsWork.loaded;
  const [statusVersion, setStatusVersion] = useState(0);
  const coverage = useAsync(async () => ({ coverage: await call('getCoverage', { packageId }), gaps: await call('listGaps', {}) }), [packageId, statusVersion]);
  // The gaps of each amendment by uid, for the table's filter (a thousand rows, each looked up once).
  const gapsOf = useMemo(() => new Map((coverage.state === 'done' ? coverage.value.coverage.amendments : []).map((a) => [a.uid, a.gapCodes])), [coverage]);
  const pkgStatus = useAsync(async () => (await call('getPackage', { packageId })).status, [packageId, statusVersion]);
  // Read again when the status or the texts change (a refusal names what the parity has open).
  const parity = usePackageParity(packageId, `${statusVersion}-${textsChanged}-${readiness ? 'r' : ''}`);

  async function changeStatus(status: 'draft' | 'review') {
    setReadiness(null);
    try {
      await call('setPackageStatus', { packageId, status });
      setReadiness(status === 'review' ? phrase('gaps.ready') : null);
      setStatusVersion((n) => n + 1);
    } catch (error) {
      setReadiness(failure(error));
    }
  }

  async function exportDocument(format: 'docx' | 'html' | 'csv', document?: 'bilingual-table') {
    setStatus(null);
    try {
      // The coverage tab exports the table, which carries the gaps in its justification column.
      // (The compare tab has no export of its own: its draft's redline is in the export dialog.)
      const { path } = await call('exportPackageDocument', { packageId, lang, document: document ?? (tab === 'compare' ? 'table' : tab), format });
      if (path) setStatus(phrase('documents.exported', { path }));
    } catch (error) {
      setStatus(failure(error));
    }
  }

  if (pkg.state === 'error') return <ErrorBanner message={pkg.message} />;
  const firstDraft = pkg.state === 'done' ? pkg.value.drafts[0] : undefined;
  const languages = docs.state === 'done' ? docs.value.languages : [];
  const words = TABLE_WORDS[lang];
  return (
    <div className="documents">
      <header className="document-header">
        {firstDraft && (
          <button type="button" className="link-button back" onClick={() => navigate({ view: 'draft', packageId, versionId: firstDraft.versionId })}>
            ← {t('documents.back')}
          </button>
        )}
        <div className="document-kicker">
          <span className="badge badge-draft">{t('documents.title')}</span>
        </div>
        <h1 className="document-title">{pkg.state === 'done' ? pkg.value.title : t('loading')}</h1>
        <div className="toolbar">
          <div className="segmented" role="tablist">
            {(['law', 'table', 'coverage', 'compare'] as const).map((k) => (
              <button key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? 'is-active' : ''} onClick={() => setTab(k)} data-testid={`tab-${k}`}>
                {t(k === 'law' ? 'documents.law' : k === 'table' ? 'documents.table' : k === 'coverage' ? 'gaps.coverage' : 'compare.title')}
              </button>
            ))}
          </div>
          <div className="segmented">
            {LANGS.map((l) => (
              <button key={l} type="button" className={lang === l ? 'is-active' : ''} disabled={!languages.includes(l) && l !== lang} onClick={() => setLang(l)} data-testid={`doc-lang-${l}`}>
                {langBadge(l)}
              </button>
            ))}
          </div>
          {(tab === 'law' || tab === 'table') && (
            <button type="button" className="button" onClick={() => void exportDocument('docx')} data-testid="export-docx">
              {t('documents.exportDocx')}
            </button>
          )}
          {tab === 'table' && languages.includes('kk') && languages.includes('ru') && (
            <button type="button" className="button" onClick={() => void exportDocument('docx', 'bilingual-table')} data-testid="export-bilingual-table">
              {t('documents.bilingualTable')}
            </button>
          )}
          {tab === 'coverage' && (
            <button type="button" className="button" onClick={() => void exportDocument('csv')} data-testid="export-csv">
              {t('documents.exportCsv')}
            </button>
          )}
          {tab !== 'compare' && (
            <button type="button" className="button" onClick={() => void exportDocument('html')}>
              {t('documents.exportHtml')}
            </button>
          )}
          <button type="button" className="button" disabled={pkgStatus.state !== 'done' || pkgStatus.value !== 'draft'} onClick={() => setReplacing(true)} data-testid="open-throughout">
            {t('throughout.open')}
          </button>
          <button type="button" className="button" disabled={pkg.state !== 'done'} onClick={() => setExporting(true)} data-testid="open-export">
            {t('exports.open')}
          </button>
          <button type="button" className="button" onClick={() => navigate({ view: 'audit', packageId })} data-testid="open-audit">
            {t('audit.open')}
          </button>
          {firstDraft && <PublishToTeam packageId={packageId} draftId={firstDraft.versionId} />}
          {pkgStatus.state === 'done' && (
            <button type="button" className="button button-primary" onClick={() => void changeStatus(pkgStatus.value === 'review' ? 'draft' : 'review')} data-testid="mark-ready">
              {pkgStatus.value === 'review' ? t('gaps.backToDraft') : t('gaps.markReady')}
            </button>
          )}
          {status && (
            <span className="hint" role="status" data-testid="export-status">
              {say(status)}
            </span>
          )}
        </div>
      </header>
      {exporting && pkg.state === 'done' && <ExportDialog pkg={pkg.value} lang={lang} onClose={() => setExporting(false)} />}
      {replacing && (
        <ThroughoutDialog
          packageId={packageId}
          lang={lang}
          onClose={() => setReplacing(false)}
          onChanged={() => {
            setTextsChanged((n) => n + 1);
            setStatusVersion((n) => n + 1);
          }}
        />
      )}
      <PackageParity packageId={packageId} parity={parity.parity} />
      {readiness && (
        <p className="readiness" role="alert" data-testid="readiness">
          {say(readiness)}
        </p>
      )}
      {tab === 'coverage' && coverage.state === 'done' && (
        <div className="page wide">
          <CoverageView
            coverage={coverage.value.coverage}
            gaps={coverage.value.gaps}
            onOpen={(versionId, uid) => {
              sessionStorage.setItem('zan.reveal', uid);
              if (versionId) navigate({ view: 'draft', packageId, versionId });
            }}
          />
        </div>
      )}
      {tab === 'compare' && pkg.state === 'done' && (
        <div className="page wide">
          <CompareView pkg={pkg.value} />
        </div>
      )}
      {docs.state === 'loading' && <p className="loading">{t('loading')}</p>}
      <WorkProgress jobId={docsWork.jobId} label={t('work.documents')} />
      {docs.state === 'error' && <ErrorBanner message={docs.message} />}
      <RetryCancelled work={docsWork} />
      {(tab === 'law' || tab === 'table') && docs.state === 'done' && !docs.value.languages.includes(lang) && <p className="hint page-hint">{t('documents.noLanguage')}</p>}
      {(tab === 'law' || tab === 'table') && docs.state === 'done' && docs.value.languages.includes(lang) && docs.value.table.length === 0 && <p className="hint page-hint">{t('documents.noChanges')}</p>}
      {docs.state === 'done' && docs.value.table.length > 0 && tab === 'law' && (
        <article className="page amending-law" lang={lang} data-testid="amending-law">
          {docs.value.lawText.split('\n').map((line, i) => (
            <p key={i} className={/^(Статья \d+\.|\d+-бап\.|Article \d+\.)/u.test(line) ? 'law-article' : ''}>
              {line}
            </p>
          ))}
        </article>
      )}
      {docs.state === 'done' && docs.value.table.length > 0 && tab === 'table' && (
        <div className="page wide">
          {coverage.state === 'done' && (
            <select className="gap-filter" value={gapFilter} onChange={(e) => setGapFilter(e.target.value)} aria-label={t('gaps.filter')} data-testid="table-gap-filter">
              <option value="">{t('gaps.all')}</option>
              {coverage.value.gaps.filter((g) => !g.retired).map((g) => (
                <option key={g.code} value={g.code}>
                  {g.names[lang === 'en' ? 'en' : lang === 'kk' ? 'kk' : 'ru']}
                </option>
              ))}
            </select>
          )}
          <table className="comparative" lang={lang} data-testid="comparative-table">
            <thead>
              <tr>
                <th>{words.no}</th>
                <th>{words.element}</th>
                <th>{words.current}</th>
                <th>{words.proposed}</th>
                <th>{words.justification}</th>
              </tr>
            </thead>
            <tbody>
              <Windowed
                items={docs.value.table.filter((row) => !gapFilter || gapsOf.get(row.uid)?.includes(gapFilter))}
                keyOf={(row) => row.uid}
                estimate={tableRowHeight}
                spacer={(height, _where, ref) => (
                  <tr ref={ref} aria-hidden="true" className="windowed-spacer" style={{ height }}>
                    <td colSpan={5} />
                  </tr>
                )}
                render={(row, _i, ref) => (
                  <tr ref={ref}>
                    <td>{row.no}</td>
                    <td>{row.element}</td>
                    <td>
                      <Cell lines={row.current} />
                    </td>
                    <td>
                      <Cell lines={row.proposed} />
                    </td>
                    <td>{row.justification}</td>
                  </tr>
                )}
              />
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
