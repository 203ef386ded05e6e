import { expect, it } from 'vitest';
import { addUser } from '../../server/team/users';
import { startPackage } from '../electron/harness';
import { hostDesktop as desktop, until } from './host-desktop';
import { describeTeam, teamClient, useTeamServer } from './harness';
import { saveDraft } from '../../electron/services/drafts';
import { listSnapshots } from '../../electron/services/snapshots';
import { LEASES_RELEASED_SNAPSHOT } from '../../shared/team/views';

const team = useTeamServer();

describeTeam('provision leases from the app (TeamHost behind the IPC channels)', () => {
  it("a package joined by a member's desktop; typing takes a lease; the other desktop sees the holder live and is refused; moving on gives it back", async () => {
    const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
    const berik = await addUser(team().db, 'Берик Ахметов', 'drafter');
    const a = desktop('anna-laptop');
    const b = desktop('berik-laptop');
    try {
      await a.call('connectTeam', { url: team().url, token: anna.token });
      await b.call('connectTeam', { url: team().url, token: berik.token });
      const { pkgId, versionId, p17, p19 } = startPackage(a.ctx);
      await a.call('publishToTeam', { packageId: pkgId, members: [berik.user.id] });
      // Berik's desktop hears of the package and joins it, and his window is told.
      const seen = (await b.call('getTeamStatus', {}))['seq'] as number;
      const watched = b.call('watchTeam', { since: seen });
      await until(() => !!b.ctx.store.packages.get(pkgId));
      expect(b.ctx.store.packages.get(pkgId)?.title).toBe('Проект');
      expect(((await watched)['seq'] as number) > seen).toBe(true);
      expect(await b.call('getTeamDraft', { versionId })).toMatchObject({ linked: true, leases: [], mine: [] });

      expect(await a.call('takeLease', { versionId, uid: p17.uid })).toEqual({ state: 'held' });
      await until(async () => ((await b.call('getTeamDraft', { versionId }))['leases'] as unknown[]).length === 1);
      expect(await b.call('getTeamDraft', { versionId })).toMatchObject({ leases: [{ uid: p17.uid, holder: 'Анна Петрова' }] });
      expect(await b.call('takeLease', { versionId, uid: p17.uid })).toEqual({ state: 'held-by', holder: 'Анна Петрова' });
      expect(await a.call('getTeamDraft', { versionId })).toMatchObject({ leases: [], mine: [p17.uid] });

      // Anna moves on to p19: p17 has nothing waiting to go up, so it is given back; Berik may type in it.
      expect(await a.call('takeLease', { versionId, uid: p19.uid })).toEqual({ state: 'held' });
      await until(async () => ((await b.call('getTeamDraft', { versionId }))['leases'] as { uid: string }[]).every((l) => l.uid !== p17.uid));
      expect(await b.call('getTeamDraft', { versionId })).toMatchObject({ leases: [{ uid: p19.uid, holder: 'Анна Петрова' }] });
      expect(await b.call('takeLease', { versionId, uid: p17.uid })).toEqual({ state: 'held' });
      // Leaving the draft gives back what is pushed.
      await a.call('leaveDraft', { versionId });
      await until(async () => ((await b.call('getTeamDraft', { versionId }))['leases'] as unknown[]).length === 0);
      expect(await b.call('getTeamDraft', { versionId })).toMatchObject({ leases: [], mine: [p17.uid] });
      // A draft not on a server: nothing to lease.
      const own = startPackage(a.ctx, 'Свой проект');
      expect(await a.call('takeLease', { versionId: own.versionId, uid: own.p17.uid })).toEqual({ state: 'not-linked' });
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("an owner releases a draft's leases: the holder's text not yet on the server is kept as a snapshot on their desktop first, and still goes up", async () => {
    const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
    const berik = await addUser(team().db, 'Берик Ахметов', 'drafter');
    const owner = await addUser(team().db, 'Айгуль Сериккызы', 'owner');
    const a = desktop('anna-laptop');
    const b = desktop('berik-laptop');
    try {
      await a.call('connectTeam', { url: team().url, token: anna.token });
      await b.call('connectTeam', { url: team().url, token: berik.token });
      const { pkgId, versionId, p17, p19 } = startPackage(a.ctx);
      await a.call('publishToTeam', { packageId: pkgId, members: [berik.user.id] });
      await until(() => !!b.ctx.store.packages.get(pkgId));
      // Anna holds p19; Berik holds p17 and saves both: his p19 change waits for her lease, his p17 change behind it.
      expect(await a.call('takeLease', { versionId, uid: p19.uid })).toEqual({ state: 'held' });
      expect(await b.call('takeLease', { versionId, uid: p17.uid })).toEqual({ state: 'held' });
      const revision = () => b.ctx.store.versions.get(versionId)!.revision;
      saveDraft(b.ctx, { versionId, revision: revision(), upserts: [{ ...p19, text: 'Берик: пункт 19.' }], deletes: [] });
      saveDraft(b.ctx, { versionId, revision: revision(), upserts: [{ ...p17, text: 'Берик: пункт 17.' }], deletes: [] });
      b.host.poke();
      await until(() => b.host.view().notice?.kind === 'leased');
      expect(b.ctx.store.team.pendingUids(versionId).has(p17.uid)).toBe(true);
      expect(listSnapshots(b.ctx, pkgId)).toEqual([]);

      const released = await teamClient(team().url, owner.token, 'owner-desk').post<{ released: number }>(`/v1/drafts/${versionId}/release-leases`, {});
      expect(released.body.released).toBe(2);
      await until(() => listSnapshots(b.ctx, pkgId).length === 1);
      expect(listSnapshots(b.ctx, pkgId).map((s) => s.name)).toEqual([LEASES_RELEASED_SNAPSHOT]);
      // Nothing lost: his changes go up now that no one holds the provisions.
      b.host.poke();
      await until(() => b.ctx.store.team.outbox().length === 0);
      expect(b.ctx.store.team.outbox()).toEqual([]);
      // A drafter may not release others' leases.
      await expect(a.call('releaseDraftLeases', { versionId })).rejects.toThrow(/FORBIDDEN/);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
