import type { MessageParams } from '../../shared/reply';

/**
 * Errors of the store that the user must see as such: each carries a stable code that crosses
 * the IPC boundary unchanged. `message` stays English (the CLI and the logs print it); `key` and
 * `params` let the interface say the same in its own language (`messages.<key>` in the catalogue).
 */
export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(
    readonly code: 'DB_TOO_NEW' | 'DB_UNTRUSTED' | 'DB_DAMAGED' | 'DISK_FULL' | 'READ_ONLY' | 'NOT_FOUND' | 'CONFLICT' | 'NOT_EDITABLE' | 'NOT_READY' | 'INVALID_INPUT',
    message: string,
    readonly key?: string,
    readonly params?: MessageParams,
  ) {
    super(message);
  }
}

/**
 * The storage errors a user can act on, as StoreErrors, by the code SQLite (better-sqlite3's
 * SqliteError) or Node's file system gives them: the disk is full, the file or its folder cannot be
 * written, the database is damaged; null for any other error. Each reaches the user as its own code
 * with a message in their language, never as INTERNAL (electron/ipc/known-errors.ts).
 */
export function storageError(error: unknown): StoreError | null {
  if (error instanceof StoreError) return null;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const message = (error as Error).message;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return new StoreError('DISK_FULL', `The disk is full: nothing was written (${message}). Free some space; your changes are kept and saved again.`);
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return new StoreError('READ_ONLY', `The file cannot be written (${message}): it or its folder is read-only, or belongs to another user. Your changes are kept.`);
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return new StoreError('DB_DAMAGED', `The database file is damaged (${message}). Restore a backup.`);
  return null;
}
