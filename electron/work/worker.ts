// The worker thread's entry: opens the database read-only and runs the tasks the main process
// sends (electron/work/tasks.ts), one at a time, reporting progress and honouring a cancel flag.
import { parentPort, workerData } from 'node:worker_threads';
import { knownReplyError } from '../ipc/known-errors';
import { createServiceContext, type ServiceContext } from '../services/context';
import { CancelledError, type Progress } from '../services/progress';
import { openReader } from '../store/database';
import { createStore } from '../store/store';
import { hmacSigner } from '../services/audit/signer';
import { percentOf, type RunMessage, type WorkerMessage, type WorkerSetup } from './messages';
import { TASKS, type TaskName } from './tasks';

const port = parentPort;
if (!port) throw new Error('electron/work/worker.ts runs as a worker thread only.');
const post = (message: WorkerMessage) => port.postMessage(message);

let ctx: ServiceContext | null = null;
try {
  const setup = workerData as WorkerSetup;
  const db = openReader(setup.databaseFile, setup.nativeBinding ? { nativeBinding: setup.nativeBinding } : {});
  // The audit keys, to check the log here (tasks.ts verifyAudit); this thread signs nothing (it writes nothing).
  const [signer, ...verifyKeys] = (setup.auditKeys ?? []).map((hex) => hmacSigner(Buffer.from(hex, 'hex')));
  ctx = { ...createServiceContext(createStore(db)), readOnly: true, log: (m) => console.warn(`[zan worker] ${m}`), ...(signer ? { signer, verifyKeys } : {}) };
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

/** Runs a task inside one read transaction: every read sees the same state of the store. */
async function run(context: ServiceContext, message: RunMessage): Promise<unknown> {
  const task = TASKS[message.task as TaskName];
  if (!task) throw new Error(`No task "${message.task}".`);
  const db = context.store.db;
  db.exec('BEGIN');
  try {
    return await (task.run as (c: ServiceContext, i: unknown, p: Progress) => unknown)(context, message.input, progressOf(message));
  } finally {
    // A read transaction: nothing to keep; ending it must not hide the task's own error.
    if (db.inTransaction) db.exec('ROLLBACK');
  }
}

port.on('message', (message: RunMessage) => {
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
