import { InstructionError } from '../../shared/instructions';
import { LawStructureError } from '../../shared/law';
import type { ErrorCode, MessageParams, ReplyError } from '../../shared/reply';
import { ImportError } from '../io/import/limits';
import { CancelledError } from '../services/progress';
import { StoreError } from '../store/errors';

/** An error that already carries its reply code (an error raised in the worker thread, rebuilt in the main process). */
export class CodedError extends Error {
  override readonly name = 'CodedError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly key?: string,
    readonly params?: MessageParams,
  ) {
    super(message);
  }
}

/** A reply error, with its message id and values when the error has them (an absent key stays absent). */
function reply(code: ErrorCode, message: string, key?: string, params?: MessageParams): ReplyError {
  return { code, message, ...(key ? { key } : {}), ...(params ? { params } : {}) };
}

/**
 * The message id of a refused import: one per limit, one per other reason. The reader's own words
 * (which entry, which line) stay in the English message; the file's name is enough to act on.
 */
function importKey(error: ImportError): string {
  if (error.kind === 'LIMIT') return error.limit ? `importRefused.${error.limit}` : 'importRefused.limit';
  return error.kind === 'ENCODING' ? 'importRefused.encoding' : error.kind === 'NOT_A_LAW' ? 'importRefused.notALaw' : 'importRefused.format';
}

/**
 * The storage errors a user can act on, by the code SQLite (better-sqlite3's SqliteError) or Node's
 * file system gives them: the disk is full, the file or its folder cannot be written, the database
 * is damaged. Each is its own reply code with a message in the user's language, never INTERNAL:
 * the edit that met it stays pending in the editor and is tried again (renderer/editor/autosave.ts).
 */
export function storageReplyError(error: unknown): ReplyError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const message = (error as Error).message;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return { code: 'DISK_FULL', message: `The disk is full: nothing was written (${message}). Free some space; your changes are kept and saved again.` };
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return { code: 'READ_ONLY', message: `The file cannot be written (${message}): it or its folder is read-only, or belongs to another user. Your changes are kept.` };
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return { code: 'DB_DAMAGED', message: `The database file is damaged (${message}). Restore a backup.` };
  return null;
}

/**
 * The reply for an error the app knows (it keeps its code and its own words), or null for an
 * unexpected one (INTERNAL, logged). The dispatcher and the worker thread read errors the same way.
 */
export function knownReplyError(error: unknown): ReplyError | null {
  if (error instanceof StoreError || error instanceof CodedError) return reply(error.code, error.message, error.key, error.params);
  if (error instanceof CancelledError) return { code: 'CANCELLED', message: error.message };
  if (error instanceof LawStructureError) return { code: 'INVALID_LAW', message: error.message };
  // An amending statement that cannot be read or carried out names the statement and why.
  if (error instanceof InstructionError) return { code: 'INVALID_INSTRUCTION', message: error.message };
  // A refused import says which file and which limit or rule, in its own words.
  if (error instanceof ImportError) return reply('INVALID_INPUT', error.message, importKey(error), { file: error.file, ...(error.limit ? { limit: error.limit } : {}) });
  return storageReplyError(error);
}
