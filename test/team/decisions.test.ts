import { expect, it } from 'vitest';
import { saveDraft } from '../../electron/services/drafts';
import { applyTeamDecision, decideOnTeam } from '../../electron/services/team/decisions';
import { joinFromTeam } from '../../electron/services/team/join';
import { publishToTeam } from '../../electron/services/team/publish';
import { pullFromTeam } from '../../electron/services/team/pull';
import { pushOutbox } from '../../electron/services/team/sync';
import { addUser } from '../../server/team/users';
import { startPackage } from '../electron/harness';
import { serviceDesktop } from './service-desktop';
import { describeTeam, useTeamServer } from './harness';

const team = useTeamServer();

describeTeam('review decisions on a package on a team server', () => {
  it('made on the server first, on the revision read: a stale one is refused and says why; one whose change waits is refused; a drafter may not decide; others follow the decision', async () => {
    const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
    const rita = await addUser(team().db, 'Рита Сапарова', 'reviewer');
    const a = serviceDesktop(team().url, anna.token, 'anna-laptop');
    const r = serviceDesktop(team().url, rita.token, 'rita-laptop');
    try {
      const { pkgId, versionId, p17 } = startPackage(a.ctx);
      saveDraft(a.ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
      await publishToTeam(a.ctx, a.api, pkgId, [rita.user.id]);
      await joinFromTeam(r.ctx, r.api);

      // A drafter's decision is refused by the server.
      await expect(decideOnTeam(a.ctx, a.api, { packageId: pkgId, uid: p17.uid, decision: 'accept' })).rejects.toMatchObject({ code: 'INVALID_INPUT', key: 'team.refused', params: { code: 'FORBIDDEN' } });

      // Anna rewords it again; Rita has not read the new wording: her decision is stale.
      saveDraft(a.ctx, { versionId, revision: 1, upserts: [{ ...p17, text: 'Университеты, колледжи и научные организации вправе:' }], deletes: [] });
      expect(await pushOutbox(a.ctx, a.api, 'anna-laptop')).toEqual({ state: 'done', pushed: 1 });
      await expect(decideOnTeam(r.ctx, r.api, { packageId: pkgId, uid: p17.uid, decision: 'accept' })).rejects.toMatchObject({ code: 'CONFLICT', key: 'team.decisionStale' });
      expect(await team().db.query('SELECT * FROM decision')).toEqual([]);
      // Read again: accepted on the server.
      await pullFromTeam(r.ctx, r.api, versionId);
      await decideOnTeam(r.ctx, r.api, { packageId: pkgId, uid: p17.uid, decision: 'accept' });
      const decided = await team().db.query<{ uid: string; decision: string; revision: string }>('SELECT uid, decision, revision FROM decision');
      expect(decided).toEqual([{ uid: p17.uid, decision: 'accept', revision: String(r.ctx.store.team.synced(versionId, [p17.uid]).get(p17.uid)!.revision) }]);

      // Anna's desktop follows it (once), as the server's event says.
      const event = { kind: 'decision' as const, packageId: pkgId, versionId, uid: p17.uid, revision: Number(decided[0]!.revision), decision: 'accept' as const, by: 'Рита Сапарова' };
      expect(await applyTeamDecision(a.ctx, event)).toBe(true);
      expect(a.ctx.store.amendments.annotations(pkgId).get(p17.uid)?.status).toBe('accepted');
      expect(await applyTeamDecision(a.ctx, event)).toBe(false);

      // A change still waiting to go up cannot be decided on yet.
      saveDraft(r.ctx, { versionId, revision: r.ctx.store.versions.get(versionId)!.revision, upserts: [{ ...p17, text: 'Рита правит сама.' }], deletes: [] });
      await expect(decideOnTeam(r.ctx, r.api, { packageId: pkgId, uid: p17.uid, decision: 'reset' })).rejects.toMatchObject({ code: 'NOT_READY', key: 'team.decisionPending' });
    } finally {
      a.close();
      r.close();
    }
  });
});
