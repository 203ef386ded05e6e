import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { LATEST_VERSION } from './migrations';
import { StoreError } from './errors';
import { APPLICATION_ID, inspectDatabase, readUntouched, refusalReason } from './inspect';
import { schemaDifference } from './schema-check';
import { migrate, tooNew } from './migrate';

/** Options for opening the store. */
export interface OpenOptions {
  /** Path of a better_sqlite3.node built for the running ABI (Electron); Node's own build otherwise. */
  nativeBinding?: string;
}

/**
 * Opens (creating if needed) the workbench database and brings it to the latest schema.
 * A file that is not a Zan database (another program's, not SQLite, empty) or is from a newer
 * version is refused before anything is written to it or beside it (DB_UNTRUSTED, DB_TOO_NEW).
 * Pragmas: WAL for readers beside the writer, foreign keys enforced, synchronous=FULL so a
 * committed save survives a power cut.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const fresh = file === ':memory:' || !existsSync(file);
  let legacy = false;
  if (!fresh) {
    // What the file is, found without writing to it or beside it (inspect.ts): a file that is not
    // ours, is empty, or is newer is refused as it was.
    const found = inspectDatabase(file, options);
    if (found.kind === 'newer') throw tooNew(found.version);
    const reason = refusalReason(found);
    // Said at start-up, before any window (main.ts shows it with the path): the English message is what is shown.
    if (reason) throw new StoreError('DB_UNTRUSTED', reason);
    legacy = found.kind === 'zan' && found.legacy;
    // Its tables, columns, indexes and triggers as its version's migrations make them (read-only):
    // a dropped table would otherwise surface only as every autosave failing.
    const difference = readUntouched(file, (db) => schemaDifference(db, options), options);
    if (difference) throw new StoreError('DB_UNTRUSTED', `Its schema is not the one Zan Workbench writes: ${difference}. It has not been opened or changed.`);
  }
  const db = new Database(file, binding);
  try {
    // Ours from the first byte (before WAL, so it is in the file itself): a later start, or
    // `zan audit-check`, tells it from another program's database by its header alone.
    if (fresh || legacy) db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    // REPLACE deletes the row it replaces without firing the delete triggers unless this is on:
    // the audit log's append-only triggers must stop "INSERT OR REPLACE" too.
    db.pragma('recursive_triggers = ON');
    migrate(db);
    // After the migrations too: what they made must be the schema this build expects.
    const difference = fresh ? null : schemaDifference(db, options);
    if (difference) throw new StoreError('DB_UNTRUSTED', `After its upgrade, its schema is not the one Zan Workbench writes: ${difference}.`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Opens a second, read-only connection to a database the main process has opened and migrated
 * (the worker thread's: it reads beside the writer, which WAL allows). Refuses a file at another
 * schema version rather than read it wrongly.
 */
export function openReader(file: string, options: OpenOptions = {}): Database.Database {
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const db = new Database(file, { ...binding, readonly: true, fileMustExist: true });
  try {
    const found = db.pragma('user_version', { simple: true }) as number;
    if (found !== LATEST_VERSION) throw new Error(`The database is at schema version ${found}, not ${LATEST_VERSION}.`);
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
