import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupFolder, dailyBackup, KEEP_BACKUPS, listBackups, restoreBackup } from '../../../electron/store/backup';
import { openDatabase } from '../../../electron/store/database';
import { APPLICATION_ID } from '../../../electron/store/inspect';
import { LATEST_VERSION, MIGRATIONS } from '../../../electron/store/migrations';
import { migrate } from '../../../electron/store/migrate';
import { tempDir } from '../harness';
import { connectionOf } from '../../../electron/store/connection';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const count = (file: string, table: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number };
  } finally {
    db.close();
  }
};

describe('backups', () => {
  it('a copy is made before the schema is upgraded, at the old version, whole', () => {
    const file = join(dir, 'zan.sqlite');
    const old = new Database(file);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(old, MIGRATIONS.slice(0, 5));
    old.exec("INSERT INTO setting (key, value) VALUES ('user.name', 'До обновления')");
    old.close();
    openDatabase(file).close();
    const [backup] = listBackups(file);
    expect(backup).toMatchObject({ reason: 'migration' });
    const copy = new Database(backup!.path, { readonly: true });
    expect([copy.pragma('user_version', { simple: true }), copy.pragma('integrity_check', { simple: true }), (copy.prepare("SELECT value FROM setting WHERE key = 'user.name'").get() as { value: string }).value]).toEqual([5, 'ok', 'До обновления']);
    copy.close();
    // None when nothing is to be upgraded.
    openDatabase(file).close();
    expect(listBackups(file)).toHaveLength(1);
  });

  it('the daily one: made when the newest is a day old, not before; the oldest go past the last ten', async () => {
    const file = join(dir, 'zan.sqlite');
    const db = openDatabase(file);
    try {
      const day = 24 * 3600 * 1000;
      const start = Date.parse('2026-03-01T09:00:00Z');
      expect(await dailyBackup(db, file, new Date(start))).toMatch(/-20260301T090000Z-daily\.sqlite$/);
      expect(await dailyBackup(db, file, new Date(start + day / 2))).toBeNull();
      for (let i = 1; i <= KEEP_BACKUPS + 2; i++) await dailyBackup(db, file, new Date(start + i * day));
      const kept = listBackups(file);
      expect(kept).toHaveLength(KEEP_BACKUPS);
      expect(kept[0]?.at).toBe(new Date(start + (KEEP_BACKUPS + 2) * day).toISOString().replace('.000', ''));
      expect(existsSync(`${kept[0]?.path}.part`)).toBe(false);
    } finally {
      db.close();
    }
  });

  it('a restore puts the backup in place and keeps the database it replaced (with its -wal and audit head) among the backups', async () => {
    const file = join(dir, 'zan.sqlite');
    const db = openDatabase(file);
    await dailyBackup(db, file, new Date('2026-03-01T09:00:00Z'));
    db.exec("INSERT INTO setting (key, value) VALUES ('after', 'the backup')");
    db.close();
    writeFileSync(`${file}.audit-head`, '{"app":"zan-audit-head"}');
    const [backup] = listBackups(file);
    const replaced = restoreBackup(file, backup!.path, new Date('2026-03-02T10:00:00Z'));
    expect(replaced).toBe(join(backupFolder(file), 'zan-20260302T100000Z-replaced.sqlite'));
    expect(count(file, "setting WHERE key = 'after'").n).toBe(0);
    expect(count(replaced!, "setting WHERE key = 'after'").n).toBe(1);
    expect(readFileSync(`${replaced}.audit-head`, 'utf8')).toContain('zan-audit-head');
    expect(existsSync(`${file}.audit-head`)).toBe(false);
    openDatabase(file).close();
  });

  it('refuses to restore what is not a Zan database, and changes nothing', () => {
    const file = join(dir, 'zan.sqlite');
    openDatabase(file).close();
    const before = readFileSync(file);
    writeFileSync(join(dir, 'other.sqlite'), 'not a database at all');
    expect(() => restoreBackup(file, join(dir, 'other.sqlite'))).toThrow(/cannot be restored: .*not an SQLite database/);
    const newer = new Database(join(dir, 'newer.sqlite'));
    newer.pragma(`application_id = ${APPLICATION_ID}`);
    newer.pragma(`user_version = ${LATEST_VERSION + 1}`);
    newer.close();
    expect(() => restoreBackup(file, join(dir, 'newer.sqlite'))).toThrow(/cannot be restored: .*newer/);
    expect(readFileSync(file)).toEqual(before);
  });
});

