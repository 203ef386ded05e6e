import { useTranslation } from 'react-i18next';
import { navigate } from '../router';
import { useTeamStatus } from '../team/team-status';
import { openTeamDialog } from './TeamDialog';

/**
 * Team mode in the title bar: online / offline / syncing and how many pushes wait, or "Team
 * server" when this desktop works alone; a notice (a change waiting on another's lease, conflicts
 * to choose on, a refusal) beside it. Clicking opens Settings → Team server; the conflicts notice
 * opens the draft where the choice is made.
 */
export function TeamButton() {
  const { t } = useTranslation();
  const status = useTeamStatus();
  const notice = status.notice;
  return (
    <>
      <button type="button" className={`nav-link team-status team-${status.state}`} onClick={openTeamDialog} data-testid="team-status" data-state={status.state} title={status.url ?? t('teamUi.title')}>
        <span className="team-dot" aria-hidden="true" />
        {status.state === 'off' ? t('teamUi.off') : t(`teamUi.state.${status.state}`)}
        {status.state !== 'off' && status.queue > 0 && <span className="team-queue" data-testid="team-queue">{t('teamUi.queue', { count: status.queue })}</span>}
      </button>
      {notice?.kind === 'conflicts' && (
        <button type="button" className="nav-link team-notice" onClick={() => navigate({ view: 'draft', packageId: notice.packageId, versionId: notice.versionId })} data-testid="team-notice">
          {t('teamUi.notice.conflicts', { count: notice.count })}
        </button>
      )}
      {notice?.kind === 'leased' && (
        <span className="team-notice" role="status" data-testid="team-notice">
          {t('teamUi.notice.leased', { holder: notice.holder })}
        </span>
      )}
      {notice?.kind === 'refused' && (
        <span className="team-notice is-error" role="status" data-testid="team-notice">
          {notice.code === 'UPGRADE' ? t('teamUi.notice.upgrade') : notice.code === 'NOT_FOUND' ? t('teamUi.notice.notShared') : t('teamUi.notice.refused', { code: notice.code })}
        </span>
      )}
    </>
  );
}
