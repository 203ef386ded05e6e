import { expect, it } from 'vitest';
import { amendmentsOf } from '../../electron/services/amendments';
import { verifyAudit } from '../../electron/services/audit/check';
import type { ServiceContext } from '../../electron/services/context';
import { listConflicts, resolveConflict } from '../../electron/services/conflicts';
import { saveDraft } from '../../electron/services/drafts';
import { listLibrary } from '../../electron/services/library';
import { joinFromTeam } from '../../electron/services/team/join';
import { publishToTeam } from '../../electron/services/team/publish';
import { pullFromTeam } from '../../electron/services/team/pull';
import { moveTeamDraft, teamTextOf } from '../../electron/services/team/rebase';
import { pushOutbox } from '../../electron/services/team/sync';
import { verifyServerAudit } from '../../server/team/audit';
import { addUser } from '../../server/team/users';
import { startPackage } from '../electron/harness';
import { importLaterText } from './later-text';
import { serviceDesktop } from './service-desktop';
import { describeTeam, useTeamServer } from './harness';

const team = useTeamServer();

const textOf = (ctx: ServiceContext, versionId: string, uid: string) => ctx.store.provisions.rows(versionId, [uid]).get(uid)?.text;

describeTeam('the owner moves a team draft onto a later text of the law', () => {
  it('every desktop takes the move: what only the law changed comes in, the drafter’s change stays, a provision both changed waits as a conflict on each desktop (a drafter’s choice goes up and ends it for the others); the server keeps the earlier text and logs the move', async () => {
    const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
    const olga = await addUser(team().db, 'Ольга Ким', 'owner');
    const a = serviceDesktop(team().url, anna.token, 'anna-laptop');
    const o = serviceDesktop(team().url, olga.token, 'olga-desktop');
    try {
      const { pkgId, versionId, baseId, rows, p17, p19 } = startPackage(a.ctx);
      const grant = rows.find((r) => r.text.startsWith('грант'))!;
      saveDraft(a.ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }, { ...p19, text: 'Настоящий Закон вводится в действие с 1 марта 2028 года.' }], deletes: [] });
      await publishToTeam(a.ctx, a.api, pkgId, [olga.user.id]);
      await joinFromTeam(o.ctx, o.api);
      // Olga's library has its own ids for the law (its own seed): the later text she imports continues those, not the team's.
      const later = importLaterText(o.ctx);
      expect(o.ctx.store.provisions.rows(later, [grant.uid]).size).toBe(0);
      // The text that goes up carries the team's ids, found by address and wording.
      const text = teamTextOf(o.ctx, versionId, later);
      expect(text.rows.find((r) => r.text.startsWith('грант'))).toMatchObject({ uid: grant.uid, text: 'грант – средства на научные исследования и разработки;' });
      expect(new Set(text.rows.map((r) => r.uid)).size).toBe(text.rows.length);

      // A drafter may not move the draft; the owner may.
      await expect(moveTeamDraft(a.ctx, a.api, { versionId, onto: importLaterText(a.ctx) })).rejects.toMatchObject({ key: 'team.moveOwnerOnly' });
      const moved = await moveTeamDraft(o.ctx, o.api, { versionId, onto: later });
      expect(moved).toMatchObject({ state: 'moved', conflicts: 1 });

      // On the server: the draft is on the new text; the grant has the law's new wording, article 17 Anna's, article 19 the law's (the conflict).
      const server = await o.api.pull(versionId);
      expect(server.base.rows!.map((r) => [r.uid, r.text])).toEqual(text.rows.map((r) => [r.uid, r.text]));
      const onto = server.base.versionId;
      const onServer = new Map(server.provisions.map((p) => [p.uid, p.row?.text]));
      expect([onServer.get(grant.uid), onServer.get(p17.uid), onServer.get(p19.uid)]).toEqual(['грант – средства на научные исследования и разработки;', 'Университеты и колледжи вправе:', expect.stringContaining('двадцати календарных дней')]);
      expect(server.rebased).toMatchObject({ from: baseId, onto, by: 'Ольга Ким', conflicts: [expect.objectContaining({ uid: p19.uid, reason: 'both-changed', mine: expect.objectContaining({ text: 'Настоящий Закон вводится в действие с 1 марта 2028 года.' }) })] });
      // The text it was on is kept, and the move is on the chain.
      expect(await team().db.query('SELECT base->>\'versionId\' AS id FROM draft_base_replaced WHERE version_id = $1', [versionId])).toEqual([{ id: baseId }]);
      expect((await team().db.query<{ action: string }>("SELECT action FROM audit_log WHERE version_id = $1 AND action LIKE 'rebase%' ORDER BY seq", [versionId])).map((r) => r.action)).toEqual(['rebase-change', 'rebase-change', 'rebase']);
      await expect(team().db.query('DELETE FROM draft_base_replaced')).rejects.toThrow(/append-only/);
      expect(await verifyServerAudit(team().db)).toMatchObject({ ok: true });

      // Each desktop takes the move: the owner's at once, Anna's on her pull.
      expect(await pullFromTeam(a.ctx, a.api, versionId)).toMatchObject({ state: 'pulled', moved: true, applied: 2 });
      for (const ctx of [o.ctx, a.ctx]) {
        const draft = ctx.store.versions.get(versionId)!;
        expect(draft.baseVersionId).toBe(onto);
        expect([textOf(ctx, versionId, grant.uid), textOf(ctx, versionId, p17.uid), textOf(ctx, versionId, p19.uid)]).toEqual([onServer.get(grant.uid), onServer.get(p17.uid), onServer.get(p19.uid)]);
        // Against the new text only Anna's article 17 is an amendment; article 19 waits for a choice, her wording kept in it.
        expect(amendmentsOf(ctx, versionId).map((x) => x.uid)).toEqual([p17.uid]);
        expect(listConflicts(ctx, versionId)).toEqual([expect.objectContaining({ uid: p19.uid, reason: 'both-changed', mine: expect.objectContaining({ text: 'Настоящий Закон вводится в действие с 1 марта 2028 года.' }) })]);
        // The library still lists the law once: the team's new text is the package's.
        expect(listLibrary(ctx).flatMap((w) => w.expressions.map((e) => e.versionId))).not.toContain(onto);
        expect(verifyAudit(ctx)).toMatchObject({ ok: true });
      }
      // A move onto a text no later than the one the draft is on is refused here, before anything goes up.
      await expect(moveTeamDraft(o.ctx, o.api, { versionId, onto: later })).rejects.toMatchObject({ key: 'team.moveNotLater' });

      // Anna keeps her wording of article 19: it goes up, and the conflict is no longer asked of a desktop that joins now —
      // nor of Olga's, where it was open: her pull brings Anna's choice and closes it, saying who chose.
      const conflict = listConflicts(a.ctx, versionId)[0]!;
      resolveConflict(a.ctx, { conflictId: conflict.id, keep: 'mine', revision: a.ctx.store.versions.get(versionId)!.revision });
      expect(await pushOutbox(a.ctx, a.api, a.device)).toEqual({ state: 'done', pushed: 1 });
      expect(await pullFromTeam(o.ctx, o.api, versionId)).toMatchObject({ state: 'pulled', applied: 1 });
      expect(textOf(o.ctx, versionId, p19.uid)).toBe('Настоящий Закон вводится в действие с 1 марта 2028 года.');
      expect(listConflicts(o.ctx, versionId)).toEqual([]);
      expect(o.ctx.store.conflicts.forVersion(versionId, true)).toEqual([expect.objectContaining({ uid: p19.uid, resolution: 'theirs' })]);
      expect(o.ctx.store.review.audit({ packageId: pkgId }).filter((e) => e.action === 'resolve-conflict').map((e) => JSON.parse(e.detail) as unknown)).toEqual([expect.objectContaining({ keep: 'theirs', chosenBy: 'Анна Петрова' })]);
      expect(verifyAudit(o.ctx)).toMatchObject({ ok: true });
      const late = serviceDesktop(team().url, olga.token, 'olga-laptop');
      try {
        await joinFromTeam(late.ctx, late.api);
        expect(late.ctx.store.versions.get(versionId)?.baseVersionId).toBe(onto);
        expect(textOf(late.ctx, versionId, p19.uid)).toBe('Настоящий Закон вводится в действие с 1 марта 2028 года.');
        expect(listConflicts(late.ctx, versionId)).toEqual([]);
        expect(amendmentsOf(late.ctx, versionId).map((x) => x.uid).sort()).toEqual([p17.uid, p19.uid].sort());
      } finally {
        late.close();
      }
    } finally {
      a.close();
      o.close();
    }
  });

  it('is refused while someone holds a provision the move changes, and for a text of another law; the drafter’s offline change to a provision the move changed meets it as a conflict', async () => {
    const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
    const olga = await addUser(team().db, 'Ольга Ким', 'owner');
    const a = serviceDesktop(team().url, anna.token, 'anna-laptop');
    const o = serviceDesktop(team().url, olga.token, 'olga-desktop');
    try {
      const { pkgId, versionId, rows, p17 } = startPackage(a.ctx);
      const grant = rows.find((r) => r.text.startsWith('грант'))!;
      saveDraft(a.ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
      await publishToTeam(a.ctx, a.api, pkgId, [olga.user.id]);
      await joinFromTeam(o.ctx, o.api);
      const later = importLaterText(o.ctx);

      // Anna is typing in the grant's definition: the move waits for her.
      await a.api.takeLease(versionId, grant.uid);
      expect(await moveTeamDraft(o.ctx, o.api, { versionId, onto: later })).toEqual({ state: 'leased', uid: grant.uid, holder: 'Анна Петрова' });
      expect((await o.api.pull(versionId)).rebased).toBeUndefined();
      await a.api.releaseLease(versionId, grant.uid);

      // A text whose units continue none of the draft's: not a later text of this law.
      const text = teamTextOf(o.ctx, versionId, later);
      const stranger = { ...text, versionId: 'strangertext1', rows: text.rows.map((r, i) => ({ ...r, uid: `otherunit${i}`, parentUid: r.parentUid && `otherunit${text.rows.findIndex((p) => p.uid === r.parentUid)}` })) };
      await expect(o.api.rebase(versionId, { base: stranger })).rejects.toMatchObject({ code: 'INVALID', detail: { reason: 'otherLaw' } });

      // Anna, offline, rewords the grant's definition; meanwhile Olga moves the draft.
      saveDraft(a.ctx, { versionId, revision: a.ctx.store.versions.get(versionId)!.revision, upserts: [{ ...grant, text: 'грант – безвозмездные средства;' }], deletes: [] });
      expect(await moveTeamDraft(o.ctx, o.api, { versionId, onto: later })).toMatchObject({ state: 'moved', conflicts: 0 });
      // Back online, her push is refused as stale: the draft moves with the pull, and her wording waits as a conflict against the law's.
      expect(await pushOutbox(a.ctx, a.api, a.device)).toMatchObject({ state: 'conflicts', conflicts: 1 });
      expect(a.ctx.store.versions.get(versionId)?.baseVersionId).toBe((await a.api.pull(versionId)).base.versionId);
      expect(textOf(a.ctx, versionId, grant.uid)).toBe('грант – средства на научные исследования и разработки;');
      expect(listConflicts(a.ctx, versionId)).toEqual([expect.objectContaining({ uid: grant.uid, mine: expect.objectContaining({ text: 'грант – безвозмездные средства;' }) })]);
      // Olga rewords it meanwhile: Anna's draft takes it, and the choice stays hers to make (not a move's conflict someone chose on).
      saveDraft(o.ctx, { versionId, revision: o.ctx.store.versions.get(versionId)!.revision, upserts: [{ ...grant, text: 'грант – средства на исследования и опытные работы;' }], deletes: [] });
      expect(await pushOutbox(o.ctx, o.api, o.device)).toEqual({ state: 'done', pushed: 1 });
      expect(await pullFromTeam(a.ctx, a.api, versionId)).toMatchObject({ state: 'pulled', applied: 1 });
      expect(textOf(a.ctx, versionId, grant.uid)).toBe('грант – средства на исследования и опытные работы;');
      expect(listConflicts(a.ctx, versionId)).toEqual([expect.objectContaining({ uid: grant.uid })]);
      expect(verifyAudit(a.ctx)).toMatchObject({ ok: true });
    } finally {
      a.close();
      o.close();
    }
  });
});
