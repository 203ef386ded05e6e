import { derive, type Amendment, type DiffCache } from '../../shared/amend';
import { rowsToLaw, type Lang, type LawDoc } from '../../shared/law';
import { getIdentity } from './audit';
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
 * the previous list, and signs the amendments that changed with the save's time (`savedAt`).
 * Called inside the save's transaction, so the stored draft and its stored amendments never disagree. Annotations are keyed by (package, uid) and are not touched.
 */
export function refreshAmendments(ctx: ServiceContext, draftVersionId: string, baseVersionId: string, draft: LawDoc, savedAt: string = ctx.now()): Amendment[] {
  const base = lawInForce(ctx, baseVersionId, draft.lang);
  const amendments = derive(base, draft, { onDefect: (m) => ctx.log(`diff defect in ${draftVersionId}: ${m}`) }, diffCacheFor(ctx, draftVersionId));
  ctx.store.amendments.replaceForVersion(draftVersionId, amendments);
  recordRevisions(ctx, draftVersionId, amendments, savedAt);
  return amendments;
}

/** What an amendment proposes, as a string that changes exactly when its proposal does. */
function fingerprint(a: Amendment): string {
  const p = a.proposed;
  return JSON.stringify([a.kind, p?.num, p?.heading, p?.text, p?.repealed, a.placement ?? null, a.insertedChildren ?? null]);
}

/**
 * Signs each amendment whose proposal changed in this save with the person at the workbench (the
 * package's authors before anyone has set a name) and the time: the author and date its revisions
 * carry in a redline. Amendments that did not change keep who made them.
 */
function recordRevisions(ctx: ServiceContext, draftVersionId: string, amendments: readonly Amendment[], changedAt: string): void {
  const known = ctx.store.amendments.revisions(draftVersionId);
  const changed = amendments.map((a) => ({ uid: a.uid, fingerprint: fingerprint(a) })).filter((r) => known.get(r.uid)?.fingerprint !== r.fingerprint);
  const present = new Set(amendments.map((a) => a.uid));
  const gone = [...known.keys()].filter((uid) => !present.has(uid));
  if (changed.length === 0 && gone.length === 0) return;
  const version = ctx.store.versions.get(draftVersionId);
  const authors = version?.packageId ? ctx.store.packages.get(version.packageId)?.authors ?? [] : [];
  const author = getIdentity(ctx)?.name ?? (authors.length ? authors.join(', ') : 'Zan Workbench');
  ctx.store.amendments.updateRevisions(draftVersionId, changed.map((r) => ({ ...r, author, changedAt })), gone);
}
