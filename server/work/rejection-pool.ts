import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RowChanges } from '../../shared/law';
import { TeamError, type TeamErrorCode } from '../team/errors';
import type { PreparedRejection } from '../team/rejection';

/** A rejection asked of the worker. */
export interface RejectionAsked {
  id: number;
  versionId: string;
  uid: string;
}

/** A refusal as it crosses from the worker (a TeamError's code, message and detail). */
interface RefusalSent {
  code: TeamErrorCode;
  message: string;
  detail?: Record<string, unknown>;
}

/** The worker's answer: the rejection worked out (a refusal in it as sent), or why it could not be. */
export type RejectionAnswered =
  | { id: number; prepared: Omit<PreparedRejection, 'outcome'> & { outcome: { changes: RowChanges } | { refusal: RefusalSent } } }
  | { id: number; failed: RefusalSent | { message: string } };

/**
 * One worker thread that works rejections out for the team service (server/team/rejection.ts
 * prepareRejection), on a database connection of its own: on a code, a derivation of the whole
 * draft's amendments takes a tenth of a second, which on the service's thread every other request
 * would wait behind (npm run bench:team-review). Started with the first rejection; the built
 * worker script when there is one (`script`), else the TypeScript source through tsx (tests, `npx
 * zan server` from a checkout). A worker that cannot start, or dies, says so by refusing: the
 * service then works the rejection out on its own thread, as it does without a worker.
 */
export class RejectionWorker {
  private worker: Worker | null = null;
  private next = 1;
  private readonly waiting = new Map<number, { ok(p: PreparedRejection): void; fail(e: Error): void }>();

  constructor(
    private readonly databaseUrl: string,
    private readonly script?: string,
  ) {}

  /** The rejection of `uid`'s amendment, worked out on the worker. */
  prepare(versionId: string, uid: string): Promise<PreparedRejection> {
    const worker = this.started();
    const id = this.next++;
    return new Promise((ok, fail) => {
      this.waiting.set(id, { ok, fail });
      worker.postMessage({ id, versionId, uid } satisfies RejectionAsked);
    });
  }

  /** Stops the worker (the service is stopping). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = this.script ? new Worker(pathToFileURL(this.script), { workerData: { url: this.databaseUrl } }) : fromSource(this.databaseUrl);
    worker.unref();
    worker.on('message', (answer: RejectionAnswered) => this.answered(answer));
    worker.on('error', (error) => this.lost(error));
    worker.on('exit', () => this.lost(new Error('The rejection worker stopped.')));
    this.worker = worker;
    return worker;
  }

  private answered(answer: RejectionAnswered): void {
    const waiting = this.waiting.get(answer.id);
    if (!waiting) return;
    this.waiting.delete(answer.id);
    if ('failed' in answer) return waiting.fail('code' in answer.failed ? new TeamError(answer.failed.code, answer.failed.message, answer.failed.detail) : new Error(answer.failed.message));
    const { outcome } = answer.prepared;
    waiting.ok({ ...answer.prepared, outcome: 'refusal' in outcome ? { refusal: new TeamError(outcome.refusal.code, outcome.refusal.message, outcome.refusal.detail) } : outcome });
  }

  private lost(error: Error): void {
    this.worker = null;
    for (const [id, waiting] of this.waiting) {
      this.waiting.delete(id);
      waiting.fail(new WorkerLost(error.message));
    }
  }
}

/** The worker could not answer (it did not start, or died): work it out on the service's thread. */
export class WorkerLost extends Error {}

/** The worker on its TypeScript source, through tsx's loader. */
function fromSource(url: string): Worker {
  const source = new URL('./rejection-worker.ts', import.meta.url).href;
  const tsx = typeof import.meta.resolve === 'function' ? import.meta.resolve('tsx/esm/api') : 'tsx/esm/api';
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: { url } });
}

/** Whether this module runs from its TypeScript source (a checkout), where the worker can start through tsx. */
export const FROM_SOURCE = import.meta.url.endsWith('.ts');
