import i18next from 'i18next';
import { useEffect, useRef, useState, type ClipboardEvent, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreviewData, LibraryEntry, OutputOf } from '../../shared/ipc';
import { LANGS, lineLabel, type Lang, type ProvisionJSON } from '../../shared/law';
import { call } from '../api';
import { langBadge } from '../format';
import { failure, phrase, say, type Phrase } from '../i18n/phrase';
import { navigate } from '../router';
import { newJobId } from '../work';
import { TeamMoveOffer } from '../team/TeamMoveOffer';
import { ImportPair, type ImportPairState } from './ImportPair';
import { WorkProgress } from './WorkProgress';

/** The importers' own limit on a file's size: a larger file is refused here, before it is sent. */
const MAX_BYTES = 30 * 1024 * 1024;
/** How many units the preview lists before it says how many more there are. */
const OUTLINE_LIMIT = 400;

/** A file's bytes as base64, the way they cross to the main process. */
function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

/** The detected tree as the preview lists it: each unit's label and the start of its text. */
function outline(lang: Lang, units: readonly ProvisionJSON[], depth = 0, out: { depth: number; label: string; text: string; repealed: boolean; notes: number }[] = []) {
  for (const u of units) {
    if (out.length >= OUTLINE_LIMIT) break;
    out.push({ depth, label: lineLabel(lang, u.kind, u.num).trim(), text: u.heading || u.text, repealed: u.repealed, notes: u.notes.length });
    outline(lang, u.children, depth + 1, out);
  }
  return out;
}

/**
 * A finding of the importer in the interface's language: by its code, with what it names, when the
 * catalogue knows the code (the structure errors keep their English detail as `message`); else as the
 * importer said it.
 */
function findingText(f: { code: string; message: string; params?: Record<string, string | number> }): string {
  const key = `importFindings.${f.code}`;
  return i18next.exists(key) ? i18next.t(key, { ...f.params, message: f.message }) : f.message;
}

/** The reader's findings on a text, errors first. */
function readerFindings(preview: ImportPreviewData, testId: string) {
  const listed = [...preview.findings.filter((f) => f.severity === 'error'), ...preview.findings.filter((f) => f.severity === 'warning')];
  if (listed.length === 0) return null;
  return (
    <ul className="findings" data-testid={testId}>
      {listed.map((f, i) => (
        <li key={i} className={f.severity === 'error' ? 'error-text' : ''}>
          <strong>{f.where}</strong>: {findingText(f)}
        </li>
      ))}
    </ul>
  );
}

/**
 * Imports a law: a file dropped here or chosen (plain text, a portal page, a Word document, Akoma
 * Ntoso XML), read by the main process within its limits; the detected tree and every line the
 * importer was unsure about are shown before anything is saved; then it is saved as a new law or
 * as a new version (in force from a date) of a law in the library — whose open drafts are rebased.
 * A Kazakh or Russian text may have the same law's text in the other official language added
 * (ImportPair): the two are compared before saving, and saved together as one law.
 */
