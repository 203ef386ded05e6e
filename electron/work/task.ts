import type { ReadContext, ServiceContext } from '../services/context';
import type { Progress } from '../services/progress';

/**
 * Which worker runs a task: views wait on 'interactive' tasks (opening a law, a comparison, the
 * documents), while 'background' tasks (exports, reading an imported file) may take seconds and must
 * not hold them up; 'write' tasks run on the writer thread, the only one besides the main process
 * with a writing connection (write-tasks.ts).
 */
export type Lane = 'interactive' | 'background' | 'write';

/**
 * A task: what it does and which lane it runs in. A read is given a ReadContext (a reading
 * thread's store has no method that writes); a write, the writer thread's ServiceContext. Inputs
 * and outputs cross threads by structured clone.
 */
export type Task<I, O> =
  | { lane: 'interactive' | 'background'; run(ctx: ReadContext, input: I, progress: Progress): O | Promise<O> }
  | { lane: 'write'; run(ctx: ServiceContext, input: I, progress: Progress): O | Promise<O> };

/** A read of a reading lane. */
export function readTask<I, O>(lane: 'interactive' | 'background', run: (ctx: ReadContext, input: I, progress: Progress) => O | Promise<O>): Task<I, O> & { lane: 'interactive' | 'background' } {
  return { lane, run };
}

/** A write of the writer thread. */
export function writeTask<I, O>(run: (ctx: ServiceContext, input: I, progress: Progress) => O | Promise<O>): Task<I, O> & { lane: 'write' } {
  return { lane: 'write', run };
}
