import { expect, it } from 'vitest';
import { saveDraft } from '../../electron/services/drafts';
import { publishToTeam } from '../../electron/services/team/publish';
import { TeamClient } from '../../electron/team/client';
import { TeamSync, type TeamStatus } from '../../electron/team/sync-loop';
import type { ProvisionRow } from '../../shared/law';
import type { PushReply } from '../../shared/team/contract';
import { startTeamServer } from '../../server/http/app';
import { addUser } from '../../server/team/users';
import { openTestContext, startPackage, tempDir } from '../electron/harness';
import { describeTeam, teamClient, useTeamServer } from './harness';

const team = useTeamServer();

/** Waits until `ready` holds, looking every 10 ms (for at most 20 s: then the test fails on what it expected). */
async function until(ready: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 2000 && !(await ready()); i++) await new Promise((ok) => setTimeout(ok, 10));
}

describeTeam('a desktop kept in step while the app runs (TeamSync)', () => {
  it("pushes each save, takes another drafter's change as it happens, and while the server is away says offline, keeps the saves and pushes them when it is back", async () => {
    const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
    const berik = await addUser(team().db, 'Берик Ахметов', 'drafter');
    const { dir, cleanup } = tempDir();
    const ctx = openTestContext(dir);
    const client = new TeamClient(team().url, anna.token, 'anna-laptop');
    const statuses: TeamStatus[] = [];
    const sync = new TeamSync(ctx, client, 'anna-laptop', (s) => void statuses.push(s));
    try {
      const { pkgId, versionId, p17, p19 } = startPackage(ctx);
      await publishToTeam(ctx, client, pkgId, [berik.user.id]);
      sync.start();
      await until(() => team().server.subscribers() === 1);
      // A save here goes up by itself.
      saveDraft(ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
      sync.poke();
      const onServer = async (uid: string) => (await teamClient(team().url, anna.token, 'x').get<{ provisions: { uid: string; revision: number; row: ProvisionRow | null }[] }>(`/v1/drafts/${versionId}`)).body.provisions.find((p) => p.uid === uid)!;
      await until(async () => (await onServer(p17.uid)).row?.text === 'Университеты и колледжи вправе:');
      expect((await onServer(p17.uid)).row?.text).toBe('Университеты и колледжи вправе:');
      await until(() => sync.status().state === 'online' && sync.status().queue === 0);
      // Berik changes another provision: the event arrives, the draft here takes it.
      const before = await onServer(p19.uid);
      const theirs = await teamClient(team().url, berik.token, 'berik-laptop').post<PushReply>('/v1/push', { opId: 'op-berik-0001', versionId, device: 'berik-laptop', changes: [{ uid: p19.uid, baseRevision: before.revision, row: { ...p19, text: 'Настоящий Закон вводится в действие с 1 января.' } }] });
      expect(theirs.body.status).toBe('applied');
      await until(() => ctx.store.provisions.rows(versionId, [p19.uid]).get(p19.uid)?.text === 'Настоящий Закон вводится в действие с 1 января.');
      expect(ctx.store.provisions.rows(versionId, [p19.uid]).get(p19.uid)?.text).toBe('Настоящий Закон вводится в действие с 1 января.');
      // Taken from the server: nothing to push back.
      expect(ctx.store.team.outbox()).toEqual([]);
      // The server goes away.
      const port = Number(new URL(team().url).port);
      await team().server.close();
      saveDraft(ctx, { versionId, revision: ctx.store.versions.get(versionId)!.revision, upserts: [{ ...p17, text: 'Университеты, колледжи и предприятия вправе:' }], deletes: [] });
      sync.poke();
      await until(() => sync.status().state === 'offline');
      expect(sync.status()).toMatchObject({ state: 'offline', queue: 1 });
      // Back on the same address: the wait ends, the save goes up.
      const back = await startTeamServer({ db: team().db, host: '127.0.0.1', port, log: () => undefined });
      try {
        await until(async () => sync.status().queue === 0 && (await onServer(p17.uid)).row?.text === 'Университеты, колледжи и предприятия вправе:');
        expect((await onServer(p17.uid)).row?.text).toBe('Университеты, колледжи и предприятия вправе:');
        await until(() => sync.status().state === 'online');
        expect(statuses.map((s) => s.state)).toEqual(expect.arrayContaining(['syncing', 'online', 'offline']));
      } finally {
        await sync.stop();
        await back.close();
      }
    } finally {
      await sync.stop();
      ctx.store.close();
      cleanup();
    }
  });
});
