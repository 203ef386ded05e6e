import type { ReplyError } from '../../shared/reply';

/** What the worker thread is started with. */
export interface WorkerSetup {
  databaseFile: string;
  /** The better_sqlite3.node the main process loaded (Electron's ABI); Node's own build when absent. */
  nativeBinding?: string;
  /** The audit keys (hex) a check of the log uses: the install's first, then the others. */
  auditKeys?: string[];
  /** The writer thread: a writing connection, for the tasks of the 'write' lane (tasks.ts). */
  writes?: boolean;
}

/** Main → worker: run one task. `cancel[0]` becomes 1 when the user cancels. */
export interface RunMessage {
  type: 'run';
  id: number;
  task: string;
  input: unknown;
  cancel: Int32Array;
  /** Send the result back as JSON text (a value the main process hands on to the page unread: shared/wire.ts). */
  serialize?: boolean;
  /** The input's array field sent ahead in parts (PartMessage), to be put back before the task runs. */
  partsOf?: string;
}

/**
 * Main → worker: some items of a big array of the next task's input, sent one part per turn of
 * the main process before the task itself (a 50,000-row save copied in one message would hold
 * the main thread for tens of milliseconds).
 */
export interface PartMessage {
  type: 'part';
  id: number;
  items: unknown[];
}

/** What the main process sends a worker. */
export type MainMessage = RunMessage | PartMessage;

/** Worker → main: how far a task has got, a result, a failure, or that the worker cannot work at all. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'progress'; id: number; done: number; total: number; label?: string }
  | { type: 'done'; id: number; value: unknown }
  | { type: 'done'; id: number; json: string }
  | { type: 'failed'; id: number; error: ReplyError; unexpected: boolean; stack?: string }
  | { type: 'fatal'; message: string };

/** A whole percent of work done, 0–100. */
export function percentOf(done: number, total: number): number {
  return total > 0 ? Math.max(0, Math.min(100, Math.floor((100 * done) / total))) : 0;
}
