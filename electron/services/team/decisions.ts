import type { RowChanges } from '../../../shared/law';
import type { TeamEvent } from '../../../shared/team/contract';
import { record } from '../audit/log';
import { whenWritable, type ReadContext, type ServiceContext } from '../context';
import { findAmendment, rejectionChanges, reviewAmendment } from '../review';
import { StoreError } from '../../store/errors';
import { TeamRefused, TeamUnreachable, type TeamApi } from './api';
import { syncedAtRevisions } from './in-step';

/** A review decision, as the review panel makes it. */
export type TeamDecision = 'accept' | 'reject' | 'reset';

/** A rejection the team server applied: its changes to the draft, and the revision each provision got there. */
export interface TeamRejection {
  versionId: string;
  changes: RowChanges;
  revisions: Record<string, number>;
  /** The revision of the rejected provision the decision stands on (its restoration's, or the one decided on). */
  standsOn: number;
}

/**
 * On a package on a team server a review decision is the server's (issue 17): it is made there
 * first, on the exact revision of the provision this desktop is in step with — the wording the
 * reviewer read — and only then here. A rejection takes its changes (the wording in force back,
 * worked out here as review.ts does) to the server with it, each on the revision this desktop has:
 * the server applies them (a reviewer does not push), and the caller saves them here as the
 * server's (rejectAsTeam). Refused, with a message the interface says, when a change has not
 * reached the server yet (its push still waits), when the server has a newer wording (STALE: read
 * it again), when someone is editing a provision it restores, when the server cannot be reached,
 * or when the person's role may not decide. A package not on a server: nothing to do here (null).
 */
export async function decideOnTeam(ctx: ReadContext, api: TeamApi, input: { packageId: string; uid: string; decision: TeamDecision }): Promise<TeamRejection | null> {
  if (!ctx.store.team.linkOf(input.packageId)) return null;
  const found = findAmendment(ctx, input.packageId, input.uid);
  const { versionId } = found;
  const changes = input.decision === 'reject' ? rejectionChanges(ctx, found) : null;
  const touched = [input.uid, ...(changes ? [...changes.upserts.map((r) => r.uid), ...changes.deletes] : [])];
  const pending = ctx.store.team.pendingUids(versionId);
  const synced = ctx.store.team.synced(versionId, [...new Set(touched)]);
  // A rejection is worked out on the whole draft (a unit put back between its neighbours), and the server works it out again from its own rows: nothing of the draft may wait to go up.
  const waiting = input.decision === 'reject' ? pending.size > 0 : touched.some((uid) => pending.has(uid));
  if (waiting || !synced.get(input.uid)) throw new StoreError('NOT_READY', 'This change has not reached the team server yet: decide once it has.', 'team.decisionPending');
  const revision = synced.get(input.uid)!.revision;
  const sent = changes ? [...changes.upserts.map((row) => ({ uid: row.uid, baseRevision: synced.get(row.uid)?.revision ?? null, row })), ...changes.deletes.map((uid) => ({ uid, baseRevision: synced.get(uid)?.revision ?? null, row: null }))] : [];
  let reply;
  try {
    reply = await api.decide({ packageId: input.packageId, versionId, uid: input.uid, revision, decision: input.decision, ...(sent.length > 0 ? { changes: sent } : {}) });
  } catch (error) {
    if (error instanceof TeamUnreachable) throw new StoreError('NOT_READY', error.message, 'team.decisionOffline');
    if (error instanceof TeamRefused && error.code === 'INVALID' && error.detail['provision']) throw new StoreError('CONFLICT', error.message, 'team.rejectionDiffers');
    if (error instanceof TeamRefused && error.code === 'STALE') throw new StoreError('CONFLICT', error.message, 'team.decisionStale');
    if (error instanceof TeamRefused && error.code === 'LEASED') throw new StoreError('CONFLICT', error.message, 'team.decisionLeased', { holder: String(error.detail['holder'] ?? '') });
    if (error instanceof TeamRefused) throw new StoreError('INVALID_INPUT', error.message, 'team.refused', { code: error.code });
    throw error;
  }
  return changes ? { versionId, changes, revisions: reply.revisions, standsOn: reply.revisions[input.uid] ?? revision } : null;
}

/**
 * Rejects here what the team server rejected (decideOnTeam): the amendment's status, the
 * reversible record and the log as any rejection, its changes saved as the server has them (not
 * queued to go back up) and recorded as in step at the revisions the server gave. A provision
 * this desktop pulled at a later revision meanwhile (someone changed it after the rejection) keeps
 * that wording, and so does one changed here meanwhile (its push meets the restored wording as a
 * conflict for the drafter to choose on). One transaction. Returns the rejection's operation id.
 */
