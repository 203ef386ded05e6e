import type { Amendment } from '../../shared/amend';
import { restoreUnit, RestoreError } from '../../shared/amend/restore';
import { diffRows, LawStructureError, lawToRows, rowsToLaw, validateLaw, type ProvisionRow } from '../../shared/law';
import { StoreError } from '../store/errors';
import { audit } from './audit';
import { requireIdentity } from './identity';
import { amendmentsOf } from './amendments';
import type { ServiceContext } from './context';
import { saveDraft } from './drafts';

/** Finds an amendment of a package by provision uid, with the draft it belongs to. */
function findAmendment(ctx: ServiceContext, packageId: string, uid: string): { amendment: Amendment; versionId: string; baseVersionId: string } {
  for (const v of ctx.store.versions.listByPackage(packageId)) {
    const amendment = amendmentsOf(ctx, v.id).find((a) => a.uid === uid);
    if (amendment && v.baseVersionId) return { amendment, versionId: v.id, baseVersionId: v.baseVersionId };
  }
  throw new StoreError('NOT_FOUND', 'This provision has no amendment in the package.');
}

/** Adds a comment (or a reply) to an amendment, signed with the user's identity, and logs it. */
export function addComment(ctx: ServiceContext, input: { packageId: string; uid: string; parentId: string | null; text: string }): void {
  const who = requireIdentity(ctx);
  findAmendment(ctx, input.packageId, input.uid);
  if (!input.text.trim()) throw new StoreError('INVALID_INPUT', 'A comment needs text.');
  const id = ctx.newId();
  ctx.store.transaction(() => {
    ctx.store.review.addComment({ id, packageId: input.packageId, uid: input.uid, parentId: input.parentId, author: who.name, role: who.role, text: input.text.trim(), createdAt: ctx.now() });
    audit(ctx, input.packageId, input.uid, 'comment', { id, parentId: input.parentId });
  });
}

/**
 * Accepts or rejects one amendment. Accepting records the decision. Rejecting restores the
 * provision's wording in force in the draft (text, heading, number, and the units a repeal had
 * dropped; an inserted unit is removed), through the ordinary save, so validation and re-derivation
 * apply; a unit moved or taken out goes back where the law in force has it. Either way the action
 * is signed and logged.
 */
export function reviewAmendment(ctx: ServiceContext, input: { packageId: string; uid: string; decision: 'accept' | 'reject' }): void {
  requireIdentity(ctx);
  const { amendment: a, versionId, baseVersionId } = findAmendment(ctx, input.packageId, input.uid);
  const { store } = ctx;
  store.transaction(() => {
    const note = store.amendments.annotations(input.packageId).get(input.uid);
    store.amendments.annotate({
      packageId: input.packageId,
      uid: input.uid,
      justification: note?.justification ?? '',
      evidence: note?.evidence ?? '',
      status: input.decision === 'accept' ? 'accepted' : 'rejected',
      updatedAt: ctx.now(),
    });
    if (input.decision === 'reject' && ((a.placement && a.base) || !a.proposed)) {
      // A unit moved or taken out goes back where the law in force has it, with its wording in force.
      const version = store.versions.get(versionId);
      const lang = (version && store.works.getExpression(version.expressionId)?.lang) ?? 'ru';
      const draftRows = store.provisions.load(versionId);
      let restored;
      try {
        restored = restoreUnit(rowsToLaw(store.provisions.load(baseVersionId), lang), rowsToLaw(draftRows, lang), a);
        validateLaw(restored);
      } catch (error) {
        if (error instanceof RestoreError || error instanceof LawStructureError) throw new StoreError('NOT_EDITABLE', `It cannot go back by itself: ${error.message}`);
        throw error;
      }
      saveDraft(ctx, { versionId, revision: version?.revision ?? 0, ...diffRows(draftRows, lawToRows(restored)) }, { duringReview: true });
    } else if (input.decision === 'reject') {
      const draftRows = store.provisions.load(versionId);
      const baseRows = new Map(store.provisions.load(baseVersionId).map((r) => [r.uid, r]));
      const upserts: ProvisionRow[] = [];
      const deletes: string[] = [];
      if (!a.base) {
        // An inserted unit goes, with everything under it.
        const doomed = new Set([a.uid]);
        for (let grew = true; grew; ) {
          grew = false;
          for (const r of draftRows) {
            if (r.parentUid && doomed.has(r.parentUid) && !doomed.has(r.uid)) {
              doomed.add(r.uid);
              grew = true;
            }
          }
        }
        deletes.push(...doomed);
      } else {
        const row = draftRows.find((r) => r.uid === a.uid) as ProvisionRow;
        upserts.push({ ...row, num: a.base.num, heading: a.base.heading, text: a.base.text, repealed: a.base.repealed });
        for (const d of a.dropped) {
          const base = baseRows.get(d.uid);
          if (base) upserts.push(base);
        }
      }
      const version = store.versions.get(versionId);
      saveDraft(ctx, { versionId, revision: version?.revision ?? 0, upserts, deletes }, { duringReview: true });
    }
    audit(ctx, input.packageId, input.uid, input.decision, { kind: a.kind, eId: a.eId, base: a.base?.text ?? null, proposed: a.proposed?.text ?? null });
  });
}

/**
 * Accepts or rejects several amendments at once, all or none (one transaction). An amendment an
 * earlier reject of the same batch already took away (a unit inside an inserted one) is skipped.
 */
export function reviewAmendments(ctx: ServiceContext, input: { packageId: string; uids: string[]; decision: 'accept' | 'reject' }): void {
  requireIdentity(ctx);
  const amended = () => new Set(ctx.store.versions.listByPackage(input.packageId).flatMap((v) => amendmentsOf(ctx, v.id).map((a) => a.uid)));
  const unknown = input.uids.filter((uid) => !amended().has(uid));
  if (unknown.length) throw new StoreError('NOT_FOUND', `${unknown.length} of the selected provisions have no amendment in the package.`);
  ctx.store.transaction(() => {
    for (const uid of new Set(input.uids)) if (amended().has(uid)) reviewAmendment(ctx, { packageId: input.packageId, uid, decision: input.decision });
  });
}

/** The comments on one amendment of a package, oldest first, as the review panel lists them. */
export function listComments(ctx: ServiceContext, packageId: string, uid: string): { id: string; parentId: string | null; author: string; role: string; text: string; createdAt: string }[] {
  return ctx.store.review.comments(packageId, uid).map(({ id, parentId, author, role, text, createdAt }) => ({ id, parentId, author, role, text, createdAt }));
}
