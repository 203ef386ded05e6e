import { SerializedValue } from '../../shared/wire';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CodedError } from '../ipc/known-errors';
import type { ServiceContext } from '../services/context';
import { CancelledError, type Progress } from '../services/progress';
import { percentOf, type RunMessage, type WorkerMessage, type WorkerSetup } from './messages';
import { postInParts } from './parts';
import { TASKS, type Lane, type TaskInput, type TaskName, type TaskOutput } from './tasks';

/** How long a cancelled task may take to notice before its worker is stopped and replaced. */
const CANCEL_GRACE_MS = 2000;

/** What a caller may ask of one run. */
export interface RunOptions {
  /** An id the renderer chose, to ask for the run's progress and to cancel it (workProgress, cancelWork). */
  jobId?: string;
  onProgress?: Progress;
  /**
   * An array field of the input that may be big (a save's rows): sent to the worker thread a part
   * per turn before the task, so that copying it does not hold the main thread.
   */
  partsOf?: string;
}

/** How long closing waits for the writer thread's saves, running and queued (a 50,000-row save takes ~2 s). */
const WRITE_DRAIN_MS = 10_000;


/** Where a run stands, as the renderer's progress bar shows it. */
export interface JobProgress {
  jobId: string;
  state: 'queued' | 'running' | 'unknown';
  /** 0–100. */
  percent: number;
  label: string | null;
}

interface Job {
  id: number;
  jobId: string | null;
  task: TaskName;
  input: unknown;
  cancel: Int32Array;
  state: 'queued' | 'running';
  percent: number;
  label: string | null;
  onProgress: Progress | undefined;
  /** The result is wanted as JSON text (runForReply). */
  serialize: boolean;
  /** RunOptions.partsOf. */
  partsOf: string | undefined;
  resolve(value: unknown): void;
  reject(error: Error): void;
  grace?: NodeJS.Timeout;
}

/** One worker thread and the jobs waiting for it. */
interface LaneState {
  name: Lane;
  worker: Worker | null;
  running: Job | null;
  queue: Job[];
  /** Jobs wait while held (see hold). */
  held: boolean;
}

/** How the pool reaches the database: a file the worker threads open read-only, or none (run inline). */
export interface PoolOptions {
  ctx: ServiceContext;
  /** The database file; ':memory:' (tests) runs every task inline, in this thread. */
  databaseFile: string;
  nativeBinding?: string;
  /**
   * The built worker script (out/main/work-worker.js, beside the built main process). Without it the
   * pool runs from the TypeScript sources (tests, the e2e harness, the benchmarks): worker.ts through tsx.
   */
  workerScript?: string;
  log?(message: string, error?: unknown): void;
}

/**
 * Runs the long reads of the app (electron/work/tasks.ts) on worker threads, so that the main
 * process keeps answering every other call while a 2–3 MB code is read, compared or exported:
 * one thread for what views wait on and one for exports and imports, each running its jobs in
 * turn. A job can be watched (percent) and cancelled; a worker that does not stop when asked is
 * replaced. Without a database file, or if a worker cannot open it, tasks run inline.
 *
 * A third thread, the writer, has a writing connection of its own and makes the saves that
 * re-derive a draft (write-tasks.ts): a 50,000-row save or a code's first save holds it, not the
 * main process. SQLite lets one connection write at a time, and a connection that finds the other
 * writing waits for it (busy_timeout) with its thread stopped; so the main process's own writes go
 * through `exclusive`, which waits (without stopping the thread) until the writer has nothing to do
 * and keeps it from starting while they run.
 */
export class WorkPool {
  private readonly lanes: Record<Lane, LaneState> = {
    interactive: { name: 'interactive', worker: null, running: null, queue: [], held: false },
    background: { name: 'background', worker: null, running: null, queue: [], held: false },
    write: { name: 'write', worker: null, running: null, queue: [], held: false },
  };
  /** How many of the main process's own writes are under way (exclusive): the writer thread starts nothing meanwhile. */
  private mainWrites = 0;
  /** Called back when a job of the writer thread ends (exclusive waits on it). */
  private writeWaiters: (() => void)[] = [];
  private readonly byJobId = new Map<string, Job>();
  private next = 0;
  private inline: boolean;
  /** close() was called: no new job is taken; the writer finishes its saves. */
  private closing = false;
  private closed = false;

