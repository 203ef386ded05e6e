import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../shared/ipc';
import { call } from '../api';
import { failure, say, type Phrase } from '../i18n/phrase';
import { TeamPeopleChoice } from './TeamPeopleChoice';

type Person = OutputOf<'listTeamMembers'>[number];

/**
 * "Shared with…" on a package that is on the team server: a dialog of the team's people, those the
 * package is shared with ticked, for its publisher or the team's owner to add or remove people
 * after publishing (the server refuses anyone else, and the dialog says so). Saved with one call.
 */
export function TeamMembers({ packageId }: { packageId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [people, setPeople] = useState<Person[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [error, setError] = useState<Phrase | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  const show = (list: Person[]) => {
    setPeople(list);
    setChosen(new Set(list.filter((p) => p.member).map((p) => p.id)));
  };
  useEffect(() => {
    if (!open) return;
    setError(null);
    setPeople(null);
    void call('listTeamMembers', { packageId }).then(show, (err: unknown) => setError(failure(err)));
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [open, packageId]);

  async function save() {
    if (!people) return;
    setBusy(true);
    setError(null);
    try {
      const add = people.filter((p) => !p.member && chosen.has(p.id)).map((p) => p.id);
      const remove = people.filter((p) => p.member && !chosen.has(p.id)).map((p) => p.id);
      if (add.length + remove.length > 0) show(await call('changeTeamMembers', { packageId, add, remove }));
      setOpen(false);
    } catch (err) {
      setError(failure(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)} data-testid="open-members">
        {t('teamUi.membersEdit')}
      </button>
      {open && (
        <dialog ref={dialog} className="dialog" onCancel={() => setOpen(false)} onClose={() => setOpen(false)} data-testid="members-dialog">
          <h2>{t('teamUi.membersTitle')}</h2>
          <p className="field-note">{t('teamUi.membersHint')}</p>
          <TeamPeopleChoice people={people} chosen={chosen} onChange={setChosen} failed={error !== null} testIdPrefix="shared-" />
          {error && (
            <p className="error-text" role="alert">
              {say(error)}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {t('teamUi.close')}
            </button>
            <button type="button" className="button button-primary" disabled={busy || people === null} onClick={() => void save()} data-testid="save-members">
              {t('teamUi.membersSave')}
            </button>
          </div>
        </dialog>
      )}
    </>
  );
}
