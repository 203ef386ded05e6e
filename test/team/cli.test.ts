import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { get as httpsGet } from 'node:https';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCliHere } from '../../electron/shell/cli-mode';
import { runServerCommand } from '../../server/cli';
import { connect } from '../../server/db/connect';
import { SERVER_SCHEMA_VERSION } from '../../server/db/migrations';
import { appendAudit } from '../../server/team/audit';
import { userOfToken } from '../../server/team/users';
import { describeTeam, freshDatabase } from './harness';
import { freePort } from './server-process';

const ROOT = join(import.meta.dirname, '../..');

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

  it('`npx zan server --pg … --listen … --cert … --key …` runs the service until it is told to stop (SIGTERM), over HTTPS', async () => {
    const fresh = await freshDatabase();
    const port = await freePort();
    const tls = join(ROOT, 'test/team/fixtures/tls');
    // What `npx zan` runs: the package's own bin, linked in node_modules/.bin.
    const child = spawn(join(ROOT, 'node_modules/.bin/zan'), ['server', '--pg', fresh.url, '--listen', `127.0.0.1:${port}`, '--cert', join(tls, 'cert.pem'), '--key', join(tls, 'key.pem')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
    try {
      for (let i = 0; i < 600 && !out.includes('Zan team service on'); i++) await new Promise((ok) => setTimeout(ok, 50));
      expect(out).toContain(`Zan team service on https://127.0.0.1:${port} (schema ${SERVER_SCHEMA_VERSION}).`);
      const health = await new Promise<unknown>((ok, fail) => {
        httpsGet(`https://127.0.0.1:${port}/v1/health`, { ca: readFileSync(join(tls, 'cert.pem')) }, (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => ok(JSON.parse(text)));
        }).on('error', fail);
      });
      expect(health).toMatchObject({ ok: true, schema: SERVER_SCHEMA_VERSION, listening: true });
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
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

