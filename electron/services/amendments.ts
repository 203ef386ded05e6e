import { derive, type Amendment, type DiffCache } from '../../shared/amend';
import { rowsToLaw, type Lang, type LawDoc } from '../../shared/law';
import type { ServiceContext } from './context';

/** Above this many remembered diffs for one draft, the memo starts afresh (it only saves time). */
const MAX_REMEMBERED_DIFFS = 50_000;

/** A text in force, loaded once: versions in force never change. */
function lawInForce(ctx: ServiceContext, versionId: string, lang: Lang): LawDoc {
  const known = ctx.memo.laws.get(versionId);
  if (known) return known;
  const law = rowsToLaw(ctx.store.provisions.load(versionId), lang);
  ctx.memo.laws.set(versionId, law);
  return law;
}

function diffCacheFor(ctx: ServiceContext, versionId: string): DiffCache {
  let cache = ctx.memo.diffs.get(versionId);
  if (!cache || cache.size > MAX_REMEMBERED_DIFFS) {
    cache = new Map();
    ctx.memo.diffs.set(versionId, cache);
  }
  return cache;
}

/**
 * Derives the amendments of a working draft against the text it amends and stores them, replacing
 * the previous list. Called inside the save's transaction, so the stored draft and its stored
 * amendments never disagree. Annotations are keyed by (package, uid) and are not touched.
 */
export function refreshAmendments(ctx: ServiceContext, draftVersionId: string, baseVersionId: string, draft: LawDoc): Amendment[] {
  const base = lawInForce(ctx, baseVersionId, draft.lang);
  const amendments = derive(base, draft, { onDefect: (m) => ctx.log(`diff defect in ${draftVersionId}: ${m}`) }, diffCacheFor(ctx, draftVersionId));
  ctx.store.amendments.replaceForVersion(draftVersionId, amendments);
  return amendments;
}
