import type { TeamEvent } from '../../../shared/team/contract';
import { record } from '../audit/log';
import { whenWritable, type ReadContext, type ServiceContext } from '../context';
import { findAmendment } from '../review';
import { StoreError } from '../../store/errors';
import { TeamRefused, TeamUnreachable, type TeamApi } from './api';

/** A review decision, as the review panel makes it. */
export type TeamDecision = 'accept' | 'reject' | 'reset';

/**
 * On a package on a team server a review decision is the server's (issue 17): it is made there
 * first, on the exact revision of the provision this desktop is in step with — the wording the
 * reviewer read — and only then here. Refused, with a message the interface says, when the change
 * has not reached the server yet (its push still waits), when the server has a newer wording
 * (STALE: read it again), when the server cannot be reached, or when the person's role may not
 * decide. A package not on a server: nothing to do here.
 */
export async function decideOnTeam(ctx: ReadContext, api: TeamApi, input: { packageId: string; uid: string; decision: TeamDecision }): Promise<void> {
  if (!ctx.store.team.linkOf(input.packageId)) return;
  const { versionId } = findAmendment(ctx, input.packageId, input.uid);
  if (ctx.store.team.pendingUids(versionId).has(input.uid)) throw new StoreError('NOT_READY', 'This change has not reached the team server yet: decide once it has.', 'team.decisionPending');
  const revision = ctx.store.team.synced(versionId, [input.uid]).get(input.uid)?.revision;
  if (!revision) throw new StoreError('NOT_READY', 'This change has not reached the team server yet: decide once it has.', 'team.decisionPending');
  try {
    await api.decide({ packageId: input.packageId, versionId, uid: input.uid, revision, decision: input.decision });
  } catch (error) {
    if (error instanceof TeamUnreachable) throw new StoreError('NOT_READY', error.message, 'team.decisionOffline');
    if (error instanceof TeamRefused && error.code === 'STALE') throw new StoreError('CONFLICT', error.message, 'team.decisionStale');
    if (error instanceof TeamRefused) throw new StoreError('INVALID_INPUT', error.message, 'team.refused', { code: error.code });
    throw error;
  }
}

/**
 * Another person's decision, announced by the server: the amendment's status here follows it
 * (its note kept), logged as received. A rejection's wording comes as that person's push, as any
 * change does. Returns whether anything changed.
 */
export async function applyTeamDecision(ctx: ServiceContext, event: Extract<TeamEvent, { kind: 'decision' }>): Promise<boolean> {
  return whenWritable(ctx, () =>
    ctx.store.transaction(() => {
      if (!ctx.store.packages.get(event.packageId)) return false;
      const note = ctx.store.amendments.annotations(event.packageId).get(event.uid);
      const status = event.decision === 'accept' ? 'accepted' : event.decision === 'reject' ? 'rejected' : 'proposed';
      if ((note?.status ?? 'proposed') === status) return false;
      ctx.store.amendments.annotate({ packageId: event.packageId, uid: event.uid, justification: note?.justification ?? '', evidence: note?.evidence ?? '', status, updatedAt: ctx.now() });
      record(ctx, event.packageId, event.uid, 'team-decision', { decision: event.decision, by: event.by, revision: event.revision, versionId: event.versionId });
      return true;
    }),
  );
}
