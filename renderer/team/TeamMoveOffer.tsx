import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { failure, phrase, say, type Phrase } from '../i18n/phrase';
import { useTeamStatus } from './team-status';

/**
 * After an import, a draft of a package on the team server that stayed on the earlier text: says
 * so, and offers the team's owner to move it onto the text just saved for every desktop
 * (moveTeamDraft). What the move did — or why it did not — is said in place.
 */
export function TeamMoveOffer({ versionId, packageTitle, onto }: { versionId: string; packageTitle: string; onto: string }) {
  const { t } = useTranslation();
  const team = useTeamStatus();
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<Phrase | null>(null);
  const move = async () => {
    setBusy(true);
    try {
      const outcome = await call('moveTeamDraft', { versionId, onto });
      setSaid(outcome.state === 'moved' ? phrase('import.teamMoved', { title: packageTitle, carried: t('import.carried', { count: outcome.carried }), conflicts: t('import.toDecide', { count: outcome.conflicts }) }) : phrase('import.teamMoveLeased', { holder: outcome.holder }));
    } catch (error) {
      setSaid(failure(error));
    } finally {
      setBusy(false);
    }
  };
  if (said) return <span data-testid="team-move-outcome">{say(said)}</span>;
  return (
    <>
      {t('import.notRebasedTeam', { title: packageTitle })}{' '}
      {team.user?.role === 'owner' ? (
        <button type="button" className="button" disabled={busy} onClick={() => void move()} data-testid="team-move">
          {t('import.moveTeamDraft')}
        </button>
      ) : (
        t('import.teamMoveByOwner')
      )}
    </>
  );
}
