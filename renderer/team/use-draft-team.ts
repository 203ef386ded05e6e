import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../shared/ipc';
import { call } from '../api';
import type { TeamLeaseHooks } from '../editor/team-leases';
import { phrase, type Phrase } from '../i18n/phrase';
import { useTeamStatus } from './team-status';
import { useRegisterCommands, type AppCommand } from '../commands/registry';
import { failure } from '../i18n/phrase';

/** What a draft's editor shows of team mode (electron/team/host.ts TeamDraftView). */
export type TeamDraft = OutputOf<'getTeamDraft'>;

/** A lease asked for once is not asked for again, typing on in the same provision, for this long (the main process renews it). */
const ASK_AGAIN_MS = 15_000;

/**
 * Team mode in a draft's editor: for a draft on a team server, the provisions others hold (shown
 * with the holder's name, read-only: team-leases.ts), the lease of each provision the drafter
 * types in (asked for on the first keystroke), a notice when an edit falls in another's provision,
 * and — when others' changes reached this draft — the draft saved and opened again, so the editor
 * shows the text as it now stands (`onRemote` when others decided or commented on the package). Leaving the draft gives its leases back.
 */
export function useDraftTeam(options: { versionId: string; initial: TeamDraft; flush(): Promise<void>; reopen(): void; onRemote(): void }): {
  leases: { hooks: TeamLeaseHooks; held: ReadonlyMap<string, string> } | undefined;
  notice: Phrase | null;
} {
  const { t } = useTranslation();
  const { versionId, initial } = options;
  const status = useTeamStatus();
  const [draft, setDraft] = useState<TeamDraft>(initial);
  const [notice, setNotice] = useState<Phrase | null>(null);
  const asked = useRef(new Map<string, number>());
  const last = useRef<string | null>(null);
  const latest = useRef(options);
  latest.current = options;

  // Read again whenever team mode says something changed.
  useEffect(() => {
    if (!initial.linked) return;
    let live = true;
    // Kept as it was when nothing of it changed (most changes are of the status): the editor is not redrawn for them.
    void call('getTeamDraft', { versionId }).then((next) => live && setDraft((was) => (JSON.stringify(was) === JSON.stringify(next) ? was : next)), () => undefined);
    return () => {
      live = false;
    };
  }, [versionId, initial.linked, status.seq]);

  // Others' changes reached this draft since it was opened: save what is typed, open it again.
  useEffect(() => {
    if (draft.changed <= initial.changed) return;
    void latest.current.flush().then(() => latest.current.reopen());
  }, [draft.changed, initial.changed]);

  // Others decided or commented on the package: the review panel reads them again.
  useEffect(() => {
    if (draft.reviewed > initial.reviewed) latest.current.onRemote();
  }, [draft.reviewed, initial.reviewed]);

  useEffect(() => {
    if (!initial.linked) return;
    return () => void call('leaveDraft', { versionId }).catch(() => undefined);
  }, [versionId, initial.linked]);

  const held = useMemo(() => new Map(draft.leases.map((l) => [l.uid, l.holder])), [draft.leases]);
  const hooks = useMemo<TeamLeaseHooks>(
    () => ({
      onTouch: (uids) => {
        setNotice(null);
        const now = Date.now();
        for (const uid of uids) {
          // Typing on in the provision asked for last: not asked again for a while. Another one (or
          // back to an earlier one) is asked at once: the main process gives back what was left.
          if (uid === last.current && now - (asked.current.get(uid) ?? -Infinity) < ASK_AGAIN_MS) continue;
          last.current = uid;
          asked.current.set(uid, now);
          void call('takeLease', { versionId, uid }).then(
            (answer) => {
              if (answer.state !== 'held-by') return;
              // Taken first by someone else: the change stays here and waits; the provision is now shown as theirs.
              asked.current.delete(uid);
              setNotice(phrase('teamUi.leaseRefused', { holder: answer.holder ?? '?' }));
            },
            () => asked.current.delete(uid),
          );
        }
      },
      onRefused: (holder) => setNotice(phrase('teamUi.leaseRefused', { holder })),
      label: (holder) => t('teamUi.heldBy', { holder }),
    }),
    [versionId, t],
  );
  // An owner frees the draft's leases (someone left with provisions held): a command of the palette.
  const owner = initial.linked && status.user?.role === 'owner';
  const commands = useMemo<AppCommand[]>(
    () =>
      owner
        ? [
            {
              id: 'team.releaseLeases',
              title: 'commands.releaseLeases',
              group: 'review',
              run: () => void call('releaseDraftLeases', { versionId }).then((r) => setNotice(phrase('teamUi.leasesReleased', { count: r.released })), (error: unknown) => setNotice(failure(error))),
            },
          ]
        : [],
    [owner, versionId],
  );
  useRegisterCommands('team-draft', commands);
  return { leases: initial.linked ? { hooks, held } : undefined, notice };
}
