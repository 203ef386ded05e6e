import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import type { Backup } from '../backups/backup-facts';
import { onBackupsRequested } from '../backups/open-backups';
import { failure, say, type Phrase } from '../i18n/phrase';
import { useAsync } from '../useAsync';
import { BackupList } from './BackupList';
import { RestoreConfirm } from './RestoreConfirm';

/**
 * The backups dialog, shown when asked for (openBackups: the palette, the help page). It lives
 * once in the window, beside the palette, so no view has to hold it.
 */
export function BackupsDialog() {
  const [open, setOpen] = useState(false);
  useEffect(() => onBackupsRequested(() => setOpen(true)), []);
  return open ? <Backups onClose={() => setOpen(false)} /> : null;
}

/**
 * The list of the database's backups, a restore confirmed in the dialog itself, and what came of
 * it: the app restarting, or (where there is no app to restart) the backup put in place at the
 * next start. Escape closes it, except while a restore is asked for or the app is restarting.
 */
function Backups({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  // A failed restore (a backup pruned meanwhile) lists the backups again when the list comes back.
  const [listing, setListing] = useState(0);
  const list = useAsync(() => call('listBackups', {}), [listing]);
  const [confirming, setConfirming] = useState<Backup | null>(null);
  const [back, setBack] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Phrase | null>(null);
  const [done, setDone] = useState<{ restarting: boolean } | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const locked = busy || done?.restarting === true;

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  useEffect(() => {
    // The confirmation that held the focus is gone: the focus goes to what is left to do.
    if (done) close.current?.focus();
  }, [done]);

  async function restore(backup: Backup) {
    setBusy(true);
    setError(null);
    try {
      setDone(await call('restoreBackup', { name: backup.name }));
      setConfirming(null);
    } catch (e) {
      setError(failure(e));
    } finally {
      setBusy(false);
    }
  }

  function cancel() {
    if (confirming) setBack(confirming.name);
    setConfirming(null);
    if (error) setListing((n) => n + 1);
    setError(null);
  }

  return (
    <dialog
      ref={dialog}
      className="dialog backups-dialog"
      aria-labelledby="backups-heading"
      data-testid="backups-dialog"
      onCancel={(e) => {
        // Asked for, or the app is going down: the dialog stays to say what happens.
        if (locked) e.preventDefault();
      }}
      onClose={() => {
        // Chromium closes a modal dialog on a second Escape without a cancelable event.
        if (locked) dialog.current?.showModal();
        else onClose();
      }}
    >
      <h2 id="backups-heading">{t('backups.heading')}</h2>
      {done ? (
        <p role="status" data-testid="backups-done" data-restarting={done.restarting}>
          {done.restarting ? t('backups.restarting') : t('backups.nextStart')}
        </p>
      ) : confirming ? (
        <RestoreConfirm backup={confirming} busy={busy} onConfirm={() => void restore(confirming)} onCancel={cancel} />
      ) : list.state === 'loading' ? (
        <p className="hint">{t('loading')}</p>
      ) : list.state === 'error' ? (
        <p className="error-text" role="alert">
          {list.message}
        </p>
      ) : list.value.length === 0 ? (
        <p data-testid="backups-empty">{t('backups.empty')}</p>
      ) : (
        <>
          <p className="hint">{t('backups.intro')}</p>
          <BackupList backups={list.value} focus={back} onRestore={setConfirming} />
        </>
      )}
      {error && (
        <p className="error-text" role="alert" data-testid="backups-error">
          {say(error)}
        </p>
      )}
      {/* While confirming, Cancel goes back to the list; the dialog's own Close is for the list and the outcome. */}
      {!confirming && !done?.restarting && (
        <div className="dialog-actions">
          <button ref={close} type="button" className="button" onClick={() => dialog.current?.close()} data-testid="backups-close">
            {t('backups.close')}
          </button>
        </div>
      )}
    </dialog>
  );
}
