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
  | 'DB_UNTRUSTED'
  | 'DB_DAMAGED'
  | 'DISK_FULL'
  | 'READ_ONLY'
  | 'CANCELLED'
  | 'INTERNAL';

/**
 * The values a message is filled in with: numbers (a `count` also picks the plural form), strings,
 * and lists of strings (shown joined, e.g. the provisions that still lack a justification).
 */
export type MessageParams = Readonly<Record<string, string | number | readonly string[]>>;

/**
 * An error reply: its code and a message in English for logs and details. `key` (a stable message
 * id such as `readiness.notReady`) and `params` let the renderer say it in the interface language;
 * without them, or for a key it does not know, it shows the code's text with the English message.
 */
export interface ReplyError {
  code: ErrorCode;
  message: string;
  key?: string;
  params?: MessageParams;
}

/** The error a failed reply turns into on the renderer side, keeping its code, message id and values. */
export class ZanError extends Error {
  override readonly name = 'ZanError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly key?: string,
    readonly params?: MessageParams,
  ) {
    super(message);
  }
}

const MESSAGE_KEY = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/;

/** Whether a string is a message id: dotted camelCase words (`import.notPending`), at most 100 characters. */
export function isMessageKey(key: unknown): key is string {
  return typeof key === 'string' && key.length <= 100 && MESSAGE_KEY.test(key);
}

/**
 * The params of a reply if every value is a finite number, a string or a list of strings, else
 * undefined. The renderer interpolates them into its own strings, so nothing else is let through.
 */
export function messageParamsOf(params: unknown): MessageParams | undefined {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return undefined;
  const ok = Object.entries(params).every(
    ([name, value]) => /^[A-Za-z][A-Za-z0-9]*$/.test(name) && ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'))),
  );
  return ok ? (params as MessageParams) : undefined;
}

/**
 * A ZanError for the error of a reply. A key or params that are not well-formed are dropped
 * (the code and message still say what happened): they come from the other side of the bridge.
 */
export function zanError(error: ReplyError): ZanError {
  const params = messageParamsOf(error.params);
  return isMessageKey(error.key) ? new ZanError(error.code, error.message, error.key, params) : new ZanError(error.code, error.message);
}

/** Returns the value of a reply, or throws its error as a ZanError. */
export function unwrap<T>(reply: Reply<T>): T {
  if (reply.ok) return reply.value;
  throw zanError(reply.error);
}
