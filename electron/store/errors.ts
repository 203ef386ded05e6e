import type { MessageParams } from '../../shared/reply';

/**
 * Errors of the store that the user must see as such: each carries a stable code that crosses
 * the IPC boundary unchanged. `message` stays English (the CLI and the logs print it); `key` and
 * `params` let the interface say the same in its own language (`messages.<key>` in the catalogue).
 */
export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(
    readonly code: 'DB_TOO_NEW' | 'DB_UNTRUSTED' | 'NOT_FOUND' | 'CONFLICT' | 'NOT_EDITABLE' | 'NOT_READY' | 'INVALID_INPUT',
    message: string,
    readonly key?: string,
    readonly params?: MessageParams,
  ) {
    super(message);
  }
}
