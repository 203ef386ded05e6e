import { expect, it } from 'vitest';
import { saveDraft } from '../../electron/services/drafts';
import { joinFromTeam } from '../../electron/services/team/join';
import { publishToTeam } from '../../electron/services/team/publish';
import { pushOutbox } from '../../electron/services/team/sync';
import { TeamSync } from '../../electron/team/sync-loop';
import { PROTOCOL_HEADER, TEAM_PROTOCOL } from '../../shared/team/contract';
import { connect, type Db } from '../../server/db/connect';
import { migrateTeamDatabase } from '../../server/db/migrate';
import { startTeamServer } from '../../server/http/app';
import { addUser } from '../../server/team/users';
import { startPackage } from '../electron/harness';
import { describeTeam, freshDatabase } from './harness';
import { until } from './host-desktop';
import { serviceDesktop } from './service-desktop';

/** The service's database, whose connections for LISTEN can be refused (as while PostgreSQL restarts). */
function gated(db: Db): { db: Db; open: boolean } {
  const gate = { open: true, db: undefined as unknown as Db };
  gate.db = { query: (sql, params) => db.query(sql, params), tx: (fn) => db.tx(fn), close: () => db.close(), listener: () => (gate.open ? db.listener() : Promise.reject(new Error('the database system is starting up'))) };
  return gate;
}

describeTeam('the service loses its PostgreSQL announcements and listens again', () => {
  it("ends every stream, refuses new ones until it listens again, and each desktop catches up on what was announced meanwhile; then live again", async () => {
    const fresh = await freshDatabase();
    const db = connect(fresh.url);
    await migrateTeamDatabase(db);
    const gate = gated(db);
    const server = await startTeamServer({ db: gate.db, host: '127.0.0.1', port: 0, log: () => undefined, relistenMs: [50, 200] });
    const anna = await addUser(db, 'Анна Петрова', 'drafter');
    const berik = await addUser(db, 'Берик Ахметов', 'drafter');
    const a = serviceDesktop(server.url, anna.token, 'anna-laptop');
    const b = serviceDesktop(server.url, berik.token, 'berik-laptop');
    const sync = new TeamSync(b.ctx, b.api, 'berik-laptop');
    const health = async () => ((await (await fetch(`${server.url}/v1/health`)).json()) as { listening: boolean }).listening;
    try {
      const { pkgId, versionId, p17, p19 } = startPackage(a.ctx);
      await publishToTeam(a.ctx, a.api, pkgId, [berik.user.id]);
      await joinFromTeam(b.ctx, b.api);
      sync.start();
      await until(() => server.subscribers() === 1);

      // PostgreSQL drops the service's LISTEN connection, and does not take new ones for a while.
      gate.open = false;
      const ended = await db.query("SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN zan_team'");
      expect(ended).toEqual([{ ended: true }]);
      await until(() => server.subscribers() === 0);
      expect(server.subscribers()).toBe(0);
      expect(await health()).toBe(false);
      const refused = await fetch(`${server.url}/v1/events`, { headers: { authorization: `Bearer ${berik.token}`, [PROTOCOL_HEADER]: String(TEAM_PROTOCOL) } });
      expect(refused.status).toBe(503);
      await refused.body?.cancel();

      // Anna's change meanwhile is announced to no one.
      saveDraft(a.ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
      expect(await pushOutbox(a.ctx, a.api, a.device)).toEqual({ state: 'done', pushed: 1 });

      // PostgreSQL is back: the service listens again; Berik's desktop, connecting again, pulls what it missed.
      gate.open = true;
      await until(health);
      expect(await health()).toBe(true);
      const berikHas = (uid: string) => b.ctx.store.provisions.rows(versionId, [uid]).get(uid)?.text;
      await until(() => berikHas(p17.uid) === 'Университеты и колледжи вправе:');
      expect(berikHas(p17.uid)).toBe('Университеты и колледжи вправе:');
      await until(() => server.subscribers() === 1);

      // And live again: the next change comes by its announcement.
      saveDraft(a.ctx, { versionId, revision: a.ctx.store.versions.get(versionId)!.revision, upserts: [{ ...p19, text: 'Настоящий Закон вводится в действие с 1 января.' }], deletes: [] });
      expect(await pushOutbox(a.ctx, a.api, a.device)).toEqual({ state: 'done', pushed: 1 });
      await until(() => berikHas(p19.uid) === 'Настоящий Закон вводится в действие с 1 января.');
      expect(berikHas(p19.uid)).toBe('Настоящий Закон вводится в действие с 1 января.');
    } finally {
      await sync.stop();
      a.close();
      b.close();
      await server.close();
      await db.close();
      await fresh.drop();
    }
  });
});
