import { InstructionError } from '../../shared/instructions';
import { LawStructureError } from '../../shared/law';
import type { ErrorCode, ReplyError } from '../../shared/reply';
import { ImportError } from '../io/import/limits';
import { CancelledError } from '../services/progress';
import { StoreError } from '../store/errors';

/** An error that already carries its reply code (an error raised in the worker thread, rebuilt in the main process). */
export class CodedError extends Error {
  override readonly name = 'CodedError';

  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The reply for an error the app knows (it keeps its code and its own words), or null for an
 * unexpected one (INTERNAL, logged). The dispatcher and the worker thread read errors the same way.
 */
export function knownReplyError(error: unknown): ReplyError | null {
  if (error instanceof StoreError || error instanceof CodedError) return { code: error.code, message: error.message };
  if (error instanceof CancelledError) return { code: 'CANCELLED', message: error.message };
  if (error instanceof LawStructureError) return { code: 'INVALID_LAW', message: error.message };
  // An amending statement that cannot be read or carried out names the statement and why.
  if (error instanceof InstructionError) return { code: 'INVALID_INSTRUCTION', message: error.message };
  // A refused import says which file and which limit or rule, in its own words.
  if (error instanceof ImportError) return { code: 'INVALID_INPUT', message: error.message };
  return null;
}
