import { structuralLabel } from '../../shared/amend/label';
import { indexTree, pathOf } from '../../shared/amend/tree-index';
import { rowsToLaw, type ProvisionRow, type RowChanges } from '../../shared/law';
import { StoreError } from '../store/errors';
import type { ReversibleChange, ReversibleRow } from '../store/repositories/reversible';
import type { ServiceContext, ReadContext } from './context';
import { saveDraft } from './drafts';

/**
 * Saves that a command makes so that they can be taken back later, exactly: a replacement
 * throughout the acts of a package, a reviewer's rejection. Each save keeps the rows it touched
 * before and after; taking it back puts the "before" rows back through the ordinary save (so the
 * amendments are derived again and the law validated) — unless someone edited those rows since,
 * which is refused with CONFLICT rather than undoing their work too.
 */

/** What a reversible save is about (its rows are worked out from the save). */
export type ReversibleInfo = Omit<ReversibleChange, 'id' | 'createdAt'>;

/**
 * Saves `changes` to a draft at its current revision and records them as reversible, in the
 * caller's transaction. `before`: the draft's rows as they were, by uid.
 */
export function saveReversibly(ctx: ServiceContext, info: ReversibleInfo, changes: RowChanges & { revision: number }, before: ReadonlyMap<string, ProvisionRow>, options: { duringReview?: boolean; fromTeam?: boolean } = {}): void {
  const rows: ReversibleRow[] = [
    ...changes.upserts.map((after) => ({ uid: after.uid, before: before.get(after.uid) ?? null, after })),
    ...changes.deletes.map((uid) => ({ uid, before: before.get(uid) ?? null, after: null })),
  ];
  saveDraft(ctx, { versionId: info.versionId, revision: changes.revision, upserts: changes.upserts, deletes: changes.deletes }, options);
  ctx.store.reversible.add({ ...info, id: ctx.newId(), createdAt: ctx.now() }, rows);
}

/**
 * Takes a command back in every draft it changed, in one transaction, and forgets it. Refused with
 * CONFLICT (nothing changes) when a row it touched is no longer as it left it, or a row it removed
 * cannot go back to its place because another unit stands there now.
 */
export function reverseOperation(ctx: ServiceContext, packageId: string, operationId: string, options: { duringReview?: boolean } = {}): { changes: ReversibleChange[]; rows: number } {
  const shares = ctx.store.reversible.operation(operationId);
  if (shares.length === 0) throw new StoreError('NOT_FOUND', 'This change was taken back already, or never made.', 'reversible.gone');
  return ctx.store.transaction(() => {
    let count = 0;
    // Last made, first taken back: a batch's later saves were made on the rows its earlier ones left.
    for (const { change, rows } of [...shares].reverse()) {
      if (change.packageId !== packageId) throw new StoreError('INVALID_INPUT', 'This change belongs to another package.', 'reversible.otherPackage');
      const version = ctx.store.versions.get(change.versionId);
      if (!version) throw new StoreError('NOT_FOUND', `No version ${change.versionId}.`, 'version.notFound');
      const current = ctx.store.provisions.rows(version.id, rows.map((r) => r.uid));
      const taken = new Set(ctx.store.provisions.load(version.id).map((r) => `${r.parentUid}\u0000${r.ord}`));
      const upserts: ProvisionRow[] = [];
      const deletes: string[] = [];
      for (const r of rows) {
        const now = current.get(r.uid) ?? null;
        if (!sameRow(now, r.after)) {
          const unit = labelIn(ctx, version.id, r.uid);
          throw new StoreError('CONFLICT', `The provision ${unit} was edited after this change; take it back there by hand.`, 'reversible.edited', { unit });
        }
        if (r.before && !now && taken.has(`${r.before.parentUid}\u0000${r.before.ord}`) && !rows.some((o) => o.after && o.after.parentUid === r.before?.parentUid && o.after.ord === r.before?.ord)) {
          const unit = labelIn(ctx, version.id, r.uid, r.before);
          throw new StoreError('CONFLICT', `Another provision now stands where ${unit} was; take it back there by hand.`, 'reversible.placeTaken', { unit });
        }
        if (r.before) upserts.push(r.before);
        else deletes.push(r.uid);
      }
      saveDraft(ctx, { versionId: version.id, revision: version.revision, upserts, deletes }, options);
      count += rows.length;
    }
    ctx.store.reversible.removeOperation(operationId);
    return { changes: shares.map((s) => s.change), rows: count };
  });
}

/**
 * How a message names a provision: as the amendments panel does, in the law's language ("Статья 5,
 * пункт 2"), by where it stands in the draft now, or else (it was taken out) by its number.
 */
function labelIn(ctx: ReadContext, versionId: string, uid: string, fallback?: ProvisionRow | null): string {
  const version = ctx.store.versions.get(versionId);
  const lang = (version && ctx.store.works.getExpression(version.expressionId)?.lang) ?? 'ru';
  const index = indexTree(rowsToLaw(ctx.store.provisions.load(versionId), lang));
  if (index.has(uid)) return structuralLabel(pathOf(index, uid), lang);
  return fallback?.num || fallback?.kind || uid;
}

function sameRow(a: ProvisionRow | null, b: ProvisionRow | null): boolean {
  if (a === null || b === null) return a === b;
  return a.parentUid === b.parentUid && a.ord === b.ord && a.kind === b.kind && a.num === b.num && a.heading === b.heading && a.text === b.text && a.repealed === b.repealed && a.notes.length === b.notes.length && a.notes.every((n, i) => n === b.notes[i]);
}
