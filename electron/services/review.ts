import type { Amendment } from '../../shared/amend';
import { structuralLabel } from '../../shared/amend/label';
import { rejectionOf } from '../../shared/amend/reject';
import { RestoreError } from '../../shared/amend/restore';
import { LawStructureError, type ProvisionRow, type RowChanges } from '../../shared/law';
import { StoreError } from '../store/errors';
import { audit } from './audit/log';
import { commentFingerprint } from './audit/state';
import { changeSigner, requireIdentity, teamPersonId } from './identity';
import { amendmentsOf } from './amendments';
import type { ServiceContext, ReadContext } from './context';
import { reverseOperation, saveReversibly } from './reversible';
import { commentLines, type CommentLine } from './comment-versions';

/** Finds an amendment of a package by provision uid, with the draft it belongs to (NOT_FOUND when it has none). */
export function findAmendment(ctx: ReadContext, packageId: string, uid: string): { amendment: Amendment; versionId: string; baseVersionId: string } {
  for (const v of ctx.store.versions.listByPackage(packageId)) {
    const amendment = amendmentsOf(ctx, v.id).find((a) => a.uid === uid);
    if (amendment && v.baseVersionId) return { amendment, versionId: v.id, baseVersionId: v.baseVersionId };
  }
  throw new StoreError('NOT_FOUND', 'This provision has no amendment in the package.', 'amendment.notFound');
}

/** Adds a comment (or a reply) to an amendment, signed with the user's identity, and logs it. */
export function addComment(ctx: ServiceContext, input: { packageId: string; uid: string; parentId: string | null; text: string }): void {
  const who = requireIdentity(ctx);
  findAmendment(ctx, input.packageId, input.uid);
  if (!input.text.trim()) throw new StoreError('INVALID_INPUT', 'A comment needs text.', 'comment.empty');
  if (input.parentId !== null) {
    // A reply answers a comment on the same amendment of the same package, never one elsewhere.
    const parent = ctx.store.review.comment(input.parentId);
    if (!parent) throw new StoreError('NOT_FOUND', 'The comment this replies to does not exist.', 'comment.parentNotFound');
    if (parent.packageId !== input.packageId || parent.uid !== input.uid) throw new StoreError('INVALID_INPUT', 'A reply answers a comment on the same amendment.', 'comment.parentElsewhere');
  }
  const id = ctx.newId();
  ctx.store.transaction(() => {
    // On a team's package: signed with the name the others see it under, and known as this person's by their id there.
    const author = { author: changeSigner(ctx, input.packageId) ?? who.name, authorId: teamPersonId(ctx, input.packageId) };
    ctx.store.review.addComment({ id, packageId: input.packageId, uid: input.uid, parentId: input.parentId, ...author, role: who.role, text: input.text.trim(), createdAt: ctx.now() });
    audit(ctx, input.packageId, input.uid, 'comment', { id, parentId: input.parentId, textHash: commentFingerprint(input.text.trim()) });
    // A package on a team server: the comment goes to the others too (team/comments.ts).
    if (ctx.store.team.linkOf(input.packageId)) ctx.store.team.queueComment({ id, packageId: input.packageId, uid: input.uid, parentId: input.parentId, text: input.text.trim() });
  });
}

/** A reviewer's decision on an amendment: approve, reject, or take an approval back (to proposed). */
export type ReviewDecision = 'accept' | 'reject' | 'reset';

/** What a rejection keeps of the amendment it took away, so that the panel still lists it. */
export interface RejectedAmendment {
  operationId: string;
  uid: string;
  versionId: string;
  label: string;
  kind: Amendment['kind'];
  eId: string;
  base: string | null;
  proposed: string | null;
  rejectedBy: string;
  rejectedAt: string;
}

/**
 * Approves ("accept") or rejects one amendment, or takes an approval back ("reset"). Approving records
 * the decision: the change stays in the draft (the law is not adopted yet) and is shown as approved. Rejecting restores the
 * provision's wording in force in the draft (text, heading, number, and the units a repeal had
 * dropped; an inserted unit is removed), through the ordinary save, so validation and
 * re-derivation apply; a unit moved or taken out goes back where the law in force has it. The
 * rejection is kept as a reversible change: the panel lists the rejected amendment with who and
 * when, and restoreRejected puts it back. Either way the action is signed and logged. Returns the
 * rejection's operation id (null for an approval). `planned`: the rejection's changes as the team
 * server applied them (team/decisions.ts): saved as they are, as the server's wording (not pushed).
 */