  private readonly started: Promise<void>[] = [];

  constructor(private readonly options: PoolOptions) {
    this.inline = options.databaseFile === ':memory:';
    // The threads start with the app, so that the first call does not wait for one to load.
    if (!this.inline) for (const lane of Object.values(this.lanes)) this.spawn(lane);
  }

  /** Resolves when every worker thread has opened the database (or has been given up for inline work). */
  ready(): Promise<void> {
    return Promise.all(this.started).then(() => undefined);
  }

  /** A pool that runs every task in this thread (tests of handlers over an in-memory store). */
  static inline(ctx: ServiceContext): WorkPool {
    return new WorkPool({ ctx, databaseFile: ':memory:' });
  }

  /** Runs a task and gives its result; rejects with CancelledError when cancelled, or the task's own error. */
  run<N extends TaskName>(task: N, input: TaskInput<N>, options: RunOptions = {}): Promise<TaskOutput<N>> {
    return this.enqueue(task, input, options, false) as Promise<TaskOutput<N>>;
  }

  /**
   * Runs a task whose result is the reply to the page and nothing else: a worker thread sends it
   * back as JSON text, which the main process hands on unread (shared/wire.ts), so that a big result
   * does not hold the main thread while it is rebuilt here. Inline, the value itself.
   */
  runForReply<N extends TaskName>(task: N, input: TaskInput<N>, options: RunOptions = {}): Promise<TaskOutput<N> | SerializedValue<TaskOutput<N>>> {
    return this.enqueue(task, input, options, true) as Promise<TaskOutput<N> | SerializedValue<TaskOutput<N>>>;
  }

  private enqueue<N extends TaskName>(task: N, input: TaskInput<N>, options: RunOptions, serialize: boolean): Promise<unknown> {
    if (this.closed || this.closing) return Promise.reject(new Error('The app is closing.'));
    if (options.jobId && this.byJobId.has(options.jobId)) return Promise.reject(new CodedError('INVALID_INPUT', `Job ${options.jobId} is already running.`, 'work.alreadyRunning', { jobId: options.jobId }));
    return new Promise<unknown>((resolve, reject) => {
      const job: Job = {
        id: ++this.next,
        jobId: options.jobId ?? null,
        task,
        input,
        cancel: new Int32Array(new SharedArrayBuffer(4)),
        state: 'queued',
        percent: 0,
        label: null,
        onProgress: options.onProgress,
        serialize,
        partsOf: options.partsOf,
        resolve,
        reject,
      };
      if (job.jobId) this.byJobId.set(job.jobId, job);
      if (this.inline) return void this.runInline(job);
      const lane = this.lanes[TASKS[task].lane];
      lane.queue.push(job);
      this.pump(lane);
    });
  }

  /**
   * Runs a write of the main process once the writer thread is idle (its running and queued jobs
   * done), and keeps it from starting another meanwhile: the two never wait on each other's lock.
   * `fn` starts in the same turn as the check that found the writer idle.
   */
  async exclusive<T>(fn: () => T | Promise<T>): Promise<T> {
    const writer = this.lanes.write;
    while (writer.running || writer.queue.length > 0) await new Promise<void>((ok) => this.writeWaiters.push(ok));
    this.mainWrites++;
    try {
      return await fn();
    } finally {
      this.mainWrites--;
      if (this.mainWrites === 0) this.pump(writer);
    }
  }

  /** The progress of the jobs asked about; a job that has ended (or never was) is 'unknown'. */
  progress(jobIds: readonly string[]): JobProgress[] {
    return jobIds.map((jobId) => {
      const job = this.byJobId.get(jobId);
      return job ? { jobId, state: job.state, percent: job.percent, label: job.label } : { jobId, state: 'unknown', percent: 0, label: null };
    });
  }

