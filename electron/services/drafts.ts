import { rowsToLaw, type LawDoc, type ProvisionRow, type RowChanges } from '../../shared/law';
import { StoreError } from '../store/errors';
import { textHash } from './audit/hash';
import { record } from './audit/log';
import { forgetLive, liveDerivation, refreshAmendments, refreshTexts, type SignedBy } from './amendments';
import type { ServiceContext, ReadContext } from './context';
import { counterpartDrafts, mirrorToCounterparts } from './mirror';
import { updateDraftSearch } from './search';
import { queueTeamChanges } from './team/outbox';

/** What a save gives back: the draft's new revision, when, and the other language drafts it changed too. */
export interface SaveResult {
  revision: number;
  savedAt: string;
  mirrored: { versionId: string; revision: number }[];
}

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
 *
 * A save that changes only headings and texts (the rows keep their place, number, kind and state;
 * none is added or removed) cannot change the law's shape: it writes those rows, updates the draft's
 * live derivation and stores those units' amendments alone, in time that does not grow with the law.
 * Any other save validates and re-derives the whole draft, from the rows kept with the live
 * derivation when there is one (else read back from the store).
 *
 * With `mirror` (a drafter's edit), a save that changes the law's structure makes the same change
 * in the package's other language drafts of the law (mirror.ts), in the same transaction; the reply
 * names them with their new revisions, so an editor showing one of them reloads it.
 *
 * With `fromTeam`, the rows are the team server's wording (team/sync.ts): not queued to be pushed
 * back; `signedBy` signs their amendments with who made them there.
 */
export function saveDraft(ctx: ServiceContext, input: SaveDraftInput, options: { duringReview?: boolean; mirror?: boolean; fromTeam?: boolean; signedBy?: SignedBy | undefined } = {}): SaveResult {
  const { signedBy } = options;
  const { store } = ctx;
  const savedAt = ctx.now();
  try {
    return store.transaction(() => {
      const version = store.versions.get(input.versionId);
      if (!version) throw new StoreError('NOT_FOUND', `No version ${input.versionId}.`, 'version.notFound', { versionId: input.versionId });
      if (version.status !== 'draft' || !version.packageId) throw new StoreError('NOT_EDITABLE', 'Only a working draft of a package can be edited.', 'draft.notEditable');
      const pkg = store.packages.get(version.packageId);
      // In review the text is read-only to editing; a reviewer's rejection still restores wording.
      if (!pkg || (pkg.status !== 'draft' && !(options.duringReview && pkg.status === 'review'))) throw new StoreError('NOT_EDITABLE', 'This package is no longer a draft.', 'package.notDraft');
      const live = version.baseVersionId ? liveDerivation(ctx, version.id, input.revision, version.baseVersionId) : null;
      const structural = !changesOnlyTexts(ctx, version.id, input);
      const textsOnly = live !== null && !structural;
      const counterparts = options.mirror && structural ? counterpartDrafts(ctx, version) : [];
      const lang = store.works.getExpression(version.expressionId)?.lang ?? 'ru';
      // The structure before this save, to make its change in the other languages.
      const before: LawDoc | null = counterparts.length ? rowsToLaw(live?.rows ? [...live.rows.values()] : store.provisions.load(version.id), lang) : null;
      if (!store.versions.advanceRevision(version.id, input.revision, savedAt)) {
        throw new StoreError('CONFLICT', `The draft was saved elsewhere (revision ${version.revision}, this edit was made on ${input.revision}). Reopen it to continue.`, 'draft.savedElsewhere', { revision: version.revision, yours: input.revision });
      }
      store.provisions.apply(version.id, input);
      // A draft of a package on a team server: the change waits in the outbox, in this transaction
      // (not the server's own wording, brought here from it).
      if (!options.fromTeam) queueTeamChanges(ctx, pkg.id, version.id, input, savedAt);
      const revision = input.revision + 1;
      // Which units changed and a fingerprint of each one's new wording: the log tells what a save did without repeating the law.
      record(ctx, pkg.id, null, 'save', { versionId: version.id, revision, units: input.upserts.map((r) => [r.uid, unitFingerprint(r)]), deleted: input.deletes });
      updateDraftSearch(ctx, version, input, revision);
      const quick = textsOnly && live && version.baseVersionId && refreshTexts(ctx, version.id, live, input.upserts, revision, version.baseVersionId, savedAt, version.updatedAt, signedBy);
      let after: LawDoc | null = null;
      if (!quick) {
        // The rows as they now are: those kept with the live derivation with this save applied
        // (as the store applied it: deletes, then upserts), else read back.
        const rows = live?.rows ? applyToRows(live.rows, input) : new Map(store.provisions.load(version.id).map((r) => [r.uid, r]));
        after = rowsToLaw([...rows.values()], lang);
        if (version.baseVersionId) refreshAmendments(ctx, version.id, version.baseVersionId, after, savedAt, version.updatedAt, { rows, ...(signedBy ? { signedBy } : {}) });
      }
      const mirrored = before && after ? mirrorToCounterparts(ctx, counterparts, before, after, (next) => saveDraft(ctx, next, { duringReview: options.duringReview ?? false })) : [];
      store.packages.touch(pkg.id, savedAt);
      return { revision, savedAt, mirrored };
    });
  } catch (error) {
    // The transaction was rolled back: a live derivation updated on the way may not match the store.
    forgetLive(ctx, input.versionId);
    throw error;
  }
}

/** The fingerprint of a unit's stored form, as the log of a save records it. */
export function unitFingerprint(r: ProvisionRow): string {
  return textHash(r.kind, r.num, r.heading, r.text, r.repealed, r.parentUid, r.ord, r.notes.join('\n'));
}

/** Whether a save only rewrites headings and texts of rows already stored (each keeps its parent, place, kind, number, state and notes). */
function changesOnlyTexts(ctx: ReadContext, versionId: string, input: RowChanges): boolean {
  if (input.deletes.length > 0 || input.upserts.length === 0) return false;
  const stored = ctx.store.provisions.rows(versionId, input.upserts.map((r) => r.uid));
  return input.upserts.every((row) => {
    const before = stored.get(row.uid);
    return before !== undefined && before.parentUid === row.parentUid && before.ord === row.ord && before.kind === row.kind && before.num === row.num && before.repealed === row.repealed && sameNotes(before.notes, row.notes);
  });
}

/** Applies a save's changes to rows kept by uid, in place (a failed save forgets them with the live derivation). */
function applyToRows(rows: Map<string, ProvisionRow>, changes: RowChanges): Map<string, ProvisionRow> {
  for (const uid of changes.deletes) rows.delete(uid);
  for (const row of changes.upserts) rows.set(row.uid, row);
  return rows;
}

function sameNotes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}
