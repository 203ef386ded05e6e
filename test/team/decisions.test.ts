import { expect, it } from 'vitest';
import { saveDraft } from '../../electron/services/drafts';
import { amendmentsOf } from '../../electron/services/amendments';
import { setIdentity } from '../../electron/services/identity';
import { listRejected } from '../../electron/services/review';
import { applyTeamDecision, decideOnTeam, rejectAsTeam } from '../../electron/services/team/decisions';
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
      const { pkgId, versionId, p17, p19 } = startPackage(a.ctx);
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
      // A rejection is worked out on the whole draft: any change of it still waiting holds it back.
      saveDraft(a.ctx, { versionId, revision: a.ctx.store.versions.get(versionId)!.revision, upserts: [{ ...p19, text: 'Настоящий Закон вводится в действие с 1 июля 2028 года.' }], deletes: [] });
      expect(await pushOutbox(a.ctx, a.api, 'anna-laptop')).toEqual({ state: 'done', pushed: 1 });
      await pullFromTeam(r.ctx, r.api, versionId);
      await expect(decideOnTeam(r.ctx, r.api, { packageId: pkgId, uid: p19.uid, decision: 'reject' })).rejects.toMatchObject({ code: 'NOT_READY', key: 'team.decisionPending' });
    } finally {
      a.close();
      r.close();
    }
  });

  it("a reviewer's rejection is applied by the server with the decision (the wording in force back, signed by the reviewer), saved here as the server's and not pushed; refused while someone edits it; a change that is not a restoration is refused", async () => {
    const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
    const rita = await addUser(team().db, 'Рита Сапарова', 'reviewer');
    const a = serviceDesktop(team().url, anna.token, 'anna-laptop');
    const r = serviceDesktop(team().url, rita.token, 'rita-laptop');
    try {
      setIdentity(r.ctx, { name: 'Рита Сапарова', role: 'Эксперт Минюста' });
      const { pkgId, versionId, p17, p19 } = startPackage(a.ctx);
      saveDraft(a.ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }, { ...p19, text: 'Настоящий Закон вводится в действие с 1 марта 2028 года.' }], deletes: [] });
      await publishToTeam(a.ctx, a.api, pkgId, [rita.user.id]);
      await joinFromTeam(r.ctx, r.api);

      // A change that does not put the law in force back is not a rejection: refused, nothing changed.
      const revision = r.ctx.store.team.synced(versionId, [p17.uid]).get(p17.uid)!.revision;
      const forged = { packageId: pkgId, versionId, uid: p17.uid, revision, decision: 'reject' as const, changes: [{ uid: p17.uid, baseRevision: revision, row: { ...p17, text: 'Текст рецензента.' } }] };
      await expect(r.api.decide(forged)).rejects.toMatchObject({ code: 'INVALID' });
      await expect(r.api.decide({ ...forged, decision: 'accept', changes: [{ ...forged.changes[0]!, row: p17 }] })).rejects.toMatchObject({ code: 'INVALID' });
      // Restorations, but not only of what rejecting article 17 restores: the server works the rejection out itself.
      const p19Revision = r.ctx.store.team.synced(versionId, [p19.uid]).get(p19.uid)!.revision;
      const alsoOther = { ...forged, changes: [{ uid: p17.uid, baseRevision: revision, row: p17 }, { uid: p19.uid, baseRevision: p19Revision, row: p19 }] };
      await expect(r.api.decide(alsoOther)).rejects.toMatchObject({ code: 'INVALID', detail: { provision: p19.uid } });
      const moved = { ...forged, changes: [{ uid: p17.uid, baseRevision: revision, row: { ...p17, ord: p17.ord + 40 } }] };
      await expect(r.api.decide(moved)).rejects.toMatchObject({ code: 'INVALID', detail: { provision: p17.uid } });
      await expect(r.api.decide({ ...forged, changes: undefined })).rejects.toMatchObject({ code: 'INVALID', detail: { provision: p17.uid } });
      const unamended = r.ctx.store.provisions.load(versionId).find((x) => x.kind === 'article' && x.uid !== p17.uid && x.uid !== p19.uid)!;
      const unamendedRevision = r.ctx.store.team.synced(versionId, [unamended.uid]).get(unamended.uid)!.revision;
      await expect(r.api.decide({ ...forged, uid: unamended.uid, revision: unamendedRevision, changes: [{ uid: unamended.uid, baseRevision: unamendedRevision, row: unamended }] })).rejects.toMatchObject({ code: 'INVALID' });
      expect(await team().db.query('SELECT * FROM decision')).toEqual([]);

      // Anna is editing article 19: a rejection restoring it waits for her.
      await a.api.takeLease(versionId, p19.uid);
      const leased = decideOnTeam(r.ctx, r.api, { packageId: pkgId, uid: p19.uid, decision: 'reject' });
      await expect(leased).rejects.toMatchObject({ code: 'CONFLICT', key: 'team.decisionLeased', params: { holder: 'Анна Петрова' } });
      expect(await team().db.query('SELECT * FROM decision')).toEqual([]);

      // Rita rejects article 17: the server restores it and decides, in one go.
      const rejection = await decideOnTeam(r.ctx, r.api, { packageId: pkgId, uid: p17.uid, decision: 'reject' });
      expect(rejection).toMatchObject({ versionId, changes: { upserts: [{ uid: p17.uid, text: p17.text }], deletes: [] } });
      const onServer = await team().db.query<{ text: string; changed_by: string; revision: string }>("SELECT row->>'text' AS text, changed_by, revision FROM provision WHERE version_id = $1 AND uid = $2", [versionId, p17.uid]);
      expect(onServer).toEqual([{ text: p17.text, changed_by: rita.user.id, revision: String(rejection!.revisions[p17.uid]) }]);
      expect((await team().db.query<{ action: string }>("SELECT action FROM audit_log WHERE action LIKE 'reject%' OR action LIKE 'decision%' ORDER BY seq")).map((e) => e.action)).toEqual(['reject-restore', 'decision-reject']);

      // Saved on Rita's desktop as the server's: the wording in force, the rejection listed, nothing to push.
      const operationId = rejectAsTeam(r.ctx, { packageId: pkgId, uid: p17.uid }, rejection!);
      expect(listRejected(r.ctx, pkgId).map((x) => [x.operationId, x.uid, x.rejectedBy])).toEqual([[operationId, p17.uid, 'Рита Сапарова']]);
      expect(r.ctx.store.provisions.rows(versionId, [p17.uid]).get(p17.uid)?.text).toBe(p17.text);
      expect(r.ctx.store.amendments.annotations(pkgId).get(p17.uid)?.status).toBe('rejected');
      expect(r.ctx.store.team.outbox()).toEqual([]);
      expect(r.ctx.store.team.synced(versionId, [p17.uid]).get(p17.uid)?.revision).toBe(rejection!.revisions[p17.uid]);
      expect(await pushOutbox(r.ctx, r.api, 'rita-laptop')).toEqual({ state: 'done', pushed: 0 });

      // Anna's desktop takes the restored wording (signed by Rita) and the decision.
      expect(await pullFromTeam(a.ctx, a.api, versionId)).toMatchObject({ state: 'pulled', applied: 1 });
      expect(a.ctx.store.provisions.rows(versionId, [p17.uid]).get(p17.uid)?.text).toBe(p17.text);
      expect(amendmentsOf(a.ctx, versionId).map((x) => x.uid)).toEqual([p19.uid]);
      const [decided] = await team().db.query<{ revision: string }>('SELECT revision FROM decision');
      expect(await applyTeamDecision(a.ctx, { kind: 'decision', packageId: pkgId, versionId, uid: p17.uid, revision: Number(decided!.revision), decision: 'reject', by: 'Рита Сапарова', standsOn: rejection!.standsOn })).toBe(true);
      expect(a.ctx.store.amendments.annotations(pkgId).get(p17.uid)?.status).toBe('rejected');
    } finally {
      a.close();
      r.close();
    }
  });
});