  /** Asks a job to stop; false when there is no such job (it has ended). */
  cancel(jobId: string): boolean {
    const job = this.byJobId.get(jobId);
    if (!job) return false;
    Atomics.store(job.cancel, 0, 1);
    const lane = this.laneOf(job);
    if (job.state === 'queued') {
      if (lane) lane.queue = lane.queue.filter((j) => j !== job);
      this.settle(job, () => job.reject(new CancelledError()));
      return true;
    }
    // A running task stops at its next step; one that does not is stopped with its worker.
    if (lane && !job.grace) {
      job.grace = setTimeout(() => {
        if (lane.running !== job) return;
        this.options.log?.(`task ${job.task} did not stop when cancelled; its worker is replaced`);
        const worker = lane.worker;
        lane.worker = null;
        lane.running = null;
        this.settle(job, () => job.reject(new CancelledError()));
        void worker?.terminate();
        this.pump(lane);
      }, CANCEL_GRACE_MS);
    }
    return true;
  }

  /**
   * Keeps a lane's next jobs waiting until the returned function is called: what the e2e tests use
   * to see a job queued, watched and cancelled without depending on how fast this machine is.
   */
  hold(lane: Lane): () => void {
    const state = this.lanes[lane];
    state.held = true;
    return () => {
      state.held = false;
      this.pump(state);
    };
  }

  /**
   * Stops the worker threads. The writer's saves, running or waiting, are made first (up to
   * `drainMs`): a save the page sent as the window closed is not lost. Reads still waiting fail.
   */
  async close(drainMs = WRITE_DRAIN_MS): Promise<void> {
    this.closing = true;
    const writer = this.lanes.write;
    const until = Date.now() + drainMs;
    while ((writer.running || writer.queue.length > 0) && writer.worker && Date.now() < until) {
      await new Promise<void>((ok) => {
        const timer = setTimeout(ok, Math.max(0, until - Date.now()));
        this.writeWaiters.push(() => (clearTimeout(timer), ok()));
      });
    }
    this.closed = true;
    for (const lane of Object.values(this.lanes)) {
      for (const job of [...lane.queue, ...(lane.running ? [lane.running] : [])]) this.settle(job, () => job.reject(new Error('The app is closing.')));
      lane.queue = [];
      lane.running = null;
      const worker = lane.worker;
      lane.worker = null;
      await worker?.terminate();
    }
  }

  /** The lane a job waits or runs in (null: it runs inline). */
  private laneOf(job: Job): LaneState | null {
    return Object.values(this.lanes).find((lane) => lane.running === job || lane.queue.includes(job)) ?? null;
  }

  private async runInline(job: Job): Promise<void> {
    job.state = 'running';
    try {
      // Like the worker, the task sees the cancel flag at each step.
      const progress: Progress = (done, total, label) => {
        if (isCancelled(job)) throw new CancelledError();
        this.onProgress(job, done, total, label);
      };
      const run = TASKS[job.task].run as (ctx: ServiceContext, input: unknown, progress: Progress) => unknown;
      const value = await run(this.options.ctx, job.input, progress);
      // A task that ends without another step after a cancel is still cancelled: nothing of it is kept.
      this.settle(job, () => (isCancelled(job) ? job.reject(new CancelledError()) : job.resolve(value)));
    } catch (error) {
      this.settle(job, () => job.reject(error as Error));
    }
  }

  private onProgress(job: Job, done: number, total: number, label: string | undefined): void {
    job.percent = percentOf(done, total);
    if (label !== undefined) job.label = label;
    job.onProgress?.(done, total, label);
  }

  /** Ends a job once: forgets it and calls back; those waiting for the writer to be idle look again. */
  private settle(job: Job, callback: () => void): void {
    if (job.grace) clearTimeout(job.grace);
    if (job.jobId && this.byJobId.get(job.jobId) === job) this.byJobId.delete(job.jobId);
    callback();
    if (TASKS[job.task].lane === 'write') {
      const waiters = this.writeWaiters;
      this.writeWaiters = [];
      for (const wake of waiters) wake();
    }
  }

  /** Starts the next job of a lane if its worker is free. */
  private pump(lane: LaneState): void {
    if (lane.running || lane.held || this.closed || (lane.name === 'write' && this.mainWrites > 0)) return;
    const job = lane.queue.shift();
    if (!job) return;
    if (this.inline) return void this.runInline(job);
    const worker = lane.worker ?? this.spawn(lane);
    lane.running = job;
    job.state = 'running';
    const message: RunMessage = { type: 'run', id: job.id, task: job.task, input: job.input, cancel: job.cancel, ...(job.serialize ? { serialize: true } : {}) };
    const big = job.partsOf ? (job.input as Record<string, unknown>)[job.partsOf] : undefined;
    if (!job.partsOf || !Array.isArray(big)) return void worker.postMessage(message);
    // Cancelled, lost or closing meanwhile: the rest is not sent (the worker drops what it got).
    void postInParts(worker, message, job.partsOf, big, () => lane.running === job && lane.worker === worker);
  }

