/**
 * Errors of the store that the user must see as such: each carries a stable code that crosses
 * the IPC boundary unchanged.
 */
export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(
    readonly code: 'DB_TOO_NEW' | 'NOT_FOUND' | 'CONFLICT' | 'NOT_EDITABLE' | 'NOT_READY' | 'INVALID_INPUT',
    message: string,
  ) {
    super(message);
  }
}
