import { mirrorStructure } from '../../shared/bilingual/mirror';
import { diffRows, lawToRows, rowsToLaw, type LawDoc } from '../../shared/law';
import type { VersionRecord } from '../store/repositories/versions';
import type { ReadContext } from './context';

/**
 * A structural edit saved in one language's draft, made in the package's other drafts of the same
 * law (shared/bilingual/mirror.ts says how). Each counterpart is saved as a save of its own, at its
 * current revision (validated, its amendments derived), inside the drafter's save: one transaction.
 */

/** The package's other language drafts of the same law as `version`. */
export function counterpartDrafts(ctx: ReadContext, version: VersionRecord): VersionRecord[] {
  const { store } = ctx;
  if (!version.packageId) return [];
  const workId = store.works.getExpression(version.expressionId)?.workId;
  return store.versions.listByPackage(version.packageId).filter((v) => v.id !== version.id && store.works.getExpression(v.expressionId)?.workId === workId);
}

/**
 * Makes in each counterpart the structure `before` → `after` made: the drafts it changed, at their
 * new revisions. A counterpart that cannot take the change (its own structure differs there so
 * that the result would not be a valid law) is left as it is; the parity check reports the
 * difference. `save` is saveDraft (passed in: the two modules call each other).
 */
export function mirrorToCounterparts(
  ctx: ReadContext,
  counterparts: readonly VersionRecord[],
  before: LawDoc,
  after: LawDoc,
  save: (input: { versionId: string; revision: number } & ReturnType<typeof diffRows>) => { revision: number },
): { versionId: string; revision: number }[] {
  const out: { versionId: string; revision: number }[] = [];
  for (const counterpart of counterparts) {
    const lang = ctx.store.works.getExpression(counterpart.expressionId)?.lang ?? 'ru';
    const rows = ctx.store.provisions.load(counterpart.id);
    const mirrored = mirrorStructure(before, after, rowsToLaw(rows, lang));
    if (!mirrored) continue;
    const changes = diffRows(rows, lawToRows(mirrored));
    if (changes.upserts.length === 0 && changes.deletes.length === 0) continue;
    try {
      const current = ctx.store.versions.get(counterpart.id) as VersionRecord;
      out.push({ versionId: counterpart.id, revision: save({ versionId: counterpart.id, revision: current.revision, ...changes }).revision });
    } catch (error) {
      ctx.log(`structure not mirrored into ${counterpart.id}: ${(error as Error).message}`);
    }
  }
  return out;
}
