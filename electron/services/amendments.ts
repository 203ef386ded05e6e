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
export function refreshAmendments(ctx: ServiceContext, draftVersionId: string, baseVersionId: string, draft: LawDoc, savedAt: string = ctx.now(), previousSaveAt: string = savedAt): Amendment[] {
  const base = lawInForce(ctx, baseVersionId, draft.lang);
  const amendments = derive(base, draft, { onDefect: (m) => ctx.log(`diff defect in ${draftVersionId}: ${m}`) }, diffCacheFor(ctx, draftVersionId));
  recordRevisions(ctx, draftVersionId, amendments, savedAt, previousSaveAt);
  ctx.store.amendments.replaceForVersion(draftVersionId, amendments);
  return amendments;
}

/**
 * What an amendment proposes, as a string that changes exactly when its proposal does. Of where a
 * unit stands only its parent counts: a neighbour inserted beside it is not a change to it.
 */
function fingerprint(a: Amendment): string {
  const p = a.proposed;
  return JSON.stringify([a.kind, p?.num, p?.heading, p?.text, p?.repealed, a.placement?.parentUid ?? null, a.insertedChildren ?? null]);
}

/**
 * Signs each amendment whose proposal changed in this save with the person at the workbench (the
 * package's authors before anyone has set a name) and the save's time: the author and date its
 * revisions carry in a redline. Amendments that did not change keep who made them. One that was
 * stored before anyone signed amendments (a database from before this record) and has not changed
 * is not claimed by whoever saves next: it gets the package's authors and the previous save's time.
 * Runs before the stored list is replaced, since it reads it.
 */
function recordRevisions(ctx: ServiceContext, draftVersionId: string, amendments: readonly Amendment[], savedAt: string, previousSaveAt: string): void {
  const { store } = ctx;
  const known = store.amendments.revisions(draftVersionId);
  const current = amendments.map((a) => ({ uid: a.uid, fingerprint: fingerprint(a) }));
  const changed = current.filter((r) => known.get(r.uid)?.fingerprint !== r.fingerprint);
  const present = new Set(amendments.map((a) => a.uid));
  const gone = [...known.keys()].filter((uid) => !present.has(uid));
  if (changed.length === 0 && gone.length === 0) return;
  const version = store.versions.get(draftVersionId);
  const authors = version?.packageId ? (store.packages.get(version.packageId)?.authors ?? []) : [];
  const packageAuthors = authors.length ? authors.join(', ') : 'Zan Workbench';
  const author = getIdentity(ctx)?.name ?? packageAuthors;
  const unsigned = changed.some((r) => !known.has(r.uid));
  const stored = unsigned ? new Map(store.amendments.listForVersion(draftVersionId).map((a) => [a.uid, fingerprint(a)])) : new Map<string, string>();
  store.amendments.updateRevisions(
    draftVersionId,
    changed.map((r) => (!known.has(r.uid) && stored.get(r.uid) === r.fingerprint ? { ...r, author: packageAuthors, changedAt: previousSaveAt } : { ...r, author, changedAt: savedAt })),
    gone,
  );
}