describe('zan backups / zan restore-backup', () => {
  it('lists the backups, restores one by name, keeps what it replaced, and logs the restore with the head the replaced log had', async () => {
    const { runCli } = await import('../../../electron/cli/run');
    const { openTestContext, startPackage } = await import('../harness');
    const ctx = openTestContext(dir);
    const file = join(dir, 'zan.sqlite');
    await dailyBackup(connectionOf(ctx.store), file, new Date('2026-03-01T09:00:00Z'));
    startPackage(ctx, 'После копии');
    connectionOf(ctx.store).close();
    const lines: string[] = [];
    const io = { readFile: () => '', readBytes: () => new Uint8Array(), writeFile: () => undefined, out: (l: string) => void lines.push(l), err: (l: string) => void lines.push(l) };
    expect(runCli(['backups', '--db', file], io)).toBe(0);
    expect(lines).toEqual([expect.stringMatching(/^zan-20260301T090000Z-daily\.sqlite\t2026-03-01T09:00:00Z\tdaily\t\d+ bytes$/)]);
    expect(runCli(['restore-backup', '--db', file, '--from', 'zan-20260301T090000Z-daily.sqlite'], io)).toBe(0);
    expect(lines.at(-1)).toMatch(/restored from .*The database it replaced is kept as .*-replaced\.sqlite\./);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare("SELECT COUNT(*) FROM package WHERE title = 'После копии'").pluck().get()).toBe(0);
      const entry = db.prepare("SELECT detail FROM audit_log WHERE action = 'restore-backup'").pluck().get() as string;
      expect(JSON.parse(entry)).toMatchObject({ from: 'zan-20260301T090000Z-daily.sqlite', replaced: expect.stringMatching(/-replaced\.sqlite$/), replacedHead: { count: expect.any(Number) } });
    } finally {
      db.close();
    }
    expect(runCli(['restore-backup', '--db', file, '--from', 'no-such.sqlite'], io)).toBe(2);
  });
});

describe('restoring from the app: asked for now, done at the next start', () => {
  it('listBackups and restoreBackup over IPC; the next start puts it in place, once', async () => {
    const { openTestContext } = await import('../harness');
    const { createDispatcher } = await import('../../../electron/ipc/dispatch');
    const { createHandlers } = await import('../../../electron/ipc/handlers');
    const { sameOriginCheck } = await import('../../../electron/shell/origin');
    const { APP_ORIGIN } = await import('../../../electron/shell/app-url');
    const { applyPendingRestore, pendingRestoreFile } = await import('../../../electron/services/backups');
    const ctx = openTestContext(dir);
    const file = join(dir, 'zan.sqlite');
    await dailyBackup(connectionOf(ctx.store), file, new Date('2026-03-01T09:00:00Z'));
    let restarted = 0;
    const exports = { chooseSavePath: async () => null, chooseFolder: async () => null, printPdf: async () => Buffer.from('') };
    const dispatch = createDispatcher(createHandlers(ctx, { appVersion: 't', databasePath: file, exports, restart: () => void restarted++ }), { isTrustedSender: sameOriginCheck(APP_ORIGIN) });
    const from = { url: `${APP_ORIGIN}/index.html` };
    const listed = await dispatch('zan:listBackups', {}, from);
    expect(listed).toMatchObject({ ok: true, value: [{ name: 'zan-20260301T090000Z-daily.sqlite', reason: 'daily', at: '2026-03-01T09:00:00Z' }] });
    expect(await dispatch('zan:restoreBackup', { name: '../../etc/passwd' }, from)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch('zan:restoreBackup', { name: 'zan-20260301T090000Z-daily.sqlite' }, from)).toEqual({ ok: true, value: { restarting: true } });
    expect(restarted).toBe(1);
    connectionOf(ctx.store).close();
    expect(applyPendingRestore(dir, file)).toMatchObject({ from: expect.stringMatching(/daily\.sqlite$/), replaced: expect.stringMatching(/replaced\.sqlite$/) });
    expect(existsSync(pendingRestoreFile(dir))).toBe(false);
    expect(applyPendingRestore(dir, file)).toBeNull();
  });
});
