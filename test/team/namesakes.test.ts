import { expect, it } from 'vitest';
import { saveDraft } from '../../electron/services/drafts';
import { addUser } from '../../server/team/users';
import { startPackage } from '../electron/harness';
import { describeTeam, useTeamServer } from './harness';
import { hostDesktop, until } from './host-desktop';

const team = useTeamServer();

type Line = { id: string; author: string; text: string; mine: boolean };

describeTeam('two people of one name on a team (TeamHost behind the IPC channels)', () => {
  it("each may change only their own comments: a namesake's is not one's own, here as on the server", async () => {
    // Two officials named alike, in two bodies: the server tells them apart by id, and so must the desktops.
    const drafter = await addUser(team().db, 'Айгерим Ахметова', 'drafter');
    const reviewer = await addUser(team().db, 'Айгерим Ахметова', 'reviewer');
    const a = hostDesktop('ministry-laptop');
    const r = hostDesktop('justice-laptop');
    try {
      await a.call('connectTeam', { url: team().url, token: drafter.token });
      await r.call('connectTeam', { url: team().url, token: reviewer.token });
      await a.call('setIdentity', { name: 'Айгерим Ахметова', role: 'Министерство науки' });
      await r.call('setIdentity', { name: 'Айгерим Ахметова', role: 'Министерство юстиции' });
      const { pkgId, versionId, p17 } = startPackage(a.ctx);
      saveDraft(a.ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
      // Written before publishing: the server is told whose it is only when it goes up.
      await a.call('addComment', { packageId: pkgId, uid: p17.uid, parentId: null, text: 'Колледжи добавлены по итогам совещания.' });
      await a.call('publishToTeam', { packageId: pkgId, members: [reviewer.user.id] });
      await until(() => !!r.ctx.store.packages.get(pkgId));

      await r.call('addComment', { packageId: pkgId, uid: p17.uid, parentId: null, text: 'Уточните, какие колледжи.' });
      const lines = async (d: typeof a) => (await d.call('listComments', { packageId: pkgId, uid: p17.uid })) as unknown as Line[];
      await until(async () => (await lines(a)).length === 2 && (await lines(r)).length === 2);
      const mineOn = async (d: typeof a) => (await lines(d)).map((l) => [l.text, l.author, l.mine]).sort();
      expect(await mineOn(a)).toEqual([
        ['Колледжи добавлены по итогам совещания.', 'Айгерим Ахметова', true],
        ['Уточните, какие колледжи.', 'Айгерим Ахметова', false],
      ]);
      expect(await mineOn(r)).toEqual([
        ['Колледжи добавлены по итогам совещания.', 'Айгерим Ахметова', false],
        ['Уточните, какие колледжи.', 'Айгерим Ахметова', true],
      ]);

      // The desktop refuses at once what the server would refuse: nothing changes here, nothing waits to go up.
      const theirs = (await lines(a)).find((l) => l.text === 'Уточните, какие колледжи.')!;
      await expect(a.call('editComment', { packageId: pkgId, commentId: theirs.id, text: 'Подменено.' })).rejects.toThrow(/comment\.notYours/);
      await expect(a.call('deleteComment', { packageId: pkgId, commentId: theirs.id })).rejects.toThrow(/comment\.notYours/);
      expect(a.ctx.store.team.commentsOut()).toEqual([]);

      // Her own, even the one written before publishing (the server has since said it is hers), she still rewords; it reaches the reviewer.
      const own = (await lines(a)).find((l) => l.mine)!;
      expect(a.ctx.store.review.comment(own.id)?.authorId).toBe(drafter.user.id);
      await a.call('editComment', { packageId: pkgId, commentId: own.id, text: 'Колледжи добавлены по итогам совещания 3 декабря.' });
      await until(async () => (await lines(r)).some((l) => l.text === 'Колледжи добавлены по итогам совещания 3 декабря.'));
      expect((await lines(r)).map((l) => l.text).sort()).toEqual(['Колледжи добавлены по итогам совещания 3 декабря.', 'Уточните, какие колледжи.']);
    } finally {
      await a.close();
      await r.close();
    }
  });
});