export function reviewAmendment(ctx: ServiceContext, input: { packageId: string; uid: string; decision: ReviewDecision }, operationId: string = ctx.newId(), planned?: { changes: RowChanges }): string | null {
  const who = requireIdentity(ctx);
  const { amendment: a, versionId, baseVersionId } = findAmendment(ctx, input.packageId, input.uid);
  const { store } = ctx;
  return store.transaction(() => {
    store.amendments.setStatus(input.packageId, input.uid, input.decision === 'accept' ? 'accepted' : input.decision === 'reject' ? 'rejected' : 'proposed', ctx.now());
    if (input.decision === 'reject') {
      const draftRows = store.provisions.load(versionId);
      const version = store.versions.get(versionId);
      const changes = planned?.changes ?? rejectionChanges(ctx, { amendment: a, versionId, baseVersionId });
      saveReversibly(ctx, rejection(), { revision: version?.revision ?? 0, ...changes }, byUid(draftRows), { duringReview: true, fromTeam: planned !== undefined });
    }
    audit(ctx, input.packageId, input.uid, input.decision, { kind: a.kind, eId: a.eId, base: a.base?.text ?? null, proposed: a.proposed?.text ?? null, ...(input.decision === 'reject' ? { operationId } : {}) });
    return input.decision === 'reject' ? operationId : null;
  });

  function rejection() {
    const lang = (() => {
      const v = ctx.store.versions.get(versionId);
      return (v && ctx.store.works.getExpression(v.expressionId)?.lang) ?? 'ru';
    })();
    const detail = { label: structuralLabel(a.path, lang), kind: a.kind, eId: a.eId, base: a.base?.text ?? null, proposed: a.proposed?.text ?? null };
    return { operationId, kind: 'reject' as const, packageId: input.packageId, versionId, uid: input.uid, detail: JSON.stringify(detail), createdBy: who.name };
  }
}

/**
 * What rejecting an amendment changes in its draft: the provision's wording in force back (text,
 * heading, number, and the units a repeal had dropped), an inserted unit removed with everything
 * under it, a unit moved or taken out put back where the law in force has it. Reads only; refused
 * with `amendment.cannotRevert` when the unit cannot go back by itself.
 */
export function rejectionChanges(ctx: ReadContext, found: { amendment: Amendment; versionId: string; baseVersionId: string }): RowChanges {
  const { store } = ctx;
  const { amendment, versionId, baseVersionId } = found;
  const version = store.versions.get(versionId);
  const lang = (version && store.works.getExpression(version.expressionId)?.lang) ?? 'ru';
  try {
    return rejectionOf({ amendment, base: store.provisions.load(baseVersionId), draft: store.provisions.load(versionId), lang });
  } catch (error) {
    if (error instanceof RestoreError || error instanceof LawStructureError) throw new StoreError('NOT_EDITABLE', `It cannot go back by itself: ${error.message}`, 'amendment.cannotRevert', { detail: error.message });
    throw error;
  }
}

function byUid(rows: readonly ProvisionRow[]): Map<string, ProvisionRow> {
  return new Map(rows.map((r) => [r.uid, r]));
}

/** The amendments rejected in a package and not restored, newest first, with who rejected them and when. */
export function listRejected(ctx: ReadContext, packageId: string): RejectedAmendment[] {
  return ctx.store.reversible.ofPackage(packageId, 'reject').map((c) => {
    const d = JSON.parse(c.detail) as Pick<RejectedAmendment, 'label' | 'kind' | 'eId' | 'base' | 'proposed'>;
    return { operationId: c.operationId, uid: c.uid ?? '', versionId: c.versionId, ...d, rejectedBy: c.createdBy, rejectedAt: c.createdAt };
  });
}

/**
 * Puts a rejected amendment (or a batch rejected together) back into the draft as it was proposed,
 * and its review status back to "proposed". Refused with CONFLICT where the provision was edited
 * after the rejection. Signed and logged.
 */
export function restoreRejected(ctx: ServiceContext, input: { packageId: string; operationId: string }): void {
  requireIdentity(ctx);
  ctx.store.transaction(() => {
    const { changes } = reverseOperation(ctx, input.packageId, input.operationId, { duringReview: true });
    for (const c of changes) {
      if (c.kind !== 'reject' || !c.uid) throw new StoreError('INVALID_INPUT', 'This is not a rejection.', 'reversible.wrongKind');
      ctx.store.amendments.setStatus(input.packageId, c.uid, 'proposed', ctx.now());
      audit(ctx, input.packageId, c.uid, 'restore', { operationId: input.operationId });
    }
  });
}

/**
 * Approves or rejects several amendments at once, all or none (one transaction). An amendment an
 * earlier reject of the same batch already took away (a unit inside an inserted one) is skipped.
 * Returns the rejection's operation id (one for the batch), null for approvals.
 */
export function reviewAmendments(ctx: ServiceContext, input: { packageId: string; uids: string[]; decision: ReviewDecision }): string | null {
  requireIdentity(ctx);
  // One operation for the batch: one restore takes it all back.
  const operationId = ctx.newId();
  const amended = () => new Set(ctx.store.versions.listByPackage(input.packageId).flatMap((v) => amendmentsOf(ctx, v.id).map((a) => a.uid)));
  const unknown = input.uids.filter((uid) => !amended().has(uid));
  if (unknown.length) throw new StoreError('NOT_FOUND', `${unknown.length} of the selected provisions have no amendment in the package.`, 'amendment.selectedNotFound', { count: unknown.length });
  return ctx.store.transaction(() => {
    for (const uid of new Set(input.uids)) if (amended().has(uid)) reviewAmendment(ctx, { packageId: input.packageId, uid, decision: input.decision }, operationId);
    return input.decision === 'reject' ? operationId : null;
  });
}

/** The comments on one amendment of a package, oldest first, as the review panel lists them. */
export function listComments(ctx: ReadContext, packageId: string, uid: string): CommentLine[] {
  return commentLines(ctx, packageId, uid);
}
