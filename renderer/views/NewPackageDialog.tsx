import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { langBadge } from '../format';
import { failure, say, type Phrase } from '../i18n/phrase';
import { announceIdentityChanged } from '../identity-events';
import { navigate } from '../router';

/** Another language text of the same law, which the package may amend too. */
export interface OtherText {
  lang: string;
  versionId: string;
  title: string;
}

/**
 * Asks for the title of a new draft amending law that amends the given text in force (and, if the
 * drafter ticks them, the law's texts in its other languages), then opens it.
 */
export function NewPackageDialog({ versionId, lawTitle, otherTexts, onClose }: { versionId: string; lawTitle: string; otherTexts: OtherText[]; onClose(): void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(() => t('newPackage.defaultTitle', { title: lawTitle.replace(/\s*\([^)]*\)\s*$/, '') }));
  // The law's text in the other official language is ticked from the start: a change is made in both.
  const [also, setAlso] = useState<Set<string>>(() => new Set(otherTexts.filter((o) => o.lang === 'ru' || o.lang === 'kk').map((o) => o.versionId)));
  const [busy, setBusy] = useState(false);
  // Who drafts: the name set in the app, or asked here the first time (changes are signed with it).
  const [author, setAuthor] = useState('');
  const [known, setKnown] = useState<{ name: string; role: string } | null>(null);
  const [error, setError] = useState<Phrase | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    void call('getIdentity', {}).then((who) => {
      setKnown(who);
      if (who) setAuthor(who.name);
    }, () => undefined);
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const name = author.trim();
      // A name given for the first time becomes the app's: comments, reviews and changes are signed with it.
      if (name && !known) {
        await call('setIdentity', { name, role: '' });
        announceIdentityChanged();
      }
      const pkg = await call('createPackage', { title, baseVersionIds: [versionId, ...also], ...(name ? { author: name } : {}) });
      // Open the draft of the text the drafter started from (the package may amend other languages too).
      const draft = pkg.drafts.find((d) => d.baseVersionId === versionId) ?? pkg.drafts[0];
      if (draft) navigate({ view: 'draft', packageId: pkg.id, versionId: draft.versionId });
      onClose();
    } catch (e) {
      setError(failure(e));
      setBusy(false);
    }
  }

  return (
    <dialog ref={dialog} className="dialog" onCancel={onClose} aria-labelledby="new-package-heading">
      <form onSubmit={submit}>
        <h2 id="new-package-heading">{t('newPackage.heading')}</h2>
        <label className="field">
          <span>{t('newPackage.titleLabel')}</span>
          <textarea value={title} onChange={(e) => setTitle(e.target.value)} rows={3} required autoFocus data-testid="package-title" />
        </label>
        <p className="field-note">
          {t('newPackage.amends')}: <strong>{lawTitle}</strong>
        </p>
        {otherTexts.length > 0 && (
          <fieldset className="field-set">
            <legend>{t('newPackage.alsoAmend')}</legend>
            {otherTexts.map((o) => (
              <label key={o.versionId} className="check">
                <input
                  type="checkbox"
                  checked={also.has(o.versionId)}
                  onChange={(e) => {
                    const next = new Set(also);
                    if (e.target.checked) next.add(o.versionId);
                    else next.delete(o.versionId);
                    setAlso(next);
                  }}
                  data-testid={`also-${o.lang}`}
                />
                <span className="badge badge-lang">{langBadge(o.lang)}</span> {o.title}
              </label>
            ))}
          </fieldset>
        )}
        <label className="field">
          <span>{t('newPackage.author')}</span>
          <input className="text-input" value={author} onChange={(e) => setAuthor(e.target.value)} placeholder={t('newPackage.authorHint')} data-testid="package-author" />
        </label>
        {error && <p className="error-text" role="alert">{say(error)}</p>}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('newPackage.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy || title.trim() === ''} data-testid="create-package">
            {t('newPackage.create')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
