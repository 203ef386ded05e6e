import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, type CliIO } from '../../../electron/cli/run';
import { openDatabase } from '../../../electron/store/database';
import { StoreError } from '../../../electron/store/errors';
import { APPLICATION_ID, inspectDatabase, neighbours } from '../../../electron/store/inspect';
import { LATEST_VERSION, MIGRATIONS } from '../../../electron/store/migrations';
import { migrate } from '../../../electron/store/migrate';
import { tempDir } from '../harness';

/**
 * Issue 16, the database that refuses what it cannot trust (first step): each defect measured from
 * outside, as a regression case — a refused file and what lies beside it stay byte for byte.
 */
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** Another program's SQLite database: a table of its own, maybe its own application id, in WAL mode as many are. */
function otherApp(file: string, appId = 0): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('Acme')");
  if (appId) db.pragma(`application_id = ${appId}`);
  db.close();
}

function refusal(file: string): StoreError {
  try {
    openDatabase(file).close();
  } catch (error) {
    return error as StoreError;
  }
  throw new Error(`${file} was opened`);
}

const snapshot = (file: string) => ({ bytes: existsSync(file) ? readFileSync(file) : null, beside: neighbours(file).filter((f) => existsSync(f)) });

describe('opening refuses a file it cannot trust, and leaves it and its neighbours as they were', () => {
  it.each([
    ['a zero-byte file (regression: taken for a first start)', (f: string) => writeFileSync(f, ''), 'DB_UNTRUSTED', /empty/],
    ["another program's SQLite file (regression: it got Zan's tables and the sample data)", (f: string) => otherApp(f), 'DB_UNTRUSTED', /another program/],
    ["another program's SQLite file with its own application id", (f: string) => otherApp(f, 0x12345678), 'DB_UNTRUSTED', /another program/],
    ['a file that is not SQLite', (f: string) => writeFileSync(f, 'Статья 1. Это текст, а не база данных.\n'.repeat(20)), 'DB_UNTRUSTED', /not an SQLite database/],
    ['a database of a newer version (regression: empty -wal and -shm were left beside it)', (f: string) => {
      const db = new Database(f);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma('journal_mode = WAL');
      db.exec('CREATE TABLE later (x INTEGER)');
      db.pragma(`user_version = ${LATEST_VERSION + 1}`);
      db.close();
    }, 'DB_TOO_NEW', /newer version/],
  ] as const)('%s', (_name, make, code, message) => {
    const file = join(dir, 'zan.sqlite');
    make(file);
    const before = snapshot(file);
    const error = refusal(file);
    expect(error).toBeInstanceOf(StoreError);
    expect([error.code, error.message]).toEqual([code, expect.stringMatching(message)]);
    expect(snapshot(file)).toEqual(before);
  });
});

/** A database the app made, closed, then changed by hand with a SQLite shell. */
function alteredByHand(file: string, sql: string): void {
  openDatabase(file).close();
  const db = new Database(file);
  db.exec(sql);
  db.close();
}

