import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { failure, say, type Phrase } from '../i18n/phrase';
import { onIdentityChanged } from '../identity-events';

/**
 * Who is working, in the title bar: review actions and comments are signed with this name and
 * role. Until it is set, the button asks for it.
 */
export function IdentityButton() {
  const { t } = useTranslation();
  const [identity, setIdentity] = useState<{ name: string; role: string } | null>(null);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [error, setError] = useState<Phrase | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const load = () => void call('getIdentity', {}).then(setIdentity, () => undefined);
    load();
    return onIdentityChanged(load);
  }, []);
  useEffect(() => {
    if (open && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [open]);

  async function save(e: FormEvent) {
    e.preventDefault();
    try {
      setIdentity(await call('setIdentity', { name, role }));
      setOpen(false);
    } catch (err) {
      setError(failure(err));
    }
  }

  return (
    <>
      <button
        type="button"
        className="nav-link identity"
        onClick={() => {
          setName(identity?.name ?? '');
          setRole(identity?.role ?? '');
          setOpen(true);
        }}
        data-testid="identity"
      >
        {identity ? `${identity.name}${identity.role ? ` · ${identity.role}` : ''}` : t('identity.who')}
      </button>
      {open && (
        <dialog ref={dialog} className="dialog" onCancel={() => setOpen(false)} onClose={() => setOpen(false)}>
          <form onSubmit={save}>
            <h2>{t('identity.title')}</h2>
            <p className="field-note">{t('identity.why')}</p>
            <label className="field">
              <span>{t('identity.name')}</span>
              <input value={name} onChange={(e) => setName(e.target.value)} required autoFocus data-testid="identity-name" />
            </label>
            <label className="field">
              <span>{t('identity.role')}</span>
              <input value={role} onChange={(e) => setRole(e.target.value)} data-testid="identity-role" />
            </label>
            {error && <p className="error-text">{say(error)}</p>}
            <div className="dialog-actions">
              <button type="button" className="button" onClick={() => setOpen(false)}>
                {t('newPackage.cancel')}
              </button>
              <button type="submit" className="button button-primary" data-testid="identity-save">
                {t('gaps.save')}
              </button>
            </div>
          </form>
        </dialog>
      )}
    </>
  );
}
