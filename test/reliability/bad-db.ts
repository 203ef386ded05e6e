import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StoreError } from '../../electron/store/errors';
import { neighbours } from '../../electron/store/inspect';
import { LATEST_VERSION } from '../../electron/store/migrations';
import { openDatabase } from '../../electron/store/database';
import { FROM_APP, openApp } from './app-context';
import { connectionOf } from '../../electron/store/connection';

/** How one bad database was handled. */
export interface BadDbResult {
  name: string;
  handled: boolean;
  /** What happened, in words: the code and message of the refusal, or what went wrong. */
  outcome: string;
}

/** A refusal is handled when it is a known code, with words, and the file and its neighbours are as they were. */
type Expect = { refused: readonly string[] } | { opensWhole: true } | { refusedOrWhole: readonly string[] };

interface BadDbCase {
  name: string;
  make(file: string, base: string): void;
  expect: Expect;
}

const UNTRUSTED = ['DB_UNTRUSTED'] as const;
const DAMAGED = ['DB_DAMAGED', 'DB_UNTRUSTED'] as const;

function alter(file: string, base: string, sql: string): void {
  copyFileSync(base, file);
  const db = new Database(file);
  db.exec(sql);
  db.close();
}

function pages(base: string): number {
  return Math.floor(statSync(base).size / 4096);
}

/** The catalogue: issue 16's cases, then truncations at page boundaries and random bytes over pages (seeded). */
export function catalogue(base: string, seed: number): BadDbCase[] {
  let s = seed >>> 0;
  const random = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const n = pages(base);
  const cases: BadDbCase[] = [
    { name: 'a zero-byte file', make: (f) => writeFileSync(f, ''), expect: { refused: UNTRUSTED } },
    {
      name: "another program's SQLite database",
      make: (f) => {
        const db = new Database(f);
        db.pragma('journal_mode = WAL');
        db.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('Acme')");
        db.close();
      },
      expect: { refused: UNTRUSTED },
    },
    { name: 'a text file, not SQLite', make: (f) => writeFileSync(f, 'Статья 1. Не база данных.\n'.repeat(400)), expect: { refused: UNTRUSTED } },
    {
      name: 'its header overwritten',
      make: (f, b) => {
        const bytes = readFileSync(b);
        for (let i = 0; i < 100; i++) bytes[i] = Math.floor(random() * 256);
        writeFileSync(f, bytes);
      },
      expect: { refused: UNTRUSTED },
    },
    { name: 'a database of a newer version', make: (f, b) => alter(f, b, `PRAGMA user_version = ${LATEST_VERSION + 1}`), expect: { refused: ['DB_TOO_NEW'] } },
    { name: 'a table dropped', make: (f, b) => alter(f, b, 'DROP TABLE amendment'), expect: { refused: UNTRUSTED } },
    { name: "the audit log's triggers dropped", make: (f, b) => alter(f, b, 'DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete'), expect: { refused: UNTRUSTED } },
    { name: 'a table of another program added', make: (f, b) => alter(f, b, 'CREATE TABLE extra (x)'), expect: { refused: UNTRUSTED } },
  ];
  for (const k of [1, 2, Math.floor(n / 2), n - 1]) {
    cases.push({ name: `truncated to ${k} of ${n} pages`, make: (f, b) => (copyFileSync(b, f), truncateSync(f, k * 4096)), expect: { refused: DAMAGED } });
  }
  for (let i = 0; i < 6; i++) {
    const page = 1 + Math.floor(random() * (n - 1));
    const at = page * 4096 + Math.floor(random() * 4000);
    const garbage = Buffer.from(Array.from({ length: 64 }, () => Math.floor(random() * 256)));
    cases.push({
      name: `64 random bytes over page ${page + 1}`,
      make: (f, b) => {
        const bytes = readFileSync(b);
        garbage.copy(bytes, at);
        writeFileSync(f, bytes);
      },
      // Over a page in use SQLite's quick check sees it and the file is refused; over free space or
      // inside a text it may not: then the database must open whole.
      expect: { refusedOrWhole: DAMAGED },
    });
  }
  return cases;
}

const snapshot = (file: string) => [file, ...neighbours(file)].map((f) => (existsSync(f) ? readFileSync(f).toString('base64') : null)).join('|');

export function runCase(dir: string, base: string, c: BadDbCase): BadDbResult {
  const file = join(dir, 'bad.sqlite');
  for (const f of [file, ...neighbours(file)]) rmSync(f, { force: true });
  c.make(file, base);
  const before = snapshot(file);
  try {
    const db = openDatabase(file);
    try {
      if ('refused' in c.expect) return { name: c.name, handled: false, outcome: 'it was opened' };
      const integrity = db.pragma('integrity_check', { simple: true });
      return integrity === 'ok' ? { name: c.name, handled: true, outcome: 'opened, whole' } : { name: c.name, handled: false, outcome: `opened while damaged: ${String(integrity)}` };
    } finally {
      db.close();
    }
  } catch (error) {
    if (!(error instanceof StoreError)) return { name: c.name, handled: false, outcome: `not a clear refusal: ${(error as Error).stack ?? error}` };
    const codes = 'refused' in c.expect ? c.expect.refused : 'refusedOrWhole' in c.expect ? c.expect.refusedOrWhole : [];
    if (!codes.includes(error.code)) return { name: c.name, handled: false, outcome: `refused as ${error.code} (expected ${codes.join(' or ')}): ${error.message}` };
    if (snapshot(file) !== before) return { name: c.name, handled: false, outcome: `refused (${error.code}) but the file or its neighbours changed` };
    return { name: c.name, handled: true, outcome: `${error.code}: ${error.message}` };
  }
}

