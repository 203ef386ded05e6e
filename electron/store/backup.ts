import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { StoreError } from './errors';
import { inspectDatabase, neighbours, refusalReason } from './inspect';
import { connectionOf } from './connection';
import type { ReadStore } from './store';

/** How many backups are kept beside a database (the oldest go first). */
export const KEEP_BACKUPS = 10;

/** One backup of the database. */
export interface BackupInfo {
  name: string;
  path: string;
  /** When it was made (from its name, ISO). */
  at: string;
  bytes: number;
  /** Why: before an upgrade of the schema, the daily one, before a restore (the database it replaced). */
  reason: 'migration' | 'daily' | 'replaced';
}

/** The folder of a database's backups: `backups/` beside it. */
export function backupFolder(databaseFile: string): string {
  return join(dirname(databaseFile), 'backups');
}

const NAME = /^(.+)-(\d{8}T\d{6}Z)-(migration|daily|replaced)\.sqlite$/;

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

function backupPath(databaseFile: string, reason: BackupInfo['reason'], now: Date): string {
  const stem = basename(databaseFile).replace(/\.sqlite$/, '');
  let path = join(backupFolder(databaseFile), `${stem}-${stamp(now)}-${reason}.sqlite`);
  // Two in the same second (a test, a restore right after an upgrade): the second one waits its turn by name.
  for (let n = 1; existsSync(path); n++) path = join(backupFolder(databaseFile), `${stem}-${stamp(new Date(now.getTime() + n * 1000))}-${reason}.sqlite`);
  return path;
}

/** The backups of a database, newest first. */
export function listBackups(databaseFile: string): BackupInfo[] {
  const folder = backupFolder(databaseFile);
  if (!existsSync(folder)) return [];
  const stem = basename(databaseFile).replace(/\.sqlite$/, '');
  return readdirSync(folder)
    .map((name) => ({ name, m: NAME.exec(name) }))
    .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null && x.m[1] === stem)
    .map(({ name, m }) => {
      const s = m[2] as string;
      const at = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`;
      const path = join(folder, name);
      return { name, path, at, bytes: statSync(path).size, reason: m[3] as BackupInfo['reason'] };
    })
    .sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

/** Removes all but the newest `keep` backups. */
export function pruneBackups(databaseFile: string, keep = KEEP_BACKUPS): void {
  for (const old of listBackups(databaseFile).slice(keep)) rmSync(old.path, { force: true });
}

/**
 * A consistent copy of the open database before its schema is upgraded (`VACUUM INTO`: one
 * statement, synchronous, a whole database in one file), so that an upgrade that goes wrong, or a
 * build that has to be taken back, leaves the data as it was. Returns its path.
 */
export function backupBeforeMigration(db: Database.Database, databaseFile: string, now = new Date()): string {
  mkdirSync(backupFolder(databaseFile), { recursive: true });
  const path = backupPath(databaseFile, 'migration', now);
  db.prepare('VACUUM INTO ?').run(path);
  pruneBackups(databaseFile);
  return path;
}

/**
 * The daily backup, made while the app is open: SQLite's online backup in steps (better-sqlite3's
 * `backup()`), which leaves the main thread free between them. Made when the newest backup is a
 * day old or more (or there is none); returns its path, or null when none was due. `from`: the
 * app's store, or a connection (the tests).
 */
export async function dailyBackup(from: ReadStore | Database.Database, databaseFile: string, now = new Date()): Promise<string | null> {
  const db = from instanceof Database ? from : connectionOf(from);
  const newest = listBackups(databaseFile)[0];
  if (newest && now.getTime() - Date.parse(newest.at) < 24 * 3600 * 1000) return null;
  mkdirSync(backupFolder(databaseFile), { recursive: true });
  const path = backupPath(databaseFile, 'daily', now);
  const aside = `${path}.part`;
  await db.backup(aside);
  // Renamed once whole: a half-made backup never shows in the list.
  renameSync(aside, path);
  pruneBackups(databaseFile);
  return path;
}

/**
 * Puts a backup in place of the database (the app is not using it: at start, before opening, or
 * from the command line). The backup must itself be a whole Zan database of a version this build
 * reads. The database it replaces is not deleted: it goes into the backups as "replaced", with its
 * -wal beside it folded in by SQLite's own means only when it is opened again. Returns the path of
 * the replaced copy (null when there was no database).
 */
export function restoreBackup(databaseFile: string, backup: string, now = new Date()): string | null {
  const found = inspectDatabase(backup);
  const refused = found.kind === 'missing' ? 'there is no such file' : refusalReason(found);
  if (refused) throw new StoreError('DB_UNTRUSTED', `${backup} cannot be restored: ${refused}`);
  mkdirSync(backupFolder(databaseFile), { recursive: true });
  let replaced: string | null = null;
  if (existsSync(databaseFile)) {
    replaced = backupPath(databaseFile, 'replaced', now);
    renameSync(databaseFile, replaced);
    // Its -wal (what was not yet folded in) and its audit head go with it, under its new name.
    for (const beside of [...neighbours(databaseFile), `${databaseFile}.audit-head`]) if (existsSync(beside)) renameSync(beside, `${replaced}${beside.slice(databaseFile.length)}`);
  }
  const aside = `${databaseFile}.restoring`;
  copyFileSync(backup, aside);
  renameSync(aside, databaseFile);
  return replaced;
}
