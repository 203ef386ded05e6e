import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { LATEST_VERSION } from './migrations';
import { migrate, tooNew } from './migrate';

/** Options for opening the store. */
export interface OpenOptions {
  /** Path of a better_sqlite3.node built for the running ABI (Electron); Node's own build otherwise. */
  nativeBinding?: string;
}

/**
 * Opens (creating if needed) the workbench database and brings it to the latest schema.
 * A database from a newer version is refused before anything is written: its schema version is
 * read through a read-only connection first, because switching to WAL would already change the file.
 * Pragmas: WAL for readers beside the writer, foreign keys enforced, synchronous=FULL so a
 * committed save survives a power cut.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  if (file !== ':memory:' && existsSync(file)) {
    const probe = new Database(file, { ...binding, readonly: true, fileMustExist: true });
    try {
      const found = probe.pragma('user_version', { simple: true }) as number;
      if (found > LATEST_VERSION) throw tooNew(found);
    } finally {
      probe.close();
    }
  }
  const db = new Database(file, binding);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    migrate(db);
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
