import { expect, it } from 'vitest';
import { saveDraft } from '../../electron/services/drafts';
import { changeSigner, setIdentity } from '../../electron/services/identity';
import { restoreRejected } from '../../electron/services/review';
import { rejectAsTeam } from '../../electron/services/team/decisions';
import { addUser } from '../../server/team/users';
import { startPackage } from '../electron/harness';
import { describeTeam, useTeamServer } from './harness';
import { hostDesktop, until } from './host-desktop';

const team = useTeamServer();

/**
 * Anna (drafter) and Rita (reviewer, signed in) on their desktops, connected; Anna's package with
 * articles 17 and 19 changed, published with Rita as a member (Rita's desktop joins it by itself).
 */
async function reviewedPackage() {
  const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
  const rita = await addUser(team().db, 'Рита Сапарова', 'reviewer');
  const a = hostDesktop('anna-laptop');
  const r = hostDesktop('rita-laptop');
  setIdentity(r.ctx, { name: 'Рита Сапарова', role: 'Эксперт Минюста' });
  await a.call('connectTeam', { url: team().url, token: anna.token });
  await r.call('connectTeam', { url: team().url, token: rita.token });
  const { pkgId, versionId, p17, p19 } = startPackage(a.ctx);
  saveDraft(a.ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }, { ...p19, text: 'Настоящий Закон вводится в действие с 1 марта 2028 года.' }], deletes: [] });
  await a.call('publishToTeam', { packageId: pkgId, members: [rita.user.id] });
  return { a, r, pkgId, versionId, p17, p19 };
}

