import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../shared/ipc';
import { call } from '../api';
import { failure, say, type Phrase } from '../i18n/phrase';
import { announceIdentityChanged } from '../identity-events';
import { langBadge } from '../format';
import { navigate } from '../router';

const DONE_KEY = 'zan.guide';

/** Whether the guide was finished or skipped on this computer. */
export function guideDone(): boolean {
  return globalThis.localStorage?.getItem(DONE_KEY) === 'done';
}

/** Shows the guide again (from the help page or the palette). */
export function showGuideAgain(): void {
  globalThis.localStorage?.removeItem(DONE_KEY);
  window.dispatchEvent(new Event(DONE_KEY));
}

type Texts = OutputOf<'listLibrary'>[number]['expressions'];

/**
 * The short guide of the first start: what the workbench is for, who is working (changes, comments
 * and decisions are signed with that name: nothing is signed by the program's name), and the first
 * draft — a law chosen, a package named, the draft opened in the editor. Skipping keeps it from
 * coming back; the help page and the palette bring it back.
 */
export function FirstStartGuide() {
  const { t } = useTranslation();
  const [show, setShow] = useState(false);
  const [step, setStep] = useState(0);
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [texts, setTexts] = useState<Texts>([]);
  const [versionId, setVersionId] = useState('');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<Phrase | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const check = () => {
      if (guideDone()) return;
      void call('getIdentity', {}).then((who) => {
        if (who) {
          setName(who.name);
          setRole(who.role);
        }
        setStep(0);
        setShow(true);
      }, () => undefined);
    };
    check();
    window.addEventListener(DONE_KEY, check);
    return () => window.removeEventListener(DONE_KEY, check);
  }, []);
  useEffect(() => {
    if (show && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [show]);
  useEffect(() => {
    if (step !== 2) return;
    void call('listLibrary', {}).then((works) => {
      const list = works.flatMap((w) => w.expressions.filter((e) => e.versionId));
      setTexts(list);
      const first = list.find((e) => e.lang === 'ru') ?? list[0];
      if (first?.versionId) {
        setVersionId(first.versionId);
        setTitle(t('newPackage.defaultTitle', { title: first.title.replace(/\s*\([^)]*\)\s*$/u, '') }));
      }
    }, (e: unknown) => setError(failure(e)));
  }, [step, t]);

  const finish = () => {
    globalThis.localStorage?.setItem(DONE_KEY, 'done');
    dialog.current?.close();
    setShow(false);
  };

  async function saveIdentity(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await call('setIdentity', { name: name.trim(), role: role.trim() });
      announceIdentityChanged();
      setStep(2);
    } catch (err) {
      setError(failure(err));
    }
  }

  async function startDraft(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const pkg = await call('createPackage', { title, baseVersionIds: [versionId] });
      finish();
      const draft = pkg.drafts[0];
      if (draft) navigate({ view: 'draft', packageId: pkg.id, versionId: draft.versionId });
    } catch (err) {
      setError(failure(err));
    }
  }

  if (!show) return null;
  return (
    <dialog ref={dialog} className="dialog guide" aria-labelledby="guide-heading" data-testid="guide" onCancel={finish}>
      <p className="guide-steps" aria-hidden="true">
        {[0, 1, 2].map((s) => (
          <span key={s} className={s === step ? 'is-current' : ''} />
        ))}
      </p>
      {step === 0 && (
        <>
          <h2 id="guide-heading">{t('guide.welcome')}</h2>
          <ul className="guide-points">
            <li>{t('guide.point1')}</li>
            <li>{t('guide.point2')}</li>
            <li>{t('guide.point3')}</li>
            <li>{t('guide.point4')}</li>
          </ul>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={finish} data-testid="guide-skip">
              {t('guide.skip')}
            </button>
            <button type="button" className="button button-primary" autoFocus onClick={() => setStep(1)} data-testid="guide-next">
              {t('guide.next')}
            </button>
          </div>
        </>
      )}
      {step === 1 && (
        <form onSubmit={(e) => void saveIdentity(e)}>
          <h2 id="guide-heading">{t('guide.who')}</h2>
          <p className="field-note">{t('identity.why')}</p>
          <label className="field">
            <span>{t('identity.name')}</span>
            <input value={name} onChange={(e) => setName(e.target.value)} required autoFocus data-testid="guide-name" />
          </label>
          <label className="field">
            <span>{t('identity.role')}</span>
            <input value={role} onChange={(e) => setRole(e.target.value)} data-testid="guide-role" />
          </label>
          {error && <p className="error-text">{say(error)}</p>}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setStep(0)}>
              {t('guide.back')}
            </button>
            <button type="submit" className="button button-primary" disabled={!name.trim()} data-testid="guide-save-identity">
              {t('guide.next')}
            </button>
          </div>
        </form>
      )}
      {step === 2 && (
        <form onSubmit={(e) => void startDraft(e)}>
          <h2 id="guide-heading">{t('guide.firstDraft')}</h2>
          <p className="field-note">{t('guide.firstDraftHint')}</p>
          <label className="field">
            <span>{t('newPackage.amends')}</span>
            <select
              value={versionId}
              onChange={(e) => {
                setVersionId(e.target.value);
                const chosen = texts.find((x) => x.versionId === e.target.value);
                if (chosen) setTitle(t('newPackage.defaultTitle', { title: chosen.title.replace(/\s*\([^)]*\)\s*$/u, '') }));
              }}
              data-testid="guide-law"
            >
              {texts.map((x) => (
                <option key={x.versionId} value={x.versionId ?? ''}>
                  {langBadge(x.lang)} · {x.title}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('newPackage.titleLabel')}</span>
            <textarea value={title} onChange={(e) => setTitle(e.target.value)} rows={3} required data-testid="guide-title" />
          </label>
          {error && <p className="error-text">{say(error)}</p>}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={finish} data-testid="guide-later">
              {t('guide.later')}
            </button>
            <button type="submit" className="button button-primary" disabled={!versionId || !title.trim()} data-testid="guide-start">
              {t('guide.start')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
