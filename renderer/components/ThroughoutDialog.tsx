import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../shared/ipc';
import type { Lang } from '../../shared/law';
import { suggestReplacement } from '../../shared/search/term-forms';
import { call } from '../api';
import { formatMoment } from '../format';
import { failure, phrase, say, type Phrase } from '../i18n/phrase';

type Forms = OutputOf<'throughoutForms'>;
type Result = OutputOf<'replaceThroughout'>;
type Made = OutputOf<'listThroughout'>;

/** One form found, as the drafter confirms it: replaced or not, and by what. */
interface FormChoice {
  form: string;
  count: number;
  acts: number;
  use: boolean;
  to: string;
}

/**
 * Replacement "throughout the text" of every act of a package in one language: the drafter names a
 * term and the new words, sees each form the term takes (with how often and in how many acts),
 * confirms or corrects the replacing words of each form (a first guess is filled in), and replaces
 * all at once. Each act's amending law then states it as one "по всему тексту … заменить
 * соответственно …". The result can be undone from the same dialog.
 */
export function ThroughoutDialog({ packageId, lang, onClose, onChanged }: { packageId: string; lang: Lang; onClose(): void; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [term, setTerm] = useState('');
  const [replacement, setReplacement] = useState('');
  const [found, setFound] = useState<Forms | null>(null);
  const [choices, setChoices] = useState<FormChoice[]>([]);
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Phrase | null>(null);
  // The replacements made before (in this session or another), each can be undone from here.
  const [made, setMade] = useState<Made>([]);
  const [listed, setListed] = useState(0);
  useEffect(() => {
    void call('listThroughout', { packageId }).then(setMade, () => setMade([]));
  }, [packageId, listed]);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  /** Runs one step of the dialog: busy meanwhile, the last message cleared, a failure said. */
  async function act(step: () => Promise<void>) {
    setBusy(true);
    setMessage(null);
    try {
      await step();
    } catch (e) {
      setMessage(failure(e));
    } finally {
      setBusy(false);
    }
  }

  const findForms = () =>
    act(async () => {
      setResult(null);
      const forms = await call('throughoutForms', { packageId, lang, term });
      setFound(forms);
      setChoices(forms.forms.map((f) => ({ ...f, use: true, to: suggestReplacement(f.form, term, replacement.trim()) })));
      if (forms.forms.length === 0) setMessage(phrase('throughout.none'));
    });

  const replace = () =>
    act(async () => {
      const replacements = choices.filter((c) => c.use).map((c) => ({ from: c.form, to: c.to.trim() }));
      setResult(await call('replaceThroughout', { packageId, lang, replacements }));
      setFound(null);
      setListed((n) => n + 1);
      onChanged();
    });

  const undo = (operationId = result?.operationId) =>
    act(async () => {
      if (!operationId) return;
      const undone = await call('undoThroughout', { packageId, operationId });
      if (operationId === result?.operationId) setResult(null);
      setMessage(phrase('throughout.undone', { count: undone.units }));
      setListed((n) => n + 1);
      onChanged();
    });

  const chosen = choices.filter((c) => c.use);
  const ready = chosen.length > 0 && chosen.every((c) => c.to.trim().length > 0);
  const set = (i: number, patch: Partial<FormChoice>) => setChoices((list) => list.map((c, k) => (k === i ? { ...c, ...patch } : c)));
  return (
    <dialog ref={dialog} className="dialog throughout-dialog" aria-labelledby="throughout-heading" data-testid="throughout-dialog" onClose={onClose}>
      <h2 id="throughout-heading">{t('throughout.heading')}</h2>
      <p className="hint">{t('throughout.hint')}</p>
      <form
        className="throughout-terms"
        onSubmit={(e) => {
          e.preventDefault();
          void findForms();
        }}
      >
        <label>
          {t('throughout.term')}
          <input value={term} onChange={(e) => setTerm(e.target.value)} lang={lang} autoFocus data-testid="throughout-term" />
        </label>
        <label>
          {t('throughout.replacement')}
          <input value={replacement} onChange={(e) => setReplacement(e.target.value)} lang={lang} data-testid="throughout-replacement" />
        </label>
        <button type="submit" className="button" disabled={busy || !term.trim()} data-testid="throughout-find">
          {t('throughout.find')}
        </button>
      </form>
      {found && found.forms.length > 0 && (
        <>
          <p className="hint" data-testid="throughout-summary">
            {t('throughout.summary', { count: found.forms.length, acts: found.acts.filter((a) => a.count > 0).length })}
          </p>
          <table className="throughout-forms" data-testid="throughout-forms">
            <thead>
              <tr>
                <th>{t('throughout.use')}</th>
                <th>{t('throughout.form')}</th>
                <th>{t('throughout.times')}</th>
                <th>{t('throughout.replaceWith')}</th>
              </tr>
            </thead>
            <tbody>
              {choices.map((c, i) => (
                <tr key={c.form}>
                  <td>
                    <input type="checkbox" checked={c.use} onChange={(e) => set(i, { use: e.target.checked })} aria-label={t('throughout.useForm', { form: c.form })} />
                  </td>
                  <td lang={lang}>{c.form}</td>
                  <td>{t('throughout.count', { count: c.count, acts: c.acts })}</td>
                  <td>
                    <input value={c.to} disabled={!c.use} onChange={(e) => set(i, { to: e.target.value })} lang={lang} aria-label={t('throughout.replaceForm', { form: c.form })} data-testid="throughout-to" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {result && (
        <div className="throughout-result" role="status" data-testid="throughout-result">
          <p>{t('throughout.done', { count: result.acts.length })}</p>
          <ul>
            {result.acts.map((a) => (
              <li key={a.versionId}>
                {a.title}: {t('throughout.actDone', { count: a.count, units: a.units })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {made.length > 0 && !result && (
        <section className="throughout-made" data-testid="throughout-made">
          <h3>{t('throughout.made')}</h3>
          <ul>
            {made.map((m) => (
              <li key={m.operationId}>
                <span lang={lang}>
                  {m.replacements
                    .slice(0, 2)
                    .map((r) => `«${r.from}» → «${r.to}»`)
                    .join('; ')}
                  {m.replacements.length > 2 ? ' …' : ''}
                </span>{' '}
                <span className="hint">{t('throughout.madeBy', { author: m.createdBy, date: formatMoment(m.createdAt, i18n.language), count: m.acts })}</span>{' '}
                <button type="button" className="link-button" disabled={busy} onClick={() => void undo(m.operationId)} data-testid="throughout-undo-made">
                  {t('throughout.undo')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {message && (
        <p className="hint" role="status" data-testid="throughout-message">
          {say(message)}
        </p>
      )}
      <div className="dialog-actions">
        {result && (
          <button type="button" className="button" disabled={busy} onClick={() => void undo()} data-testid="throughout-undo">
            {t('throughout.undo')}
          </button>
        )}
        {found && found.forms.length > 0 && (
          <button type="button" className="button button-primary" disabled={busy || !ready} onClick={() => void replace()} data-testid="throughout-apply">
            {t('throughout.apply', { count: chosen.length })}
          </button>
        )}
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          {t('exports.close')}
        </button>
      </div>
    </dialog>
  );
}