describeTeam('a reviewer rejects on a team package from the app (TeamHost behind the IPC channels)', () => {
  it('a batch rejection: each made on the server, the wording in force back on every desktop, nothing left waiting on the reviewer’s; one operation here; putting it back is a drafter’s', async () => {
    const { a, r, pkgId, versionId, p17, p19 } = await reviewedPackage();
    try {
      // Connected, Anna's desktop (no name set on it) signs her changes to the team's package with her name on the server.
      expect(changeSigner(a.ctx, pkgId)).toBe('Анна Петрова');
      await until(() => !!r.ctx.store.packages.get(pkgId));

      const { rejectionId } = (await r.call('reviewAmendments', { packageId: pkgId, uids: [p17.uid, p19.uid], decision: 'reject' })) as { rejectionId: string };
      const texts = (ctx: typeof a.ctx) => [...ctx.store.provisions.rows(versionId, [p17.uid, p19.uid]).values()].map((x) => x.text).sort();
      const inForce = [p17.text, p19.text].sort();
      expect(texts(r.ctx)).toEqual(inForce);
      expect(r.ctx.store.team.outbox()).toEqual([]);
      expect((await r.call('getTeamStatus', {}))['notice']).toBeNull();
      const decided = await team().db.query<{ uid: string; decision: string }>('SELECT uid, decision FROM decision ORDER BY seq');
      expect(decided).toEqual([{ uid: p17.uid, decision: 'reject' }, { uid: p19.uid, decision: 'reject' }]);

      // Anna's desktop takes the wordings and the decisions as they happen.
      await until(() => texts(a.ctx).join() === inForce.join() && a.ctx.store.amendments.annotations(pkgId).get(p19.uid)?.status === 'rejected');
      expect(texts(a.ctx)).toEqual(inForce);
      expect(a.ctx.store.amendments.annotations(pkgId).get(p17.uid)?.status).toBe('rejected');
      expect(a.ctx.store.amendments.revisions(versionId).size).toBe(0);

      // Both rejections are one operation here; putting them back changes the text: a drafter's, not a reviewer's.
      expect(((await r.call('listRejected', { packageId: pkgId })) as unknown as { operationId: string }[]).map((x) => x.operationId)).toEqual([rejectionId, rejectionId]);
      await expect(r.call('restoreRejected', { packageId: pkgId, operationId: rejectionId })).rejects.toThrow(/team\.restoreByDrafter/);
      expect(texts(r.ctx)).toEqual(inForce);
      // Nor is a choice on a conflict (a move's: every desktop has them): either choice goes up as a change of the text.
      r.ctx.store.conflicts.add('conflictrita01', pkgId, versionId, { uid: p19.uid, label: 'Статья 19', reason: 'both-changed', base: null, theirs: null, mine: null, teamRevision: 1 }, r.ctx.now());
      await expect(r.call('resolveConflict', { conflictId: 'conflictrita01', keep: 'theirs', revision: r.ctx.store.versions.get(versionId)!.revision })).rejects.toThrow(/team\.conflictByDrafter/);
      expect(r.ctx.store.team.outbox()).toEqual([]);
      expect(r.ctx.store.conflicts.forVersion(versionId).map((c) => c.id)).toEqual(['conflictrita01']);
    } finally {
      await a.close();
      await r.close();
    }
  });

  it("the server's announcement of the wording a rejection restored is not pulled in before the rejection is recorded here (the rejection keeps what it changed)", async () => {
    const { a, r, pkgId, versionId, p17 } = await reviewedPackage();
    try {
      await until(() => !!r.ctx.store.packages.get(pkgId));
      const proposed = r.ctx.store.provisions.rows(versionId, [p17.uid]).get(p17.uid)!.text;
      let operation = '';
      await r.host.review({ packageId: pkgId, uids: [p17.uid], decision: 'reject' }, async ({ uid, rejection, operationId }) => {
        // Long enough for the server's push event to reach this desktop (its fan-out is well under this).
        await new Promise((ok) => setTimeout(ok, 600));
        operation = rejectAsTeam(r.ctx, { packageId: pkgId, uid }, rejection!, operationId)!;
      });
      expect(r.ctx.store.provisions.rows(versionId, [p17.uid]).get(p17.uid)?.text).toBe(p17.text);
      // The rejection recorded the change it made: taking it back gives the proposed wording again.
      restoreRejected(r.ctx, { packageId: pkgId, operationId: operation });
      expect(r.ctx.store.provisions.rows(versionId, [p17.uid]).get(p17.uid)?.text).toBe(proposed);
    } finally {
      await a.close();
      await r.close();
    }
  });

  it('a batch refused midway (someone is editing one it would restore): the ones before stand, here as on the server; a batch approval is made one by one too and reaches the drafter', async () => {
    const { a, r, pkgId, versionId, p17, p19 } = await reviewedPackage();
    try {
      await until(() => !!r.ctx.store.packages.get(pkgId));
      // Anna is typing in article 19.
      expect(await a.call('takeLease', { versionId, uid: p19.uid })).toEqual({ state: 'held' });

      // The batch goes in the order given: article 17 first, then 19.
      const order = [p17.uid, p19.uid];
      await expect(r.call('reviewAmendments', { packageId: pkgId, uids: order, decision: 'reject' })).rejects.toThrow(/team\.decisionLeased/);
      const status = (ctx: typeof a.ctx, uid: string) => ctx.store.amendments.annotations(pkgId).get(uid)?.status ?? 'proposed';
      // The first stands on both sides; the one Anna is editing is untouched.
      expect(await team().db.query('SELECT uid, decision FROM decision')).toEqual([{ uid: order[0], decision: 'reject' }]);
      expect([status(r.ctx, order[0]!), status(r.ctx, order[1]!)]).toEqual(['rejected', 'proposed']);
      expect(r.ctx.store.team.outbox()).toEqual([]);

      // Approving the other in a batch: on the server, here, and on Anna's desktop.
      await r.call('reviewAmendments', { packageId: pkgId, uids: [order[1]], decision: 'accept' });
      expect(status(r.ctx, order[1]!)).toBe('accepted');
      await until(() => status(a.ctx, order[1]!) === 'accepted' && status(a.ctx, order[0]!) === 'rejected');
      expect([status(a.ctx, order[0]!), status(a.ctx, order[1]!)]).toEqual(['rejected', 'accepted']);
    } finally {
      await a.close();
      await r.close();
    }
  });
});

