import { rowsToLaw, type RowChanges } from '../../shared/law';
import { StoreError } from '../store/errors';
import { refreshAmendments } from './amendments';
import type { ServiceContext } from './context';

/** A save of a working draft: the rows that changed since `revision`. */
export interface SaveDraftInput extends RowChanges {
  versionId: string;
  revision: number;
}

/**
 * Saves the changed provisions of a working draft in one transaction. The save names the revision
 * it was made on: if the draft moved on since (another window saved), it is refused with CONFLICT
 * rather than silently overwriting. The resulting tree is validated before commit, so a save that
 * would leave an impossible law is rolled back whole (INVALID_LAW) and the stored draft is untouched.
 * The draft's amendments are re-derived and stored in the same transaction.
 */
export function saveDraft(ctx: ServiceContext, input: SaveDraftInput, options: { duringReview?: boolean } = {}): { revision: number; savedAt: string } {
  const { store } = ctx;
  const savedAt = ctx.now();
  return store.transaction(() => {
    const version = store.versions.get(input.versionId);
    if (!version) throw new StoreError('NOT_FOUND', `No version ${input.versionId}.`);
    if (version.status !== 'draft' || !version.packageId) throw new StoreError('NOT_EDITABLE', 'Only a working draft of a package can be edited.');
    const pkg = store.packages.get(version.packageId);
    // In review the text is read-only to editing; a reviewer's rejection still restores wording.
    if (!pkg || (pkg.status !== 'draft' && !(options.duringReview && pkg.status === 'review'))) throw new StoreError('NOT_EDITABLE', 'This package is no longer a draft.');
    if (!store.versions.advanceRevision(version.id, input.revision, savedAt)) {
      throw new StoreError('CONFLICT', `The draft was saved elsewhere (revision ${version.revision}, this edit was made on ${input.revision}). Reopen it to continue.`);
    }
    store.provisions.apply(version.id, input);
    const expression = store.works.getExpression(version.expressionId);
    const draft = rowsToLaw(store.provisions.load(version.id), expression?.lang ?? 'ru');
    if (version.baseVersionId) refreshAmendments(ctx, version.id, version.baseVersionId, draft, savedAt, version.updatedAt);
    store.packages.touch(pkg.id, savedAt);
    return { revision: input.revision + 1, savedAt };
  });
}
