import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { listBackups, restoreBackup, type BackupInfo } from '../store/backup';
import { StoreError } from '../store/errors';
import { headFileOf, readHead } from './audit/head';
import { NO_PACKAGE, record } from './audit/log';
import type { ServiceContext } from './context';

/** The backups the user can choose from, newest first (what the restore command lists). */
export function backupsOf(databaseFile: string): Omit<BackupInfo, 'path'>[] {
  return listBackups(databaseFile).map(({ path: _path, ...b }) => b);
}

/** The file that asks the next start to put a backup in place of the database before opening it. */
export function pendingRestoreFile(userData: string): string {
  return join(userData, 'restore-on-start.json');
}

/**
 * Asks for a backup to be restored at the next start (the database is open now, so it cannot be
 * swapped under the running app): the name must be one of the database's backups.
 */
export function requestRestore(userData: string, databaseFile: string, name: string): void {
  const backup = listBackups(databaseFile).find((b) => b.name === name);
  if (!backup) throw new StoreError('NOT_FOUND', `No backup ${name}.`, 'backup.notFound', { name });
  writeFileSync(pendingRestoreFile(userData), JSON.stringify({ backup: backup.path }) + '\n');
}

/** What a restore did: the backup put in place, and where the database it replaced went. */
export interface RestoreDone {
  from: string;
  replaced: string | null;
}

/**
 * At start, before the database is opened: puts in place the backup asked for (requestRestore),
 * once. Returns what was done, or null when nothing was asked.
 */
export function applyPendingRestore(userData: string, databaseFile: string): RestoreDone | null {
  const marker = pendingRestoreFile(userData);
  if (!existsSync(marker)) return null;
  let backup: string;
  try {
    backup = (JSON.parse(readFileSync(marker, 'utf8')) as { backup: string }).backup;
  } finally {
    // Asked once: a restore that fails is not tried again at every start.
    rmSync(marker, { force: true });
  }
  return { from: backup, replaced: restoreBackup(databaseFile, backup) };
}

/**
 * Logs a restore in the restored database's log (which did not see it): the backup's name, and
 * the database it replaced with the head its log had, so that the log's going back is on the
 * record and signed, not a truncation.
 */
export function recordRestore(ctx: ServiceContext, done: RestoreDone): void {
  const head = done.replaced ? readHead(headFileOf(done.replaced)) : { kind: 'missing' as const };
  record(ctx, NO_PACKAGE, null, 'restore-backup', { from: basename(done.from), replaced: done.replaced ? basename(done.replaced) : null, replacedHead: head.kind === 'head' ? { count: head.head.count, seq: head.head.seq, hash: head.head.hash } : null });
}
