import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../shared/ipc';
import { call } from '../api';
import { failure, say, type Phrase } from '../i18n/phrase';
import { TeamPeopleChoice } from './TeamPeopleChoice';
import { setTeamStatus, useTeamStatus } from '../team/team-status';
import { TeamMembers } from './TeamMembers';

/**
 * A package's place on the team server, in its documents view: "On the team server" once it is
 * there (with who it is shared with, to change: TeamMembers); while this desktop is connected and it is not, a command that publishes it, with the
 * people of the team it is shared with (chosen in a dialog). Nothing when working alone.
 */
export function PublishToTeam({ packageId, draftId }: { packageId: string; draftId: string }) {
  const { t } = useTranslation();
  const status = useTeamStatus();
  const [linked, setLinked] = useState<boolean | null>(null);
  const [open, setOpen] = useState(false);
  const [people, setPeople] = useState<OutputOf<'listTeamPeople'> | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [error, setError] = useState<Phrase | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    void call('getTeamDraft', { versionId: draftId }).then((d) => setLinked(d.linked), () => setLinked(null));
  }, [draftId, status.seq]);
  useEffect(() => {
    if (!open) return;
    setError(null);
    void call('listTeamPeople', {}).then(setPeople, (err: unknown) => setError(failure(err)));
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [open]);

  async function publish() {
    setBusy(true);
    setError(null);
    try {
      setTeamStatus(await call('publishToTeam', { packageId, members: [...chosen] }));
      setLinked(true);
      setOpen(false);
    } catch (err) {
      setError(failure(err));
    } finally {
      setBusy(false);
    }
  }

  if (linked) {
    return (
      <>
        <span className="badge badge-muted" data-testid="team-published">
          {t('teamUi.published')}
        </span>
        {status.connected && <TeamMembers packageId={packageId} />}
      </>
    );
  }
  if (!status.connected || linked === null) return null;
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)} data-testid="open-publish">
        {t('teamUi.publish')}
      </button>
      {open && (
        <dialog ref={dialog} className="dialog" onCancel={() => setOpen(false)} onClose={() => setOpen(false)} data-testid="publish-dialog">
          <h2>{t('teamUi.publish')}</h2>
          <p className="field-note">{t('teamUi.publishHint')}</p>
          <TeamPeopleChoice people={people} chosen={chosen} onChange={setChosen} failed={error !== null} testIdPrefix="member-" />
          {error && (
            <p className="error-text" role="alert">
              {say(error)}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {t('teamUi.close')}
            </button>
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void publish()} data-testid="publish">
              {t('teamUi.publishNow')}
            </button>
          </div>
        </dialog>
      )}
    </>
  );
}
