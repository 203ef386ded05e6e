// The commands on a workbench database's backups: list them, put one in place of the database.
import { existsSync } from 'node:fs';
import { auditKeyFile, defaultDatabaseFile } from '../paths';
import { fileKey, hmacSigner } from '../services/audit/signer';
import { recordRestore } from '../services/backups';
import { createServiceContext } from '../services/context';
import { openDatabase } from '../store/database';
import { createStore } from '../store/store';
import { listBackups, restoreBackup } from '../store/backup';
import { StoreError } from '../store/errors';
import type { CliIO } from './io';

/** `zan backups [--db <file>]`: the database's backups, newest first (name, when, why, size). */
export function backupsCommand(db: string | undefined, io: CliIO): number {
  const file = db ?? defaultDatabaseFile();
  const backups = listBackups(file);
  if (backups.length === 0) {
    io.out(`${file}: no backups yet.`);
    return 0;
  }
  for (const b of backups) io.out(`${b.name}\t${b.at}\t${b.reason}\t${b.bytes} bytes`);
  return 0;
}

/**
 * `zan restore-backup [--db <file>] --from <backup>`: puts a backup (its name in `backups/`, or a
 * path) in place of the database. The app must be closed. The database it replaces is kept among
 * the backups as "replaced"; the restore is logged in the restored database's audit log (signed
 * with the key file beside the database, as the command line signs), with the head the replaced
 * log had, so that the log going back is on the record rather than a truncation.
 */
export function restoreBackupCommand(db: string | undefined, from: string | undefined, io: CliIO): number {
  const file = db ?? defaultDatabaseFile();
  if (!from) {
    io.err('restore-backup needs --from <backup>: a name that `zan backups` lists, or a path.');
    return 2;
  }
  const backup = listBackups(file).find((b) => b.name === from)?.path ?? (existsSync(from) ? from : null);
  if (!backup) {
    io.err(`${from}: no such backup of ${file} (see zan backups).`);
    return 2;
  }
  try {
    const replaced = restoreBackup(file, backup);
    const store = createStore(openDatabase(file, io.nativeBinding ? { nativeBinding: io.nativeBinding } : {}));
    try {
      recordRestore({ ...createServiceContext(store), signer: hmacSigner(fileKey(auditKeyFile(file))) }, { from: backup, replaced });
    } finally {
      store.close();
    }
    io.out(`${file}: restored from ${backup}.${replaced ? ` The database it replaced is kept as ${replaced}.` : ''}`);
    return 0;
  } catch (error) {
    if (error instanceof StoreError) {
      io.err(error.message);
      return 2;
    }
    throw error;
  }
}
