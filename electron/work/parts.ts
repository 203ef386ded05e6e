import type { Worker } from 'node:worker_threads';
import type { PartMessage, RunMessage } from './messages';

/** Items of a big input array sent in one message (~4 ms to copy 5,000 provision rows). */
export const PART_ITEMS = 5000;

/**
 * Sends a run to a worker with its big array `field` a part per turn of the event loop, then the
 * run without it (the worker puts the parts back: worker.ts): a 50,000-row save copied in one
 * message would hold this thread for tens of milliseconds. A small array goes with the run.
 * `current` says whether the job still runs on that worker; when it stops being so, nothing more
 * is sent.
 */
export async function postInParts(worker: Worker, message: RunMessage, field: string, items: readonly unknown[], current: () => boolean): Promise<void> {
  if (items.length <= PART_ITEMS) return void worker.postMessage(message);
  for (let i = 0; i < items.length; i += PART_ITEMS) {
    if (!current()) return;
    const part: PartMessage = { type: 'part', id: message.id, items: items.slice(i, i + PART_ITEMS) };
    worker.postMessage(part);
    await new Promise((ok) => setImmediate(ok));
  }
  if (!current()) return;
  worker.postMessage({ ...message, input: { ...(message.input as object), [field]: [] }, partsOf: field });
}
