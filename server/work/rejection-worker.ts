// The team service's worker thread for rejections (rejection-pool.ts): works each one out from a
// snapshot of the draft, on a database connection of its own, so that the service's thread — every
// push, pull and event stream — is not held while a code's amendments are derived.
import { parentPort, workerData } from 'node:worker_threads';
import { connect } from '../db/connect';
import { TeamError } from '../team/errors';
import { prepareRejection } from '../team/rejection';
import type { RejectionAsked, RejectionAnswered } from './rejection-pool';

const db = connect((workerData as { url: string }).url, { max: 2 });

parentPort!.on('message', (asked: RejectionAsked) => {
  prepareRejection(db, asked.versionId, asked.uid).then(
    (prepared) => {
      const outcome = 'refusal' in prepared.outcome ? { refusal: { code: prepared.outcome.refusal.code, message: prepared.outcome.refusal.message, ...(prepared.outcome.refusal.detail ? { detail: prepared.outcome.refusal.detail } : {}) } } : prepared.outcome;
      parentPort!.postMessage({ id: asked.id, prepared: { ...prepared, outcome } } satisfies RejectionAnswered);
    },
    (error: unknown) => {
      const refusal = error instanceof TeamError ? { code: error.code, message: error.message, ...(error.detail ? { detail: error.detail } : {}) } : null;
      parentPort!.postMessage({ id: asked.id, failed: refusal ?? { message: (error as Error).message } } satisfies RejectionAnswered);
    },
  );
});