describe("a database whose schema is not the one its version's migrations make is refused, untouched", () => {
  it.each([
    ['a table dropped (regression: it opened, and every autosave failed with INTERNAL no such table)', 'DROP TABLE amendment', /the table amendment is missing/],
    ['a trigger of the audit log dropped', 'DROP TRIGGER audit_log_no_update', /the trigger audit_log_no_update is missing/],
    ['an index dropped', 'DROP INDEX comment_by_amendment', /the index comment_by_amendment is missing/],
    ['a column added', "ALTER TABLE comment ADD COLUMN extra TEXT NOT NULL DEFAULT ''", /the table comment is not as this version makes it/],
    ['a table of its own added', 'CREATE TABLE notes (x TEXT)', /the table notes is not one of Zan Workbench's/],
    ['a trigger added', "CREATE TRIGGER sneaky AFTER INSERT ON comment BEGIN SELECT 1; END", /the trigger sneaky is not one of Zan Workbench's/],
  ])('%s', (_name, sql, reason) => {
    const file = join(dir, 'zan.sqlite');
    alteredByHand(file, sql);
    const before = snapshot(file);
    const error = refusal(file);
    expect([error.code, error.message]).toEqual(['DB_UNTRUSTED', expect.stringMatching(reason)]);
    expect(snapshot(file)).toEqual(before);
  });

  it('a row whose bytes were changed so that it breaks a CHECK constraint (regression: the read-only check passed it, found by npm run reliability)', () => {
    const file = join(dir, 'zan.sqlite');
    openDatabase(file).close();
    const db = new Database(file);
    db.exec("INSERT INTO work (id, slug, kind, date, number, illustrative, modeled_on) VALUES ('w1', 'w1', 'law', NULL, NULL, 0, NULL); INSERT INTO expression (id, work_id, lang, title) VALUES ('e1', 'w1', 'ru', 'Закон'); INSERT INTO version (id, expression_id, status, in_force_from, package_id, base_version_id, revision, created_at, updated_at) VALUES ('v1', 'e1', 'in_force', NULL, NULL, NULL, 0, 't', 't')");
    db.exec("INSERT INTO provision (version_id, uid, parent_uid, ord, kind, num, heading, text, repealed, notes) VALUES ('v1', 'u1', NULL, 0, 'article', '1', '', 'Текст.', 0, '[]')");
    // What random bytes inside the row can do: a kind no law has.
    db.pragma('ignore_check_constraints = ON');
    db.exec("UPDATE provision SET kind = 'xrticle' WHERE uid = 'u1'");
    db.close();
    const before = snapshot(file);
    const error = refusal(file);
    expect([error.code, error.message]).toEqual(['DB_DAMAGED', expect.stringMatching(/CHECK constraint failed in provision/)]);
    expect(snapshot(file)).toEqual(before);
  });

  it('a database the app made opens again (the check is not confused by its own upgrades)', () => {
    const file = join(dir, 'old.sqlite');
    const old = new Database(file);
    migrate(old, MIGRATIONS.slice(0, 3));
    old.close();
    openDatabase(file).close();
    openDatabase(file).close();
  });
});

describe('a Zan database is known by its application id', () => {
  it('is set when the app creates the file, and opening it again is fine', () => {
    const file = join(dir, 'zan.sqlite');
    openDatabase(file).close();
    expect(inspectDatabase(file)).toEqual({ kind: 'zan', version: LATEST_VERSION, legacy: false });
    const db = openDatabase(file);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
  });

  it('a database of an earlier build (no application id, Zan tables) is opened, upgraded and given it', () => {
    const file = join(dir, 'old.sqlite');
    const old = new Database(file);
    migrate(old, MIGRATIONS.slice(0, 4));
    old.close();
    expect(inspectDatabase(file)).toEqual({ kind: 'zan', version: 4, legacy: true });
    const db = openDatabase(file);
    expect([db.pragma('application_id', { simple: true }), db.pragma('user_version', { simple: true })]).toEqual([APPLICATION_ID, LATEST_VERSION]);
    db.close();
  });
});

describe('the audit log takes appends only', () => {
  it('"INSERT OR REPLACE" over an entry is refused (regression: REPLACE went past the delete trigger)', () => {
    const db = openDatabase(join(dir, 'zan.sqlite'));
    const insert = "INSERT INTO audit_log (seq, at, actor, role, package_id, uid, action, detail, prev_hash, hash) VALUES (1, 't', 'a', 'r', 'p', NULL, 'x', '{}', 'h0', ?)";
    db.prepare(insert).run('h1');
    expect(() => db.prepare(insert.replace('INSERT INTO', 'INSERT OR REPLACE INTO')).run('forged')).toThrow(/append-only/);
    expect(db.prepare('SELECT hash FROM audit_log').all()).toEqual([{ hash: 'h1' }]);
    db.close();
  });
});

describe('zan audit-check never writes to what it checks', () => {
  const check = (file: string) => {
    const lines: string[] = [];
    const io: CliIO = { readFile: () => '', readBytes: () => new Uint8Array(), writeFile: () => undefined, out: (l) => void lines.push(l), err: (l) => void lines.push(l) };
    return { code: runCli(['audit-check', '--db', file], io) as number, said: lines.join('\n') };
  };

  it(`another program's database: exit 2 (cannot check), and it gets no tables (regression: it got 16 and "OK (0 entries)")`, () => {
    const file = join(dir, 'other.sqlite');
    otherApp(file);
    const before = snapshot(file);
    expect(check(file)).toEqual({ code: 2, said: expect.stringMatching(/cannot check: .*another program/) });
    expect(snapshot(file)).toEqual(before);
  });

  it.each([
    ['not a database (regression: a stack trace and exit 1)', (f: string) => writeFileSync(f, 'not a database'), /not an SQLite database/],
    ['a newer version (regression: a stack trace and exit 1)', (f: string) => {
      const db = new Database(f);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${LATEST_VERSION + 1}`);
      db.close();
    }, /newer version/],
    ['an empty file', (f: string) => writeFileSync(f, ''), /empty/],
  ] as const)('%s: exit 2 with why, the file as it was', (_name, make, why) => {
    const file = join(dir, 'zan.sqlite');
    make(file);
    const before = snapshot(file);
    expect(check(file)).toEqual({ code: 2, said: expect.stringMatching(why) });
    expect(snapshot(file)).toEqual(before);
  });

  it('a missing file: exit 2', () => {
    expect(check(join(dir, 'nowhere.sqlite')).code).toBe(2);
  });

  it('a Zan database whose chain holds: exit 0, its bytes and neighbours unchanged', () => {
    const file = join(dir, 'zan.sqlite');
    openDatabase(file).close();
    const before = snapshot(file);
    expect(check(file)).toEqual({ code: 0, said: expect.stringMatching(/audit log OK \(0 entries\)/) });
    expect(snapshot(file)).toEqual(before);
  });
});
