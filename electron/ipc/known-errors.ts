import { InstructionError } from '../../shared/instructions';
import { LawStructureError } from '../../shared/law';
import type { ErrorCode, MessageParams, ReplyError } from '../../shared/reply';
import { ImportError } from '../io/import/limits';
import { CancelledError } from '../services/progress';
import { storageError, StoreError } from '../store/errors';

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
  // A full disk, a read-only file, a damaged database: their own codes (store/errors.ts).
  const storage = storageError(error);
  return storage ? reply(storage.code, storage.message) : null;
}