export function rejectAsTeam(ctx: ServiceContext, input: { packageId: string; uid: string }, rejection: TeamRejection, operationId: string = ctx.newId()): string | null {
  const { store } = ctx;
  return store.transaction(() => {
    const synced = store.team.synced(rejection.versionId);
    const pending = store.team.pendingUids(rejection.versionId);
    // Saved here since the decision went up (its change waiting to go up): kept, to meet the restored wording as a conflict when it is pushed.
    const fresh = (uid: string) => !pending.has(uid) && (synced.get(uid)?.revision ?? 0) < (rejection.revisions[uid] ?? 0);
    const changes = { upserts: rejection.changes.upserts.filter((r) => fresh(r.uid)), deletes: rejection.changes.deletes.filter(fresh) };
    const id = reviewAmendment(ctx, { ...input, decision: 'reject' }, operationId, { changes });
    const saved = syncedAtRevisions(changes, rejection.revisions);
    store.team.setSynced(rejection.versionId, saved);
    // The units it restored besides were changed by it: their own decisions, if any, lapse.
    lapseDecisions(ctx, rejection.versionId, saved.filter((s) => s.uid !== input.uid));
    store.team.setDecision(rejection.versionId, input.uid, 'reject', rejection.standsOn);
    return id;
  });
}

/**
 * A decision, announced by the server (another person's, or this desktop's own coming back): the
 * amendment's status here follows it (its note kept), logged as received, and the revision it
 * stands on is kept (a later change of the provision lapses it: lapseDecisions). Not followed when
 * the provision changed after that revision already here (pulled, or saved here and waiting to go
 * up): the decision was not made on that wording. A rejection's wording comes as that person's
 * push, as any change does. Returns whether the status changed.
 */
export async function applyTeamDecision(ctx: ServiceContext, event: Extract<TeamEvent, { kind: 'decision' }>): Promise<boolean> {
  return whenWritable(ctx, () =>
    ctx.store.transaction(() => {
      const { store } = ctx;
      if (!store.packages.get(event.packageId) || !store.versions.get(event.versionId)) return false;
      const standsOn = event.standsOn ?? event.revision;
      const here = store.team.synced(event.versionId, [event.uid]).get(event.uid)?.revision ?? 0;
      if (here > standsOn || store.team.pendingUids(event.versionId).has(event.uid)) return false;
      store.team.setDecision(event.versionId, event.uid, event.decision, standsOn);
      const note = store.amendments.annotations(event.packageId).get(event.uid);
      const status = event.decision === 'accept' ? 'accepted' : event.decision === 'reject' ? 'rejected' : 'proposed';
      if ((note?.status ?? 'proposed') === status) return false;
      store.amendments.setStatus(event.packageId, event.uid, status, ctx.now());
      record(ctx, event.packageId, event.uid, 'team-decision', { decision: event.decision, by: event.by, revision: event.revision, versionId: event.versionId });
      return true;
    }),
  );
}

/**
 * Provisions of a draft that changed (pulled from the server, or pushed from here) at these
 * revisions: a team decision standing on an earlier revision of one lapses — it was not made on
 * the wording there now — and its amendment is proposed again, as on the server (a rejection of
 * it is no longer listed: it cannot be taken back, the wording moved on). Logged. Call inside a
 * transaction. Returns the provisions whose status changed.
 */
export function lapseDecisions(ctx: ServiceContext, versionId: string, changed: readonly { uid: string; revision: number }[]): string[] {
  const revisionOf = new Map(changed.map((c) => [c.uid, c.revision]));
  return ctx.store.team.lapseDecisions(versionId, changed).filter(({ uid, decision }) => proposeAgain(ctx, versionId, uid, decision, revisionOf.get(uid) ?? null)).map((l) => l.uid);
}

/** A team decision that lapsed: its amendment proposed again (its rejection no longer listed), logged. Whether the status changed. */
function proposeAgain(ctx: ServiceContext, versionId: string, uid: string, decision: string, revision: number | null): boolean {
  const { store } = ctx;
  const packageId = store.versions.get(versionId)?.packageId;
  if (!packageId) return false;
  if (decision === 'reject') store.reversible.forgetRejections(versionId, uid);
  const note = store.amendments.annotations(packageId).get(uid);
  if (!note || note.status === 'proposed') return false;
  store.amendments.setStatus(packageId, uid, 'proposed', ctx.now());
  record(ctx, packageId, uid, 'team-decision-lapsed', { decision, versionId, revision });
  return true;
}

/**
 * After an absence: the last decision on the server on each of a draft's provisions, followed here
 * as applyTeamDecision follows one announced (those this desktop has already change nothing), or,
 * where it lapsed there (the provision changed after it), its amendment proposed again.
 * Returns those that changed something, as the events they stand for; null when the server
 * could not be reached.
 */
export async function catchUpDecisions(ctx: ServiceContext, api: TeamApi, versionId: string): Promise<Extract<TeamEvent, { kind: 'decision' }>[] | null> {
  const packageId = ctx.store.versions.get(versionId)?.packageId;
  if (!packageId) return [];
  let standing;
  try {
    standing = await api.decisions(versionId);
  } catch (error) {
    if (error instanceof TeamUnreachable || error instanceof TeamRefused) return null;
    throw error;
  }
  const changed: Extract<TeamEvent, { kind: 'decision' }>[] = [];
  for (const { lapsed, ...d } of standing) {
    const event = { kind: 'decision' as const, packageId, versionId, ...d };
    if (lapsed) {
      // The provision changed on the server after it: proposed again (as a pull of that change would say).
      const moved = await whenWritable(ctx, () => ctx.store.transaction(() => (ctx.store.team.forgetDecision(versionId, d.uid), proposeAgain(ctx, versionId, d.uid, d.decision, null))));
      if (moved) changed.push({ ...event, decision: 'reset' });
    } else if (await applyTeamDecision(ctx, event)) changed.push(event);
  }
  return changed;
}

