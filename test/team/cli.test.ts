import { expect, it } from 'vitest';
import { runCliHere } from '../../electron/shell/cli-mode';
import { runServerCommand } from '../../server/cli';
import { connect } from '../../server/db/connect';
import { SERVER_SCHEMA_VERSION } from '../../server/db/migrations';
import { appendAudit } from '../../server/team/audit';
import { userOfToken } from '../../server/team/users';
import { describeTeam, freshDatabase } from './harness';

async function zanServer(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runServerCommand(args, { out: (s) => void (out += `${s}\n`), err: (s) => void (err += `${s}\n`) });
  return { code, out, err };
}

describeTeam('zan server (the command line)', () => {
  it('migrate, add-user (the token shown once, kept hashed), revoke; bad usage exits 2, a refused database 1', async () => {
    const fresh = await freshDatabase();
    const db = connect(fresh.url);
    try {
      expect(await zanServer('migrate', '--pg', fresh.url)).toMatchObject({ code: 0, out: `The team database was brought from schema 0 to ${SERVER_SCHEMA_VERSION}.\n` });
      const added = await zanServer('add-user', '--pg', fresh.url, '--name', 'Айгуль Сериккызы', '--role', 'owner');
      expect(added.code).toBe(0);
      const token = /^(zan_[A-Za-z0-9_-]{43})$/m.exec(added.out)![1]!;
      const user = await userOfToken(db, token);
      expect(user).toMatchObject({ name: 'Айгуль Сериккызы', role: 'owner' });
      // Only its hash is stored.
      const stored = await db.query<{ token_hash: string }>('SELECT token_hash FROM team_user');
      expect(stored[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(stored)).not.toContain(token);
      expect(await zanServer('revoke', '--pg', fresh.url, '--id', user.id)).toMatchObject({ code: 0 });
      await expect(userOfToken(db, token)).rejects.toThrow(/revoked/);
      expect((await zanServer('add-user', '--pg', fresh.url, '--name', 'X', '--role', 'admin')).code).toBe(2);
      expect((await zanServer('add-user', '--name', 'X')).code).toBe(2);
      await db.query('UPDATE zan_team_schema SET version = 7');
      expect(await zanServer('migrate', '--pg', fresh.url)).toMatchObject({ code: 1, err: expect.stringMatching(/newer than this server/) });
    } finally {
      await db.close();
      await fresh.drop();
    }
  });

  it('the packaged app runs the same commands (`Zan Workbench --cli server …`, through the app\'s own CLI entry)', async () => {
    const fresh = await freshDatabase();
    const db = connect(fresh.url);
    try {
      expect(await runCliHere(['server', 'migrate'])).toBe(2);
      expect(await runCliHere(['server', 'migrate', '--pg', fresh.url])).toBe(0);
      expect((await db.query<{ version: number }>('SELECT version FROM zan_team_schema'))[0]?.version).toBe(SERVER_SCHEMA_VERSION);
      expect(await runCliHere(['server', 'add-user', '--pg', fresh.url, '--name', 'Дана', '--role', 'reader'])).toBe(0);
      expect(await db.query('SELECT name, role FROM team_user')).toEqual([{ name: 'Дана', role: 'reader' }]);
    } finally {
      await db.close();
      await fresh.drop();
    }
  });

  it('audit: checks the server\'s log and prints its head to record elsewhere; with a head recorded earlier, a log rewritten from the start (its chain consistent) or cut short is found', async () => {
    const fresh = await freshDatabase();
    const db = connect(fresh.url);
    const entry = (action: string) => ({ userId: 'someone', device: 'desk', action, packageId: null, versionId: null, uid: null, baseRevision: null, newRevision: null, detail: {} });
    const append = (...actions: string[]) => db.tx(async (q) => { for (const a of actions) await appendAudit(q, entry(a)); });
    try {
      expect((await zanServer('migrate', '--pg', fresh.url)).code).toBe(0);
      await append('publish', 'change', 'decision-accept');
      const checked = await zanServer('audit', '--pg', fresh.url);
      expect(checked).toMatchObject({ code: 0, out: expect.stringContaining('3 entries') });
      const head = /^Head: (\d+:[0-9a-f]{64})$/m.exec(checked.out)![1]!;
      expect(head.startsWith('3:')).toBe(true);
      expect(await zanServer('audit', '--pg', fresh.url, '--head', head)).toMatchObject({ code: 0, out: expect.stringContaining('entry 3 as recorded') });

      // Someone with the database's keys switches the triggers off and writes the log again from the start.
      await db.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
      await db.query('DELETE FROM audit_log');
      await append('publish', 'change', 'decision-reject');
      // Its chain holds by itself; the head recorded earlier finds it.
      expect((await zanServer('audit', '--pg', fresh.url)).code).toBe(0);
      expect(await zanServer('audit', '--pg', fresh.url, '--head', head)).toMatchObject({ code: 1, err: expect.stringMatching(/entry 3 is not the one recorded earlier: the log was rewritten/) });
      await db.query('DELETE FROM audit_log WHERE seq = 3');
      expect(await zanServer('audit', '--pg', fresh.url, '--head', head)).toMatchObject({ code: 1, err: expect.stringMatching(/ends before entry 3.*cut short/) });
      expect((await zanServer('audit', '--pg', fresh.url, '--head', 'latest')).code).toBe(2);
      // Entries are numbered from 1: a head at 0 is not one.
      expect((await zanServer('audit', '--pg', fresh.url, '--head', `0:${'a'.repeat(64)}`)).code).toBe(2);
    } finally {
      await db.close();
      await fresh.drop();
    }
  });
});