export function ImportDialog({ laws, onClose }: { laws: LibraryEntry[]; onClose(): void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [lang, setLang] = useState<Lang | ''>('');
  const [reading, setReading] = useState<{ name: string; size: number } | null>(null);
  const [preview, setPreview] = useState<ImportPreviewData | null>(null);
  const [error, setError] = useState<Phrase | null>(null);
  const [over, setOver] = useState(false);
  const [target, setTarget] = useState<'new' | string>('new');
  const [title, setTitle] = useState('');
  const [inForceFrom, setInForceFrom] = useState('');
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<OutputOf<'commitImport'> | null>(null);
  const [readingJob, setReadingJob] = useState<string | null>(null);
  // The same law in the other official language, when added: saved with the first as one law.
  const [second, setSecond] = useState<ImportPairState | null>(null);
  const [pairError, setPairError] = useState<Phrase | null>(null);
  const [savedBoth, setSavedBoth] = useState(false);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  /** Reads a file into an import the main process keeps, showing its progress; null (and `fail` told why) when refused. */
  async function previewFile(file: File, language: Lang | '', fail: (why: Phrase) => void): Promise<ImportPreviewData | null> {
    if (file.size > MAX_BYTES) {
      fail(phrase('import.tooBig', { name: file.name, mb: Math.round(file.size / 1048576) }));
      return null;
    }
    setReading({ name: file.name, size: file.size });
    try {
      const jobId = newJobId();
      setReadingJob(jobId);
      return await call('previewImport', { name: file.name, base64: await toBase64(file), ...(language ? { lang: language } : {}), jobId });
    } catch (e) {
      fail(failure(e));
      return null;
    } finally {
      setReading(null);
      setReadingJob(null);
    }
  }

  async function read(file: File) {
    setError(null);
    setPreview(null);
    setSecond(null);
    setPairError(null);
    const p = await previewFile(file, lang, setError);
    if (!p) return;
    setPreview(p);
    setTitle(p.title ?? file.name.replace(/\.[^.]+$/, ''));
    setInForceFrom(new Date().toISOString().slice(0, 10));
    const candidate = p.candidates[0];
    setTarget(candidate ? candidate.workId : 'new');
  }

  /** Reads the other official text (its language from its headings) and compares it with the first. */
  async function readSecond(file: File) {
    if (!preview) return;
    setSecond(null);
    setPairError(null);
    const p = await previewFile(file, '', setPairError);
    if (!p) return;
    try {
      setSecond({ preview: p, pair: await call('previewImportPair', { importIds: [preview.importId, p.importId] }) });
    } catch (e) {
      setPairError(failure(e));
    }
  }

  /**
   * Text pasted from the portal (or a word processor) is read as a file would be: the HTML the
   * clipboard holds when there is some (it keeps the portal's markup of notes), its plain text else.
   */
  function onPaste(e: ClipboardEvent) {
    const html = e.clipboardData.getData('text/html');
    const text = e.clipboardData.getData('text/plain');
    if (!html && !text) return;
    e.preventDefault();
    void read(html ? new File([html], 'pasted.html', { type: 'text/html' }) : new File([text], 'pasted.txt', { type: 'text/plain' }));
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) void read(file);
  }

  async function save() {
    if (!preview) return;
    setSaving(true);
    setError(null);
    try {
      // Two texts of a new law: what the first's act line lacks, the second's may give; both are
      // in force from one date, the one entered when neither gives it.
      const act = preview.act ?? second?.preview.act ?? null;
      const saveTarget =
        target === 'new'
          ? { kind: 'new' as const, title: title.trim() || preview.file, lawKind: act?.kind ?? 'law', date: act?.date ?? (second ? inForceFrom : null), number: act?.number ?? null }
          : { kind: 'version' as const, workId: target, inForceFrom };
      if (second) {
        const [first, other] = await call('commitImportPair', { importIds: [preview.importId, second.preview.importId], target: saveTarget });
        if (first) setSaved({ ...first, rebased: [...first.rebased, ...(other?.rebased ?? [])] });
        setSavedBoth(true);
      } else setSaved(await call('commitImport', { importId: preview.importId, target: saveTarget }));
    } catch (e) {
      setError(failure(e));
    } finally {
      setSaving(false);
    }
  }

  // A date is entered for a new version, and for a pair saved as a new law whose files give none.
  const needsDate = target !== 'new' || (second !== null && !(preview?.act ?? second.preview.act));
  const canSave = !!preview?.canSave && (!second || second.preview.canSave) && !saving && !(needsDate && !inForceFrom);
  const rows = preview ? outline(preview.lang, preview.law.body) : [];
  const total = preview ? Object.values(preview.counts).reduce((a, b) => a + b, 0) : 0;
  const others = laws.filter((w) => !preview?.candidates.some((c) => c.workId === w.workId));
  return (
    <dialog ref={dialog} className="dialog import-dialog" onClose={onClose} aria-labelledby="import-heading" data-testid="import-dialog">
      <h2 id="import-heading">{t('import.heading')}</h2>
      {!saved && (
        <div
          className={`drop-zone${over ? ' is-over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
          data-testid="drop-zone"
        >
          <p>{t('import.drop')}</p>
          <div className="export-row">
            <button type="button" className="button" onClick={() => input.current?.click()}>
              {t('import.choose')}
            </button>
            <input ref={input} type="file" hidden accept=".txt,.html,.htm,.docx,.xml" onChange={(e) => e.target.files?.[0] && void read(e.target.files[0])} data-testid="import-file" />
            <textarea className="paste-zone" rows={2} value="" onChange={() => undefined} onPaste={onPaste} placeholder={t('import.paste')} aria-label={t('import.paste')} data-testid="import-paste" />
            <label className="check">
              {t('import.language')}
              <select value={lang} onChange={(e) => setLang(e.target.value as Lang | '')}>
                <option value="">{t('import.detect')}</option>
                {LANGS.map((l) => (
                  <option key={l} value={l}>
                    {langBadge(l)}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </div>
      )}
      {reading && (
        <div className="bundle-progress" role="status">
          <progress aria-label={t('import.reading', { name: reading.name })} />
          <span>{t('import.reading', { name: reading.name })} ({t('import.size', { mb: (reading.size / 1048576).toFixed(1) })})</span>
        </div>
      )}
      <WorkProgress jobId={readingJob} label={t('work.reading')} steps={false} />
      {error && (
        <p className="error-text" role="alert" data-testid="import-error">
          {say(error)}
        </p>
      )}
      {preview && !saved && (
        <section className="import-preview" data-testid="import-preview">
          <p>
            <strong>{preview.file}</strong> · {preview.format.toUpperCase()} · <span className="badge badge-lang">{langBadge(preview.lang)}</span>
            {preview.title && <> · {preview.title}</>}
            {preview.act && <> · {t('import.act', { date: preview.act.date, number: preview.act.number })}</>}
          </p>
          <p className="hint" data-testid="import-counts">
            {t('import.counts', {
              chapters: t('import.chapters', { count: preview.counts['chapter'] ?? 0 }),
              articles: t('import.articles', { count: preview.counts['article'] ?? 0 }),
              paragraphs: t('import.paragraphs', { count: preview.counts['paragraph'] ?? 0 }),
              subparagraphs: t('import.subparagraphs', { count: preview.counts['subparagraph'] ?? 0 }),
            })}
          </p>
          {readerFindings(preview, 'import-findings')}
          <ol className="import-outline" data-testid="import-outline">
            {rows.map((r, i) => (
              <li key={i} style={{ paddingLeft: `${r.depth * 16}px` }} className={r.repealed ? 'is-repealed' : ''}>
                <b>{r.label}</b> {r.text.length > 90 ? `${r.text.slice(0, 88)}…` : r.text}
                {r.notes > 0 && <span className="badge badge-muted">{t('import.notes', { count: r.notes })}</span>}
              </li>
            ))}
            {total > rows.length && <li className="hint">{t('import.more', { count: total - rows.length })}</li>}
          </ol>
          <fieldset className="field-set">
            <legend>{t('import.saveAs')}</legend>
            <label className="check">
              <input type="radio" name="target" checked={target === 'new'} onChange={() => setTarget('new')} data-testid="import-as-new" /> {t('import.asNew')}
            </label>
            {target === 'new' && <input className="text-input" value={title} onChange={(e) => setTitle(e.target.value)} aria-label={t('import.title')} />}
            {[...preview.candidates, ...others.map((w) => ({ workId: w.workId, title: (w.expressions.find((e) => e.lang === preview.lang) ?? w.expressions[0])?.title ?? w.slug }))].map((c, i) => (
              <label key={c.workId} className="check">
                <input type="radio" name="target" checked={target === c.workId} onChange={() => setTarget(c.workId)} data-testid={`import-into-${i}`} /> {t('import.asVersion', { title: c.title })}
                {i < preview.candidates.length && <span className="badge">{t('import.likely')}</span>}
              </label>
            ))}
            {needsDate && (
              <label className="check">
                {t('import.inForceFrom')} <input type="date" value={inForceFrom} onChange={(e) => setInForceFrom(e.target.value)} data-testid="import-date" />
              </label>
            )}
          </fieldset>
          {(preview.lang === 'ru' || preview.lang === 'kk') && (
            <ImportPair first={preview} second={second} error={pairError} busy={reading !== null} onChoose={(file) => void readSecond(file)} onRemove={() => setSecond(null)}>
              {second && readerFindings(second.preview, 'import-second-findings')}
            </ImportPair>
          )}
        </section>
      )}
      {saved && (
        <section className="import-done" role="status" data-testid="import-done">
          <p>{savedBoth ? t('importPair.saved') : t('import.saved')}</p>
          {saved.rebased.length > 0 && (
            <ul>
              {saved.rebased.map((r) => (
                <li key={r.versionId}>{r.onTeam ? <TeamMoveOffer versionId={r.versionId} packageTitle={r.packageTitle} onto={r.onto ?? saved.versionId} /> : r.error ? t('import.notRebased', { title: r.packageTitle, error: r.error }) : t('import.rebased', { title: r.packageTitle, carried: t('import.carried', { count: r.carried }), conflicts: t('import.toDecide', { count: r.conflicts }) })}</li>
              ))}
            </ul>
          )}
        </section>
      )}
      <div className="dialog-actions">
        {saved ? (
          <button type="button" className="button button-primary" onClick={() => (dialog.current?.close(), navigate({ view: 'law', versionId: saved.versionId }))} data-testid="import-open">
            {t('import.openLaw')}
          </button>
        ) : (
          <button type="button" className="button button-primary" disabled={!canSave} onClick={() => void save()} data-testid="import-save">
            {t('import.save')}
          </button>
        )}
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          {t('exports.close')}
        </button>
      </div>
    </dialog>
  );
}
