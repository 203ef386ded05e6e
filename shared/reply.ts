/**
 * What crosses the IPC boundary back to the renderer: a value or an error with a stable code,
 * never a thrown string (a thrown Error loses its code when Electron clones it).
 */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: ReplyError };

/** Stable error codes the renderer can act on and translate. */
export type ErrorCode =
  | 'INVALID_PAYLOAD'
  | 'UNKNOWN_CHANNEL'
  | 'FORBIDDEN_SENDER'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'NOT_EDITABLE'
  | 'INVALID_LAW'
  | 'NOT_READY'
  | 'INVALID_INPUT'
  | 'INVALID_INSTRUCTION'
  | 'DB_TOO_NEW'
  | 'CANCELLED'
  | 'INTERNAL';

/** An error reply: its code and a message in English for logs and details. */
export interface ReplyError {
  code: ErrorCode;
  message: string;
}

/** The error a failed reply turns into on the renderer side, keeping its code. */
export class ZanError extends Error {
  override readonly name = 'ZanError';

  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Returns the value of a reply, or throws its error as a ZanError. */
export function unwrap<T>(reply: Reply<T>): T {
  if (reply.ok) return reply.value;
  throw new ZanError(reply.error.code, reply.error.message);
}
