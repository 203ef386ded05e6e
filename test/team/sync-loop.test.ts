import { expect, it } from 'vitest';
import { saveDraft } from '../../electron/services/drafts';
import { setIdentity } from '../../electron/services/identity';
import { addComment, listComments } from '../../electron/services/review';
import { sendComments } from '../../electron/services/team/comments';
import { decideOnTeam } from '../../electron/services/team/decisions';
import { joinFromTeam } from '../../electron/services/team/join';
import { publishToTeam } from '../../electron/services/team/publish';
import { TeamClient } from '../../electron/team/client';
import { TeamSync, type TeamChange, type TeamStatus } from '../../electron/team/sync-loop';
import type { ProvisionRow } from '../../shared/law';
import type { PushReply } from '../../shared/team/contract';
import { startTeamServer } from '../../server/http/app';
import { addUser } from '../../server/team/users';
import { openTestContext, startPackage, tempDir } from '../electron/harness';
import { describeTeam, teamClient, useTeamServer } from './harness';
import { until } from './host-desktop';
import { serviceDesktop } from './service-desktop';

const team = useTeamServer();

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

  it('what others commented and decided while this desktop was away arrives when it connects; a comment waiting to go up counts in the queue', async () => {
    const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
    const rita = await addUser(team().db, 'Рита Сапарова', 'reviewer');
    const { dir, cleanup } = tempDir();
    const ctx = openTestContext(dir);
    const client = new TeamClient(team().url, anna.token, 'anna-laptop');
    const changes: TeamChange[] = [];
    const sync = new TeamSync(ctx, client, 'anna-laptop', () => undefined, () => undefined, (c) => void changes.push(c));
    const r = serviceDesktop(team().url, rita.token, 'rita-laptop');
    try {
      const { pkgId, versionId, p17 } = startPackage(ctx);
      saveDraft(ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
      await publishToTeam(ctx, client, pkgId, [rita.user.id]);
      // Anna's app is closed: Rita comments and accepts.
      await joinFromTeam(r.ctx, r.api);
      setIdentity(r.ctx, { name: 'Рита Сапарова', role: 'Минюст' });
      addComment(r.ctx, { packageId: pkgId, uid: p17.uid, parentId: null, text: 'Согласовано с колледжами?' });
      expect(await sendComments(r.ctx, r.api)).toEqual({ state: 'done', sent: 1 });
      await decideOnTeam(r.ctx, r.api, { packageId: pkgId, uid: p17.uid, decision: 'accept' });

      // Anna comments before her desktop connects: it waits, and the queue says so.
      setIdentity(ctx, { name: 'Анна Петрова', role: 'Отдел науки' });
      addComment(ctx, { packageId: pkgId, uid: p17.uid, parentId: null, text: 'Да, согласовано.' });
      expect(sync.status().queue).toBe(1);

      sync.start();
      await until(() => listComments(ctx, pkgId, p17.uid).length === 2 && ctx.store.amendments.annotations(pkgId).get(p17.uid)?.status === 'accepted' && sync.status().queue === 0);
      // (In the order of their times: the server's clock for Rita's, this test desktop's own for Anna's.)
      expect(listComments(ctx, pkgId, p17.uid).map((c) => [c.author, c.text]).sort()).toEqual([
        ['Анна Петрова', 'Да, согласовано.'],
        ['Рита Сапарова', 'Согласовано с колледжами?'],
      ]);
      expect(ctx.store.amendments.annotations(pkgId).get(p17.uid)?.status).toBe('accepted');
      expect(sync.status().queue).toBe(0);
      // The window was told of both.
      expect(changes.filter((c) => c.kind === 'event').map((c) => (c.kind === 'event' ? c.event.kind : ''))).toEqual(expect.arrayContaining(['comment', 'decision']));
      expect(await r.api.comments(pkgId, p17.uid)).toHaveLength(2);
    } finally {
      await sync.stop();
      ctx.store.close();
      cleanup();
      r.close();
    }
  });
});

