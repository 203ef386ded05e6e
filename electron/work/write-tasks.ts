import type { Replacement } from '../../shared/instructions';
import { resolveConflict } from '../services/conflicts';
import { saveDraft, type SaveDraftInput } from '../services/drafts';
import { addToPackage, createPackage } from '../services/packages';
import { restoreRejected, reviewAmendment, reviewAmendments, type ReviewDecision } from '../services/review';
import { applyThroughout, undoThroughout, type ThroughoutDraftPlan } from '../services/throughout';
import { rejectAsTeam, type TeamRejection } from '../services/team/decisions';
import { prepareDraftSave } from '../services/versions';
import { writeTask } from './task';

/**
 * The writes the writer thread makes (the 'write' lane: electron/work/pool.ts): those that store
 * or re-derive a draft, which on a 2–3 MB code, or with thousands of rows, would hold the main
 * process for far more than a frame. Each is the service the main process would call, in its own
 * transaction on the writer's connection; the writer keeps its own live derivations (the memo),
 * so that after the first save of a draft the next ones are quick. The main process's other
 * writes wait while one of these runs (WorkPool.exclusive), so the two connections never wait on
 * each other's lock.
 */
export const WRITE_TASKS = {
  saveDraft: writeTask((ctx, input: SaveDraftInput) => saveDraft(ctx, input, { mirror: true })),
  /** What a first save of a draft just opened would derive, done beforehand on this thread (it only reads). */
  prepareSave: writeTask((ctx, input: { versionId: string }) => prepareDraftSave(ctx, input.versionId)),
  createPackage: writeTask((ctx, input: { title: string; baseVersionIds: string[]; author?: string | undefined }) => createPackage(ctx, input)),
  addToPackage: writeTask((ctx, input: { packageId: string; baseVersionId: string; also?: string[] | undefined }) => addToPackage(ctx, input.packageId, input.baseVersionId, input.also)),
  /** A rejection restores the wording in force (a save of the draft). */
  reviewAmendment: writeTask((ctx, input: { packageId: string; uid: string; decision: ReviewDecision }) => reviewAmendment(ctx, input)),
  reviewAmendments: writeTask((ctx, input: { packageId: string; uids: string[]; decision: ReviewDecision }) => reviewAmendments(ctx, input)),
  /** A rejection the team server made: its changes saved here as the server's (team/decisions.ts). */
  rejectAsTeam: writeTask((ctx, input: { packageId: string; uid: string; rejection: TeamRejection; operationId?: string | undefined }) => rejectAsTeam(ctx, input, input.rejection, input.operationId)),
  restoreRejected: writeTask((ctx, input: { packageId: string; operationId: string }) => restoreRejected(ctx, input)),
  resolveConflict: writeTask((ctx, input: { conflictId: string; keep: 'theirs' | 'mine'; revision: number }) => resolveConflict(ctx, input)),
  applyThroughout: writeTask((ctx, input: { packageId: string; replacements: Replacement[]; plans: ThroughoutDraftPlan[] }) => applyThroughout(ctx, input.packageId, input.replacements, input.plans)),
  undoThroughout: writeTask((ctx, input: { packageId: string; operationId: string }) => undoThroughout(ctx, input.packageId, input.operationId)),
};
