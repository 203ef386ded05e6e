import Database from 'better-sqlite3';
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { LATEST_VERSION } from './migrations';
import { storageError, StoreError } from './errors';
import { APPLICATION_ID, inspectDatabase, readUntouched, refusalReason } from './inspect';
import { schemaDifference } from './schema-check';
import { migrate, tooNew } from './migrate';
import { backupBeforeMigration } from './backup';
import { readableHandle, writableHandle, type ReadableDB, type WritableDB } from './handles';

/** Options for opening the store. */
export interface OpenOptions {
  /** Path of a better_sqlite3.node built for the running ABI (Electron); Node's own build otherwise. */
  nativeBinding?: string;
}

/**
 * Opens (creating if needed) the workbench database and brings it to the latest schema.
 * A file that is not a Zan database (another program's, not SQLite, empty), whose schema is not
 * the one its version's migrations make, that is damaged, that this user cannot write, or that is
 * from a newer version is refused before anything is written to it or beside it (DB_UNTRUSTED,
 * DB_DAMAGED, READ_ONLY, DB_TOO_NEW), with the reason in words.
 * Pragmas: WAL for readers beside the writer, foreign keys enforced, synchronous=FULL so a
 * committed save survives a power cut.
 */
export function openDatabase(file: string, options: OpenOptions = {}): WritableDB {
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
    // A file this user cannot write (read-only, another user's, a read-only share) is said so now,
    // not found out at the first save.
    if (!writable(file)) throw new StoreError('READ_ONLY', 'The database file cannot be written (it is read-only or belongs to another user). It has not been opened or changed.');
    // Whole (SQLite's integrity check), with its tables, columns, indexes and triggers
    // as its version's migrations make them, read-only: a truncated file or a dropped table would
    // otherwise surface only as every autosave failing.
    let damage: string | null;
    let difference: string | null = null;
    try {
      ({ damage, difference } = lookWithoutWriting(file, (db) => {
        const found = damageOf(db);
        return { damage: found, difference: found ? null : schemaDifference(db, options) };
      }, options));
    } catch (error) {
      // A file that cannot even be read as SQLite is damaged; a storage error is said as such.
      const storage = storageError(error);
      if (storage && storage.code !== 'DB_DAMAGED') throw storage;
      damage = (error as Error).message;
    }
    if (damage) throw new StoreError('DB_DAMAGED', `The database file is damaged (${damage}). It has not been opened or changed; restore a backup.`);
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
    // A copy before the schema is upgraded (backup.ts), so that the data as it was can come back.
    if (!fresh && file !== ':memory:' && (db.pragma('user_version', { simple: true }) as number) < LATEST_VERSION) backupBeforeMigration(db, file);
    migrate(db);
    // After the migrations too: what they made must be the schema this build expects.
    const difference = fresh ? null : schemaDifference(db, options);
    if (difference) throw new StoreError('DB_UNTRUSTED', `After its upgrade, its schema is not the one Zan Workbench writes: ${difference}.`);
    return writableHandle(db);
  } catch (error) {
    db.close();
    // A disk that filled up or a file that turned out read-only while it was opened: said as such.
    throw storageError(error) ?? error;
  }
}

/**
 * Reads a database that may have to be refused, leaving it and its neighbours as they were. On a
 * connection opened for writing but made query-only: SQLite's integrity check skips the CHECK
 * constraints on a read-only connection, and bytes changed inside a row often break only those.
 * Such a connection writes nothing; the -wal and -shm it makes are removed when it closes, as the
 * last connection. Where a -wal is already there (a crash left it, or another process has the
 * database open), it is read by a read-only connection instead, so that the WAL is not folded into
 * the file by a close here.
 */
function lookWithoutWriting<T>(file: string, read: (db: Database.Database) => T, options: OpenOptions): T {
  if (existsSync(`${file}-wal`)) return readUntouched(file, read, options);
  const db = new Database(file, { fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  try {
    db.pragma('query_only = ON');
    return read(db);
  } finally {
    db.close();
  }
}

/**
 * What SQLite's integrity check finds wrong with a database (its first complaint), or null when it
 * is whole. The full check, not the quick one: bytes changed inside a row can leave every page
 * well-formed and still break a CHECK constraint, which only the full check reads.
 */
function damageOf(db: Database.Database): string | null {
  try {
    const found = db.pragma('integrity_check(1)', { simple: true }) as string;
    return found === 'ok' ? null : found;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Whether this process may write the file and create the files SQLite keeps beside it. */
function writable(file: string): boolean {
  try {
    accessSync(file, constants.W_OK);
    accessSync(dirname(file), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Opens a second, read-only connection to a database the main process has opened and migrated
 * (the worker thread's: it reads beside the writer, which WAL allows). Refuses a file at another
 * schema version rather than read it wrongly.
 */
export function openReader(file: string, options: OpenOptions = {}): ReadableDB {
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const db = new Database(file, { ...binding, readonly: true, fileMustExist: true });
  try {
    const found = db.pragma('user_version', { simple: true }) as number;
    if (found !== LATEST_VERSION) throw new Error(`The database is at schema version ${found}, not ${LATEST_VERSION}.`);
    db.pragma('busy_timeout = 5000');
    return readableHandle(db);
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Opens a second writing connection to a database the main process has opened, checked and
 * migrated (the writer thread's: electron/work/worker.ts, for the saves that would hold the main
 * thread). Nothing is migrated or seeded here; a file that is not Zan's at this build's schema
 * version is refused. The same pragmas as the main connection, so a save means the same here.
 */
export function openWriter(file: string, options: OpenOptions = {}): WritableDB {
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const db = new Database(file, { ...binding, fileMustExist: true });
  try {
    const application = db.pragma('application_id', { simple: true }) as number;
    const found = db.pragma('user_version', { simple: true }) as number;
    if (application !== APPLICATION_ID || found !== LATEST_VERSION) throw new Error(`The database is not Zan's at schema version ${LATEST_VERSION} (application ${application}, version ${found}).`);
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.pragma('recursive_triggers = ON');
    return writableHandle(db);
  } catch (error) {
    db.close();
    throw error;
  }
}
