import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/store/database';
import { StoreError } from '../../../electron/store/errors';
import { APPLICATION_ID } from '../../../electron/store/inspect';
import { migrate } from '../../../electron/store/migrate';
import { LATEST_VERSION, MIGRATIONS } from '../../../electron/store/migrations';
import { tempDir } from '../harness';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('opening the store', () => {
  it('brings a fresh database to the latest schema with the required pragmas', () => {
    const db = openDatabase(join(dir, 'zan.sqlite'));
    expect(LATEST_VERSION).toBeGreaterThan(0);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(['amendment', 'amendment_annotation', 'amendment_derivation', 'amendment_gap', 'amendment_revision', 'audit_log', 'comment', 'expression', 'gap', 'package', 'parity_mark', 'provision', 'rebase_conflict', 'reversible_change', 'reversible_row', 'search_entry', 'search_state', 'search_text', 'search_text_config', 'search_text_data', 'search_text_docsize', 'search_text_idx', 'setting', 'snapshot', 'snapshot_provision', 'team_base', 'team_comment_out', 'team_decision', 'team_link', 'team_outbox', 'team_pulled', 'team_synced', 'version', 'work']);
    db.close();
  });

  it('opens an up-to-date database again without migrating', () => {
    openDatabase(join(dir, 'zan.sqlite')).close();
    const db = openDatabase(join(dir, 'zan.sqlite'));
    expect(migrate(db)).toEqual([]);
    db.close();
  });

  it('refuses a database from a newer version and leaves its bytes untouched', () => {
    const file = join(dir, 'future.sqlite');
    const future = new Database(file);
    // A newer Zan Workbench: its application id, a schema this one does not know.
    future.pragma(`application_id = ${APPLICATION_ID}`);
    future.exec('CREATE TABLE something_new (x INTEGER)');
    future.pragma(`user_version = ${LATEST_VERSION + 1}`);
    future.close();
    const before = readFileSync(file);
    let error: unknown;
    try {
      openDatabase(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('DB_TOO_NEW');
    expect((error as StoreError).message).toMatch(/newer version of Zan Workbench/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('upgrades a database of an older version and keeps its data', () => {
    const file = join(dir, 'old.sqlite');
    const old = new Database(file);
    migrate(old, MIGRATIONS.slice(0, 1));
    old.prepare("INSERT INTO work (id, slug, kind) VALUES ('w0000001', 'old-law', 'law')").run();
    old.close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT slug FROM work').all()).toEqual([{ slug: 'old-law' }]);
    db.close();
  });

  it('applies migrations all or nothing', () => {
    const db = new Database(join(dir, 'partial.sqlite'));
    const broken = [
      { version: 1, name: 'good', sql: 'CREATE TABLE a (x INTEGER);' },
      { version: 2, name: 'bad', sql: 'CREATE TABLE b (x INTEGER); THIS IS NOT SQL;' },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('a', 'b')").get()).toEqual({ n: 0 });
    db.close();
  });
});
