import { expect, it } from 'vitest';
import { amendmentsOf } from '../../electron/services/amendments';
import { verifyAudit } from '../../electron/services/audit/check';
import type { ServiceContext } from '../../electron/services/context';
import { listConflicts, resolveConflict } from '../../electron/services/conflicts';
import { saveDraft } from '../../electron/services/drafts';
import { joinFromTeam } from '../../electron/services/team/join';
import { publishToTeam } from '../../electron/services/team/publish';
import { pullFrom, pullFromTeam } from '../../electron/services/team/pull';
import { moveTeamDraft } from '../../electron/services/team/rebase';
import { pushOutbox } from '../../electron/services/team/sync';
import { verifyServerAudit } from '../../server/team/audit';
import { addUser } from '../../server/team/users';
import { startPackage } from '../electron/harness';
import { describeTeam, useTeamServer } from './harness';
import { importLaterText } from './later-text';
import { serviceDesktop } from './service-desktop';

const team = useTeamServer();

const textOf = (ctx: ServiceContext, versionId: string, uid: string) => ctx.store.provisions.rows(versionId, [uid]).get(uid)?.text;
const ANNAS_WORDING = 'Настоящий Закон вводится в действие с 1 марта 2028 года.';

/** Anna's draft of the test law, on the team with Berik (drafter) and Olga (owner); Olga moves it onto a later text where article 19 both changed. */
async function movedWithConflict() {
  const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
  const berik = await addUser(team().db, 'Берик Ахметов', 'drafter');
  const olga = await addUser(team().db, 'Ольга Ким', 'owner');
  const a = serviceDesktop(team().url, anna.token, 'anna-laptop');
  const b = serviceDesktop(team().url, berik.token, 'berik-laptop');
  const o = serviceDesktop(team().url, olga.token, 'olga-desktop');
  const { pkgId, versionId, p17, p19 } = startPackage(a.ctx);
  saveDraft(a.ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }, { ...p19, text: ANNAS_WORDING }], deletes: [] });
  await publishToTeam(a.ctx, a.api, pkgId, [berik.user.id, olga.user.id]);
  await joinFromTeam(b.ctx, b.api);
  await joinFromTeam(o.ctx, o.api);
  expect(await moveTeamDraft(o.ctx, o.api, { versionId, onto: importLaterText(o.ctx) })).toMatchObject({ state: 'moved', conflicts: 1 });
  await pullFromTeam(a.ctx, a.api, versionId);
  await pullFromTeam(b.ctx, b.api, versionId);
  for (const ctx of [a.ctx, b.ctx, o.ctx]) expect(listConflicts(ctx, versionId).map((c) => c.uid)).toEqual([p19.uid]);
  return { olga, a, b, o, pkgId, versionId, p17, p19, close: () => [a, b, o].forEach((d) => d.close()) };
}