  private spawn(lane: LaneState): Worker {
    const { signer, verifyKeys } = this.options.ctx;
    const keys = [...(signer ? [signer] : []), ...(verifyKeys ?? [])].map((k) => k.secret.toString('hex'));
    const setup: WorkerSetup = { databaseFile: this.options.databaseFile, ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}), ...(keys.length ? { auditKeys: keys } : {}), ...(lane.name === 'write' ? { writes: true } : {}) };
    const worker = startWorker(setup, this.options.workerScript);
    lane.worker = worker;
    this.started.push(
      new Promise<void>((ok) => {
        const done = (message?: WorkerMessage) => {
          if (!message || message.type === 'ready' || message.type === 'fatal') ok();
        };
        worker.on('message', done);
        worker.once('exit', () => done());
      }),
    );
    // A worker that never ends a job must not keep the app (or a test run) alive on its own.
    worker.unref();
    let ready = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') ready = true;
      this.receive(lane, worker, message);
    });
    // A worker lost before it was ready cannot start at all (a missing or broken script): as when it cannot open the database.
    const lost = (error: Error) => (ready ? this.lost(lane, worker, error) : this.unavailable(lane, worker, error.message));
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`The worker thread stopped (exit code ${code}).`)));
    return worker;
  }

  /** The worker threads cannot work here (a packaging or platform problem): the lane's jobs, and all later ones, run inline. */
  private unavailable(lane: LaneState, worker: Worker, reason: string): void {
    if (lane.worker !== worker) return;
    this.options.log?.(`worker thread unavailable, work runs in the main process: ${reason}`);
    this.inline = true;
    lane.worker = null;
    void worker.terminate();
    const retry = [...(lane.running ? [lane.running] : []), ...lane.queue];
    lane.running = null;
    lane.queue = [];
    for (const job of retry) void this.runInline(job);
  }

  private receive(lane: LaneState, worker: Worker, message: WorkerMessage): void {
    if (lane.worker !== worker) return;
    if (message.type === 'ready') return;
    if (message.type === 'fatal') return this.unavailable(lane, worker, message.message);
    const job = lane.running;
    if (!job || job.id !== message.id) return;
    if (message.type === 'progress') return this.onProgress(job, message.done, message.total, message.label);
    lane.running = null;
    if (message.type === 'done') this.settle(job, () => (isCancelled(job) ? job.reject(new CancelledError()) : job.resolve('json' in message ? new SerializedValue(message.json) : message.value)));
    else {
      if (message.unexpected) this.options.log?.(`Unexpected error in task ${job.task}`, message.stack ?? message.error.message);
      const error = message.error.code === 'CANCELLED' ? new CancelledError(message.error.message) : new CodedError(message.error.code, message.error.message, message.error.key, message.error.params);
      this.settle(job, () => job.reject(error));
    }
    this.pump(lane);
  }

  /** A worker crashed or exited: its job fails, the next job gets a new worker. */
  private lost(lane: LaneState, worker: Worker, error: Error): void {
    if (lane.worker !== worker) return;
    lane.worker = null;
    const job = lane.running;
    lane.running = null;
    if (job) this.settle(job, () => job.reject(isCancelled(job) ? new CancelledError() : error));
    if (!this.closed) this.pump(lane);
  }
}

/** Starts a worker thread on the built worker script, or on worker.ts through tsx's loader. */
function startWorker(setup: WorkerSetup, script: string | undefined): Worker {
  if (script) return new Worker(pathToFileURL(script), { workerData: setup });
  const source = new URL('./worker.ts', import.meta.url).href;
  const tsx = typeof import.meta.resolve === 'function' ? import.meta.resolve('tsx/esm/api') : 'tsx/esm/api';
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: setup });
}

/** Whether the user has asked a job to stop. */
function isCancelled(job: Job): boolean {
  return Atomics.load(job.cancel, 0) === 1;
}