/** A read-only file, for real: as another user when this is root (root writes any file), else by its mode. */
function readOnlyCase(dir: string, base: string): BadDbResult {
  const name = 'a read-only file (opened by a user who cannot write it)';
  const folder = join(dir, 'readonly');
  mkdirSync(folder, { recursive: true });
  const file = join(folder, 'zan.sqlite');
  copyFileSync(base, file);
  const before = snapshot(file);
  let reply: { opened?: true; code?: string; message?: string; crash?: string };
  if (process.getuid?.() === 0) {
    // The other user must reach the folder (a temporary folder is made for its owner only).
    chmodSync(dir, 0o755);
    chmodSync(folder, 0o755);
    chmodSync(file, 0o644);
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'open-child.ts'), file], { uid: 65534, gid: 65534, encoding: 'utf8', env: { ...process.env, HOME: '/tmp' } });
    try {
      reply = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '');
    } catch {
      return { name, handled: false, outcome: `the other user's open did not answer: ${run.stderr.slice(-500)}` };
    }
  } else {
    chmodSync(file, 0o444);
    chmodSync(folder, 0o555);
    try {
      openDatabase(file).close();
      reply = { opened: true };
    } catch (error) {
      reply = error instanceof StoreError ? { code: error.code, message: error.message } : { crash: String(error) };
    } finally {
      chmodSync(folder, 0o755);
    }
  }
  const same = snapshot(file) === before;
  chmodSync(file, 0o644);
  if (reply.code === 'READ_ONLY' && same) return { name, handled: true, outcome: `READ_ONLY: ${reply.message}` };
  return { name, handled: false, outcome: reply.opened ? 'it was opened' : `${reply.code ?? 'crash'}: ${reply.message ?? reply.crash}${same ? '' : ' (and the file changed)'}` };
}

/**
 * A full disk: on a small tmpfs where this machine lets us mount one, else by SQLite's own limit on
 * the file's size (the same SQLITE_FULL). Saves are made until one is refused: it must be refused as
 * DISK_FULL, and afterwards the database is whole, the last save acknowledged is in it, and the
 * save goes through once there is room again.
 */
async function fullDiskCase(dir: string, base: string): Promise<BadDbResult> {
  const folder = join(dir, 'full');
  mkdirSync(folder, { recursive: true });
  const size = statSync(base).size;
  const mounted = process.getuid?.() === 0 && spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size + 96 * 1024}`, 'tmpfs', folder]).status === 0;
  const name = `a full disk (${mounted ? 'a small tmpfs' : "SQLite's max_page_count"})`;
  try {
    const file = join(folder, 'zan.sqlite');
    copyFileSync(base, file);
    let app;
    try {
      app = openApp(file);
    } catch (error) {
      // Full before anything could be opened: a clear refusal is what is asked.
      return error instanceof StoreError && error.code === 'DISK_FULL' ? { name, handled: true, outcome: `DISK_FULL at opening: ${error.message}` } : { name, handled: false, outcome: `opening: ${(error as Error).message}` };
    }
    try {
      const { ctx, dispatch } = app;
      if (!mounted) connectionOf(ctx.store).pragma(`max_page_count = ${(connectionOf(ctx.store).pragma('page_count', { simple: true }) as number) + 24}`);
      const draft = connectionOf(ctx.store).prepare("SELECT id, revision FROM version WHERE status = 'draft' LIMIT 1").get() as { id: string; revision: number };
      const rows = ctx.store.provisions.load(draft.id).filter((r) => r.kind === 'paragraph');
      let revision = draft.revision;
      let acknowledged: { uid: string; text: string } | null = null;
      let refusal: { code: string; message: string } | null = null;
      for (let i = 0; i < 400 && !refusal; i++) {
        const row = rows[i % rows.length]!;
        const text = `${row.text} ${'Дополнение для заполнения диска. '.repeat(120)}${i}`;
        const reply = await dispatch('zan:saveDraft', { versionId: draft.id, revision, upserts: [{ ...row, text }], deletes: [] }, FROM_APP);
        if (reply.ok) {
          revision = (reply.value as { revision: number }).revision;
          acknowledged = { uid: row.uid, text };
        } else refusal = reply.error;
      }
      if (!refusal) return { name, handled: false, outcome: 'the disk never filled' };
      if (refusal.code !== 'DISK_FULL') return { name, handled: false, outcome: `refused as ${refusal.code}: ${refusal.message}` };
      const integrity = connectionOf(ctx.store).pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') return { name, handled: false, outcome: `damaged after the refusal: ${String(integrity)}` };
      if (acknowledged && ctx.store.provisions.load(draft.id).find((r) => r.uid === acknowledged.uid)?.text !== acknowledged.text) return { name, handled: false, outcome: 'the last acknowledged save is not in the database' };
      return { name, handled: true, outcome: `DISK_FULL: ${refusal.message}` };
    } finally {
      app.close();
    }
  } finally {
    if (mounted) spawnSync('umount', [folder]);
  }
}

/** Runs the whole catalogue on copies of a real database of the app; every case must be handled. */
export async function badDatabases(options: { dir: string; seed: number }): Promise<BadDbResult[]> {
  const base = join(options.dir, 'base.sqlite');
  const app = openApp(base);
  const lib = app.ctx.store.versions.listInForce()[0]!;
  const created = await app.dispatch('zan:createPackage', { title: 'Образец', baseVersionIds: [lib.id] }, FROM_APP);
  if (!created.ok) throw new Error(created.error.message);
  app.close();
  const results = catalogue(base, options.seed).map((c) => runCase(options.dir, base, c));
  results.push(readOnlyCase(options.dir, base));
  results.push(await fullDiskCase(options.dir, base));
  return results;
}
