import type { ChildProcess } from 'node:child_process';
import { expect, it } from 'vitest';
import type { ProvisionRow } from '../../shared/law';
import type { PushReply } from '../../shared/team/contract';
import { connect } from '../../server/db/connect';
import { migrateTeamDatabase } from '../../server/db/migrate';
import { verifyServerAudit } from '../../server/team/audit';
import { addUser } from '../../server/team/users';
import { prng } from '../bench/synthetic';
import { describeTeam, freshDatabase, teamClient } from './harness';
import { freePort, startServerProcess } from './server-process';

/** Rounds of push, kill -9 at a random moment, restart, retry. */
const ROUNDS = 8;

function paragraph(text: string): ProvisionRow {
  return { uid: 'paragraph01', parentUid: 'article0001', ord: 0, kind: 'paragraph', num: '1', heading: '', text, repealed: false, notes: [] };
}

describeTeam('the server killed mid-push', () => {
  it('a push retried after kill -9 at a random moment is applied exactly once, and the log still verifies', async () => {
    const fresh = await freshDatabase();
    const db = connect(fresh.url);
    let server: ChildProcess | null = null;
    try {
      await migrateTeamDatabase(db);
      const { token } = await addUser(db, 'Анна Петрова', 'drafter');
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const anna = teamClient(url, token, 'anna-laptop');
      server = await startServerProcess(fresh.url, port);
      const article: ProvisionRow = { uid: 'article0001', parentUid: null, ord: 0, kind: 'article', num: '1', heading: '', text: '', repealed: false, notes: [] };
      const rows = [article, paragraph('Исходная редакция.')];
      const published = await anna.post<{ revisions: Record<string, Record<string, number>> }>('/v1/packages', { packageId: 'package0001', title: 'Пакет', drafts: [{ versionId: 'draftru0001', lang: 'ru', title: 'Закон', base: { versionId: 'lawru000001', title: 'Закон', inForceFrom: null, rows }, rows }], members: [] });
      let revision = published.body.revisions['draftru0001']!['paragraph01']!;
      const random = prng(17);
      for (let round = 0; round < ROUNDS; round++) {
        const body = { opId: `op-round-${String(round).padStart(4, '0')}`, versionId: 'draftru0001', device: 'anna-laptop', changes: [{ uid: 'paragraph01', baseRevision: revision, row: paragraph(`Редакция ${round}.`) }] };
        // The first attempt: its answer may never come (the server dies before, during or after the commit).
        const first = anna.post<PushReply>('/v1/push', body).catch(() => null);
        await new Promise((ok) => setTimeout(ok, Math.floor(random() * 40)));
        server.kill('SIGKILL');
        await new Promise((ok) => server!.once('exit', ok));
        await first;
        server = await startServerProcess(fresh.url, port);
        // The desktop retries the same push (same id) until it has an answer.
        const retried = await anna.post<PushReply>('/v1/push', body);
        expect(retried.body.status).toBe('applied');
        revision = (retried.body as { revisions: Record<string, number> }).revisions['paragraph01']!;
        // And once more: the same answer, nothing applied again.
        expect((await anna.post<PushReply>('/v1/push', body)).body).toEqual(retried.body);
      }
      const pushes = await db.query<{ n: string }>('SELECT count(*) AS n FROM push');
      const changes = await db.query<{ op: string; n: string }>("SELECT detail->>'opId' AS op, count(*) AS n FROM audit_log WHERE action = 'change' GROUP BY 1 ORDER BY 1");
      expect(Number(pushes[0]!.n)).toBe(ROUNDS);
      expect(changes.map((c) => Number(c.n))).toEqual(new Array(ROUNDS).fill(1));
      const [final] = await db.query<{ revision: string; row: ProvisionRow }>("SELECT revision, row FROM provision WHERE uid = 'paragraph01'");
      expect(final).toMatchObject({ revision: String(revision), row: { text: `Редакция ${ROUNDS - 1}.` } });
      expect(await verifyServerAudit(db)).toMatchObject({ ok: true });
    } finally {
      server?.kill('SIGKILL');
      await db.close();
      await fresh.drop();
    }
  });
});