describeTeam("a choice on the team's move is the team's", () => {
  it("keeping the new law's wording on one desktop closes the conflict on the others and for a desktop that joins later; nothing is amended by it", async () => {
    const { olga, a, b, o, pkgId, versionId, p17, p19, close } = await movedWithConflict();
    try {
      const lawsWording = textOf(a.ctx, versionId, p19.uid);
      expect(lawsWording).toContain('двадцати календарных дней');
      const conflict = listConflicts(a.ctx, versionId)[0]!;
      resolveConflict(a.ctx, { conflictId: conflict.id, keep: 'theirs', revision: a.ctx.store.versions.get(versionId)!.revision });
      // Her choice goes up as the wording pushed again, unchanged.
      expect(a.ctx.store.team.outbox().map((e) => e.changes.map((c) => [c.uid, c.row?.text]))).toEqual([[[p19.uid, lawsWording]]]);
      expect(await pushOutbox(a.ctx, a.api, a.device)).toEqual({ state: 'done', pushed: 1 });

      // Berik's and Olga's pulls bring it: the conflict is closed there, saying who chose; the wording is the law's still.
      for (const d of [b, o]) {
        expect(await pullFromTeam(d.ctx, d.api, versionId)).toMatchObject({ state: 'pulled' });
        expect(listConflicts(d.ctx, versionId)).toEqual([]);
        expect(textOf(d.ctx, versionId, p19.uid)).toBe(lawsWording);
        expect(d.ctx.store.review.audit({ packageId: pkgId }).filter((e) => e.action === 'resolve-conflict').map((e) => JSON.parse(e.detail) as unknown)).toEqual([expect.objectContaining({ keep: 'theirs', chosenBy: 'Анна Петрова' })]);
        expect(amendmentsOf(d.ctx, versionId).map((x) => x.uid)).toEqual([p17.uid]);
        expect(verifyAudit(d.ctx)).toMatchObject({ ok: true });
      }
      // Her own desktop is in step: nothing waits, nothing is asked again.
      expect(await pullFromTeam(a.ctx, a.api, versionId)).toMatchObject({ state: 'pulled' });
      expect(a.ctx.store.team.outbox()).toEqual([]);
      expect(listConflicts(a.ctx, versionId)).toEqual([]);
      expect(amendmentsOf(a.ctx, versionId).map((x) => x.uid)).toEqual([p17.uid]);
      // A desktop on the moved text is not sent the move again with each pull (its conflicts run to thousands on a code).
      expect((await a.api.pull(versionId, pullFrom(a.ctx, versionId))).rebased).toBeUndefined();
      expect((await a.api.pull(versionId)).rebased).toMatchObject({ conflicts: [expect.objectContaining({ uid: p19.uid, revision: expect.any(Number) })] });

      // A desktop that joins now is not asked at all (the wording is as the move left it, but chosen on since).
      const late = serviceDesktop(team().url, olga.token, 'olga-laptop');
      try {
        await joinFromTeam(late.ctx, late.api);
        expect(textOf(late.ctx, versionId, p19.uid)).toBe(lawsWording);
        expect(listConflicts(late.ctx, versionId)).toEqual([]);
      } finally {
        late.close();
      }
      expect(await verifyServerAudit(team().db)).toMatchObject({ ok: true });
    } finally {
      close();
    }
  });

  it('two drafters who chose alike, one not yet in step with the other, are not asked against each other; one who chose otherwise is', async () => {
    const { a, b, o, versionId, p19, close } = await movedWithConflict();
    try {
      const lawsWording = textOf(a.ctx, versionId, p19.uid);
      const choose = (ctx: ServiceContext, keep: 'theirs' | 'mine') => resolveConflict(ctx, { conflictId: listConflicts(ctx, versionId)[0]!.id, keep, revision: ctx.store.versions.get(versionId)!.revision });
      // Anna and Berik both keep the law's wording, each before seeing the other's choice.
      choose(a.ctx, 'theirs');
      choose(b.ctx, 'theirs');
      expect(await pushOutbox(a.ctx, a.api, a.device)).toEqual({ state: 'done', pushed: 1 });
      // Berik's push was made on the move's revision: refused as stale, but the server has his very row — nothing to choose.
      expect(await pushOutbox(b.ctx, b.api, b.device)).toEqual({ state: 'done', pushed: 0 });
      expect(listConflicts(b.ctx, versionId)).toEqual([]);
      expect(b.ctx.store.team.outbox()).toEqual([]);
      expect(textOf(b.ctx, versionId, p19.uid)).toBe(lawsWording);
      expect(verifyAudit(b.ctx)).toMatchObject({ ok: true });

      // Olga, not in step either, puts Anna's earlier wording back: hers is refused, and she is asked against the law's wording Anna chose.
      choose(o.ctx, 'mine');
      expect(textOf(o.ctx, versionId, p19.uid)).toBe(ANNAS_WORDING);
      expect(await pushOutbox(o.ctx, o.api, o.device)).toMatchObject({ state: 'conflicts', conflicts: 1 });
      expect(listConflicts(o.ctx, versionId)).toEqual([expect.objectContaining({ uid: p19.uid, theirs: expect.objectContaining({ text: lawsWording }), mine: expect.objectContaining({ text: ANNAS_WORDING }) })]);
    } finally {
      close();
    }
  });
});
