import { expect, it } from 'vitest';
import { verifyAudit } from '../../electron/services/audit/check';
import { addUser } from '../../server/team/users';
import { startPackage } from '../electron/harness';
import { describeTeam, useTeamServer } from './harness';
import { hostDesktop, until } from './host-desktop';

const team = useTeamServer();

type Person = { id: string; name: string; role: string; member: boolean };

describeTeam('who a package is shared with, from the app (TeamHost behind the IPC channels)', () => {
  it("its publisher shares it with a reviewer who comes in later: her desktop takes it by itself; she may not change who else sees it", async () => {
    const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
    const dina = await addUser(team().db, 'Дина Омарова', 'reviewer');
    const berik = await addUser(team().db, 'Берик Ахметов', 'drafter');
    const a = hostDesktop('anna-laptop');
    const d = hostDesktop('dina-laptop');
    const b = hostDesktop('berik-laptop');
    try {
      await a.call('connectTeam', { url: team().url, token: anna.token });
      await d.call('connectTeam', { url: team().url, token: dina.token });
      const { pkgId } = startPackage(a.ctx);
      await a.call('publishToTeam', { packageId: pkgId, members: [] });
      const list = async () => (await a.call('listTeamMembers', { packageId: pkgId })) as unknown as Person[];
      // The others of the team, none of them on it yet (Anna herself is not listed: she stays).
      expect((await list()).map((p) => [p.name, p.member])).toEqual([['Берик Ахметов', false], ['Дина Омарова', false]]);

      const after = (await a.call('changeTeamMembers', { packageId: pkgId, add: [dina.user.id], remove: [] })) as unknown as Person[];
      expect(after.map((p) => [p.name, p.member])).toEqual([['Дина Омарова', true], ['Берик Ахметов', false]]);
      await until(() => !!d.ctx.store.packages.get(pkgId));
      expect(d.ctx.store.packages.get(pkgId)).toBeTruthy();

      // Dina, a reviewer on it, may not change who sees it: said in her words.
      await expect(d.call('changeTeamMembers', { packageId: pkgId, add: [], remove: [anna.user.id] })).rejects.toThrow(/team\.membersByPublisher/);
      await expect(d.call('listTeamMembers', { packageId: pkgId })).rejects.toThrow(/team\.membersByPublisher/);
      // A package that is not on the server has no one to share it with there.
      const { pkgId: alone } = startPackage(a.ctx, 'Только здесь');
      await expect(a.call('listTeamMembers', { packageId: alone })).rejects.toThrow(/team\.notLinked/);

      // Berik is added, and then no longer: his change made since stays on his desktop, and its refusal says why.
      await b.call('connectTeam', { url: team().url, token: berik.token });
      await a.call('changeTeamMembers', { packageId: pkgId, add: [berik.user.id], remove: [] });
      await until(() => !!b.ctx.store.packages.get(pkgId));
      await a.call('changeTeamMembers', { packageId: pkgId, add: [], remove: [berik.user.id] });
      const versionId = b.ctx.store.versions.listByPackage(pkgId)[0]!.id;
      const [row] = b.ctx.store.provisions.load(versionId).filter((r) => r.text.length > 0);
      await b.call('saveDraft', { versionId, revision: b.ctx.store.versions.get(versionId)!.revision, upserts: [{ ...row!, text: `${row!.text} (изменено)` }], deletes: [] });
      await until(async () => ((await b.call('getTeamStatus', {}))['notice'] as { code?: string } | null)?.code === 'NOT_FOUND');
      expect((await b.call('getTeamStatus', {}))['notice']).toMatchObject({ kind: 'refused', code: 'NOT_FOUND' });
      expect(b.ctx.store.team.outbox()).toHaveLength(1);

      // Anna's own log records it.
      expect(a.ctx.store.review.audit({ packageId: pkgId }).filter((e) => e.action === 'team-members').map((e) => JSON.parse(e.detail) as unknown)).toEqual([{ added: [dina.user.id], removed: [] }, { added: [berik.user.id], removed: [] }, { added: [], removed: [berik.user.id] }]);
      expect(verifyAudit(a.ctx)).toMatchObject({ ok: true });
    } finally {
      await a.close();
      await d.close();
      await b.close();
    }
  });
});
