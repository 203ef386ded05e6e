import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { failure, say, type Phrase } from '../i18n/phrase';
import { setTeamStatus, useTeamStatus } from '../team/team-status';

const OPEN_EVENT = 'zan:team-dialog';

/** Opens Settings → Team server (the title bar's status, the command palette). */
export function openTeamDialog(): void {
  window.dispatchEvent(new Event(OPEN_EVENT));
}

/**
 * Settings → Team server: the server's address and the person's token (given by the team's owner
 * with `zan server add-user`). Connecting checks both with the server before they are kept (the
 * token with the system's keychain); the dialog says who is connected, where the token is kept,
 * and whether the desktop is in step.
 */
export function TeamDialog() {
  const { t } = useTranslation();
  const status = useTeamStatus();
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [error, setError] = useState<Phrase | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const show = () => setOpen(true);
    window.addEventListener(OPEN_EVENT, show);
    return () => window.removeEventListener(OPEN_EVENT, show);
  }, []);
  useEffect(() => {
    if (!open) return;
    setUrl(status.url ?? '');
    setToken('');
    setError(null);
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
    // Filled from the status when opened, not on each of its changes.
  }, [open]);

  async function connect(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setTeamStatus(await call('connectTeam', { url: url.trim(), token: token.trim() }));
      setToken('');
    } catch (err) {
      setError(failure(err));
    } finally {
      setBusy(false);
    }
  }

  if (!open) return null;
  return (
    <dialog ref={dialog} className="dialog team-dialog" onCancel={() => setOpen(false)} onClose={() => setOpen(false)} data-testid="team-dialog">
      <form onSubmit={connect}>
        <h2>{t('teamUi.title')}</h2>
        <p className="field-note">{t('teamUi.intro')}</p>
        {status.connected && status.user && (
          <p className="notice" role="status" data-testid="team-connected">
            {t('teamUi.connectedAs', { name: status.user.name, role: t(`teamUi.role.${status.user.role}`, { defaultValue: status.user.role }), url: status.url })} · {t(`teamUi.state.${status.state === 'off' ? 'offline' : status.state}`)}
          </p>
        )}
        {status.kept === 'file' && <p className="hint">{t('teamUi.keptFile')}</p>}
        {status.kept === 'keychain' && <p className="hint">{t('teamUi.keptKeychain')}</p>}
        <label className="field">
          <span>{t('teamUi.url')}</span>
          <input value={url} onChange={(e) => setUrl(e.target.value)} placeholder={t('teamUi.urlExample')} required autoFocus inputMode="url" data-testid="team-url" />
        </label>
        <label className="field">
          <span>{t('teamUi.token')}</span>
          <input value={token} onChange={(e) => setToken(e.target.value)} type="password" autoComplete="off" required data-testid="team-token" />
        </label>
        {error && (
          <p className="error-text" role="alert" data-testid="team-error">
            {say(error)}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => setOpen(false)}>
            {t('teamUi.close')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="team-connect">
            {status.connected ? t('teamUi.reconnect') : t('teamUi.connect')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
