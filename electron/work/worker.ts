// The worker thread's entry: opens the database (read-only, or for the writer thread a writing
// connection) and runs the tasks the main process sends (electron/work/tasks.ts), one at a time,
// reporting progress and honouring a cancel flag.
import { parentPort, workerData } from 'node:worker_threads';
import { knownReplyError } from '../ipc/known-errors';
import { canWrite, createServiceContext, type ReadContext, type ServiceContext } from '../services/context';
import { CancelledError, type Progress } from '../services/progress';
import { openReader, openWriter } from '../store/database';
import { createReadStore, createStore } from '../store/store';
import { hmacSigner } from '../services/audit/signer';
import { percentOf, type MainMessage, type RunMessage, type WorkerMessage, type WorkerSetup } from './messages';
import { TASKS, type TaskName } from './tasks';

const port = parentPort;
if (!port) throw new Error('electron/work/worker.ts runs as a worker thread only.');
const post = (message: WorkerMessage) => port.postMessage(message);

let ctx: ReadContext | null = null;
try {
  const setup = workerData as WorkerSetup;
  const options = setup.nativeBinding ? { nativeBinding: setup.nativeBinding } : {};
  // The writer thread's store writes; a reading thread's has no method that does (and a read-only connection).
  const store = setup.writes ? createStore(openWriter(setup.databaseFile, options)) : createReadStore(openReader(setup.databaseFile, options));
  // The audit keys: the writer thread signs the entries of what it saves with the install's (the
  // first); a reading thread checks the log with them (tasks.ts verifyAudit) and signs nothing.
  const [signer, ...verifyKeys] = (setup.auditKeys ?? []).map((hex) => hmacSigner(Buffer.from(hex, 'hex')));
  ctx = { ...createServiceContext(store), log: (m) => console.warn(`[zan worker] ${m}`), ...(signer ? { signer, verifyKeys } : {}) };
  post({ type: 'ready' });
} catch (error) {
  post({ type: 'fatal', message: (error as Error).message });
}

/** Progress that posts when the whole percent or the label changes (not every step), and stops the task once the flag is set. */
function progressOf(message: RunMessage): Progress {
  let last = -1;
  let lastLabel: string | undefined;
  return (done, total, label) => {
    if (Atomics.load(message.cancel, 0) === 1) throw new CancelledError();
    const percent = percentOf(done, total);
    if (percent === last && label === lastLabel) return;
    last = percent;
    lastLabel = label;
    post({ type: 'progress', id: message.id, done, total, ...(label ? { label } : {}) });
  };
}

/**
 * Runs a task: a read inside one read transaction, so that every read sees the same state of the
 * store; a write (the writer thread's) in the transactions of its own service.
 */
async function run(context: ReadContext, message: RunMessage): Promise<unknown> {
  const task = TASKS[message.task as TaskName];
  if (!task) throw new Error(`No task "${message.task}".`);
  if (task.lane === 'write') {
    // The writer thread makes the writes; a reading thread has no store to make them with.
    if (!canWrite(context)) throw new Error(`Task "${message.task}" writes: it runs on the writer thread only.`);
    return (task.run as (c: ServiceContext, i: unknown, p: Progress) => unknown)(context, message.input, progressOf(message));
  }
  const read = task.run as (c: ReadContext, i: unknown, p: Progress) => unknown;
  return context.store.readTransaction(async () => read(context, message.input, progressOf(message)));
}

/** The parts of the next task's big array, as they arrive (PartMessage), by job. */
const parts = new Map<number, unknown[][]>();

port.on('message', (received: MainMessage) => {
  if (received.type === 'part') {
    const got = parts.get(received.id) ?? [];
    got.push(received.items);
    parts.set(received.id, got);
    return;
  }
  // One job at a time: parts of any other job are of one cancelled or lost on the way.
  const got = parts.get(received.id) ?? [];
  parts.clear();
  const message: RunMessage = received.partsOf ? { ...received, input: { ...(received.input as object), [received.partsOf]: got.flat() } } : received;
  if (!ctx) return post({ type: 'failed', id: message.id, error: { code: 'INTERNAL', message: 'The worker thread has no database.' }, unexpected: true });
  run(ctx, message).then(
    // Written as JSON here, on this thread, when the value only goes on to the page (wire.ts).
    (value) => post(message.serialize ? { type: 'done', id: message.id, json: JSON.stringify(value) } : { type: 'done', id: message.id, value }),
    (error: unknown) => {
      const known = knownReplyError(error);
      post({ type: 'failed', id: message.id, error: known ?? { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) }, unexpected: !known, ...(error instanceof Error && error.stack ? { stack: error.stack } : {}) });
    },
  );
});
