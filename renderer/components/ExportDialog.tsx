import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleStatusData, PackageSummary } from '../../shared/ipc';
import type { Lang } from '../../shared/law';
import { call } from '../api';
import { errorMessage } from '../i18n';
import { failure, phrase, say, type Phrase } from '../i18n/phrase';
import { newJobId } from '../work';
import { WorkProgress } from './WorkProgress';

/** How often a running bundle is asked for its progress. */
const POLL_MS = 250;

/**
 * Exports of a package in one language: the redline of a draft (DOCX with tracked changes, HTML,
 * PDF; whole law or changed articles only; gap notes as comments or not), Akoma Ntoso XML (the
 * package as an amendment document, a draft as an act), and the whole bundle into a folder with a
 * progress bar and Cancel. Escape closes the dialog unless a bundle is running.
 */
export function ExportDialog({ pkg, lang, onClose }: { pkg: PackageSummary; lang: Lang; onClose(): void }) {
  const { t } = useTranslation();
  const drafts = pkg.drafts.filter((d) => d.lang === lang);
  const [versionId, setVersionId] = useState(drafts[0]?.versionId ?? '');
  const [format, setFormat] = useState<'docx' | 'html' | 'pdf'>('docx');
  const [exporting, setExporting] = useState<string | null>(null);
  const [changedOnly, setChangedOnly] = useState(false);
  const [comments, setComments] = useState(true);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Phrase | null>(null);
  const [bundle, setBundle] = useState<BundleStatusData | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const running = bundle?.state === 'running';

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  // Follows a running bundle until it ends. A poll that fails ends the following (the job is
  // unknown to the main process), so the dialog never waits on a job that will not report.
  useEffect(() => {
    if (!running || !bundle) return;
    const timer = window.setTimeout(() => {
      call('bundleStatus', { jobId: bundle.jobId }).then(setBundle, (e: unknown) => setBundle({ ...bundle, state: 'failed', error: errorMessage(e) }));
    }, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [running, bundle]);

  async function run(action: (jobId: string) => Promise<{ path: string | null }>) {
    setBusy(true);
    setMessage(null);
    const jobId = newJobId();
    setExporting(jobId);
    try {
      const { path } = await action(jobId);
      if (path) setMessage(phrase('documents.exported', { path }));
    } catch (e) {
      setMessage(failure(e));
    } finally {
      setBusy(false);
      setExporting(null);
    }
  }

  async function startBundle() {
    setMessage(null);
    try {
      const started = await call('startBundle', { packageId: pkg.id, lang, changedOnly, comments });
      if (started) setBundle(started);
    } catch (e) {
      setMessage(failure(e));
    }
  }

  const percent = bundle && bundle.total ? Math.round((bundle.done / bundle.total) * 100) : 0;
  return (
    <dialog
      ref={dialog}
      className="dialog export-dialog"
      aria-labelledby="export-heading"
      data-testid="export-dialog"
      onCancel={(e) => {
        // A running bundle is cancelled with its own button, not by Escape.
        if (running) e.preventDefault();
      }}
      onClose={() => {
        // Chromium closes a modal dialog on a second Escape without a cancelable event: while a
        // bundle runs, the dialog (with its progress and Cancel) comes back.
        if (running) dialog.current?.showModal();
        else onClose();
      }}
    >
      <h2 id="export-heading">{t('exports.heading')}</h2>
      <section className="export-section">
        <h3>{t('exports.redline')}</h3>
        <div className="export-row">
          <select value={versionId} onChange={(e) => setVersionId(e.target.value)} aria-label={t('exports.draft')} data-testid="export-draft">
            {drafts.map((d) => (
              <option key={d.versionId} value={d.versionId}>
                {d.title}
              </option>
            ))}
          </select>
          <div className="segmented" role="radiogroup" aria-label={t('exports.format')}>
            {(['docx', 'html', 'pdf'] as const).map((f) => (
              <button key={f} type="button" role="radio" aria-checked={format === f} className={format === f ? 'is-active' : ''} onClick={() => setFormat(f)} data-testid={`export-format-${f}`}>
                {f.toUpperCase()}
              </button>
            ))}
          </div>
        </div>
        <label className="check">
          <input type="checkbox" checked={changedOnly} onChange={(e) => setChangedOnly(e.target.checked)} data-testid="export-changed-only" />
          {t('exports.changedOnly')}
        </label>
        <label className="check">
          <input type="checkbox" checked={comments} onChange={(e) => setComments(e.target.checked)} />
          {t('exports.comments')}
        </label>
        <button
          type="button"
          className="button button-primary"
          disabled={busy || !versionId}
          onClick={() => void run((jobId) => call('exportRedline', { packageId: pkg.id, versionId, format, changedOnly, comments, jobId }))}
          data-testid="export-redline"
        >
          {t('exports.saveRedline')}
        </button>
      </section>
      <section className="export-section">
        <h3>Akoma Ntoso XML</h3>
        <div className="export-row">
          <button type="button" className="button" disabled={busy} onClick={() => void run((jobId) => call('exportAkn', { packageId: pkg.id, lang, document: 'package', jobId }))} data-testid="export-akn-package">
            {t('exports.aknPackage')}
          </button>
          <button type="button" className="button" disabled={busy || !versionId} onClick={() => void run((jobId) => call('exportAkn', { packageId: pkg.id, lang, document: 'draft', versionId, jobId }))}>
            {t('exports.aknDraft')}
          </button>
        </div>
      </section>
      <WorkProgress jobId={exporting} label={t('work.exporting')} steps={false} />
      <section className="export-section">
        <h3>{t('exports.bundle')}</h3>
        <p className="hint">{t('exports.bundleHint')}</p>
        {bundle && (
          <div className="bundle-progress" data-testid="bundle-progress">
            <progress max={bundle.total} value={bundle.done} aria-label={t('exports.progress')} />
            <span role="status">
              {bundle.state === 'running' && t('exports.running', { done: bundle.done, count: bundle.total, percent, file: bundle.current })}
              {bundle.state === 'done' && t('exports.bundleDone', { folder: bundle.folder })}
              {bundle.state === 'cancelled' && t('exports.cancelled')}
              {bundle.state === 'failed' && t('exports.failed', { error: bundle.error })}
            </span>
          </div>
        )}
        <div className="export-row">
          {running ? (
            <button type="button" className="button" onClick={() => void call('cancelBundle', { jobId: bundle.jobId }).then(setBundle, (e: unknown) => setMessage(failure(e)))} data-testid="bundle-cancel">
              {t('exports.cancel')}
            </button>
          ) : (
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void startBundle()} data-testid="bundle-start">
              {t('exports.startBundle')}
            </button>
          )}
        </div>
      </section>
      {message && (
        <p className="hint" role="status" data-testid="export-message">
          {say(message)}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" disabled={running} onClick={() => dialog.current?.close()}>
          {t('exports.close')}
        </button>
      </div>
    </dialog>
  );
}
