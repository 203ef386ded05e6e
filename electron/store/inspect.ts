import Database from 'better-sqlite3';
import { readableHandle, type ReadableDB } from './handles';
import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { LATEST_VERSION } from './migrations';

/**
 * What a database file is, found without changing it (issue 16): before the app migrates a file,
 * and for `zan audit-check`, which must never write to what it checks. The header is read from the
 * file itself (SQLite's first 100 bytes: its magic, `user_version` at 60, `application_id` at 68);
 * only a file that may be one of ours from before the application id is opened, read-only, to see
 * its tables — and what SQLite creates beside it meanwhile (`-wal`, `-shm`) is taken away again.
 */

/** Zan Workbench's `application_id` ("ZanW"), set when the app creates a database. */
export const APPLICATION_ID = 0x5a616e57;

/** What a file is. `legacy`: written by Zan before the application id (its tables are Zan's). */
export type DatabaseKind =
  | { kind: 'missing' }
  | { kind: 'empty' }
  | { kind: 'not-sqlite' }
  | { kind: 'other-app' }
  | { kind: 'zan'; version: number; legacy: boolean }
  | { kind: 'newer'; version: number };

/** The tables every Zan database has had since its first schema. */
const ZAN_TABLES = ['work', 'expression', 'version', 'provision', 'package'];

const MAGIC = 'SQLite format 3\u0000';

function header(file: string): Buffer | null {
  const fd = openSync(file, 'r');
  try {
    const bytes = Buffer.alloc(100);
    return readSync(fd, bytes, 0, 100, 0) === 100 ? bytes : null;
  } finally {
    closeSync(fd);
  }
}

/** The files SQLite keeps beside a database. */
export function neighbours(file: string): string[] {
  return [`${file}-wal`, `${file}-shm`, `${file}-journal`];
}

/**
 * Runs `read` on a read-only connection to the file and removes the neighbour files the connection
 * created (SQLite makes `-wal` and `-shm` for a database in WAL mode even to read it): the file and
 * what lies beside it stay as they were.
 */
export function readUntouched<T>(file: string, read: (db: ReadableDB) => T, options: { nativeBinding?: string } = {}): T {
  const before = new Set(neighbours(file).filter((f) => existsSync(f)));
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  try {
    return read(readableHandle(db));
  } finally {
    db.close();
    // Only what this connection made: an index of shared memory (-shm, rebuilt by whoever opens the
    // file next) and an empty log. A log with content would be someone else's writes: it stays.
    for (const f of neighbours(file)) if (!before.has(f) && existsSync(f) && (f.endsWith('-shm') || statSync(f).size === 0)) rmSync(f, { force: true });
  }
}

/** Whether a file is a Zan database this build can open, and if not, what it is. Never writes to it. */
export function inspectDatabase(file: string, options: { nativeBinding?: string } = {}): DatabaseKind {
  if (!existsSync(file)) return { kind: 'missing' };
  if (statSync(file).size === 0) return { kind: 'empty' };
  const head = header(file);
  if (!head || head.toString('latin1', 0, 16) !== MAGIC) return { kind: 'not-sqlite' };
  const version = head.readInt32BE(60);
  const appId = head.readUInt32BE(68);
  if (appId === APPLICATION_ID) return version > LATEST_VERSION ? { kind: 'newer', version } : { kind: 'zan', version, legacy: false };
  if (appId !== 0) return { kind: 'other-app' };
  // No application id: Zan's own from before it was set, or another program's.
  let tables: string[];
  try {
    tables = readUntouched(file, (db) => (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name), options);
  } catch {
    return { kind: 'not-sqlite' };
  }
  if (version < 1 || !ZAN_TABLES.every((t) => tables.includes(t))) return { kind: 'other-app' };
  return version > LATEST_VERSION ? { kind: 'newer', version } : { kind: 'zan', version, legacy: true };
}

/** Why a file is refused, in English (the CLI, the start-up dialog; the path is named beside it). */
export function refusalReason(kind: DatabaseKind): string | null {
  switch (kind.kind) {
    case 'empty':
      return 'The file is empty (0 bytes): it is not a workbench database, and the app does not take it for a new one. Move it away, or restore a backup, to start again.';
    case 'not-sqlite':
      return 'The file is not an SQLite database (or it is damaged): it has not been opened or changed.';
    case 'other-app':
      return 'The file is an SQLite database of another program, not of Zan Workbench: it has not been opened or changed.';
    case 'newer':
      return `This database was written by a newer version of Zan Workbench (schema ${kind.version}; this version reads up to ${LATEST_VERSION}). It has not been opened or changed. Update Zan Workbench to open it.`;
    default:
      return null;
  }
}
