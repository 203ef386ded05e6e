/**
 * How long work tells how far it has got: `done` of `total` steps, and what it is doing (a file's
 * name) when that helps the user. The callback throws
 * `CancelledError` when the user has cancelled, so work stops at its next step (work that runs in
 * the worker thread checks a flag the main process sets; see electron/work/).
 */
export type Progress = (done: number, total: number, label?: string) => void;

/** Progress nobody watches (work run inline, tests). */
export const noProgress: Progress = () => {};

/** The error that stops cancelled work; the renderer shows "cancelled", not a failure. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';

  constructor(message = 'Cancelled.') {
    super(message);
  }
}
