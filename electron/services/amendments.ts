import { AmendmentFormatError, Derivation, DERIVATION_VERSION, indexBase, type Amendment, type DiffCache, type IndexedBase } from '../../shared/amend';
import { rowsToLaw, type Lang, type LawDoc, type ProvisionRow } from '../../shared/law';
import { changeSigner } from './identity';
import { AmendmentRepository, type AmendmentChanges } from '../store/repositories/amendments';
import { canWrite, type LiveDerivation, type ReadContext, type ServiceContext } from './context';

/** Above this many remembered diffs for one draft, the memo starts afresh (it only saves time). */
const MAX_REMEMBERED_DIFFS = 50_000;
/** Drafts whose live derivation is kept between saves (the ones being edited). */
const MAX_LIVE_DERIVATIONS = 4;

/** A text in force, loaded once (from `rows` when the caller has read them): versions in force never change. */
export function lawInForce(ctx: ReadContext, versionId: string, lang: Lang, rows?: readonly ProvisionRow[]): LawDoc {
  const known = ctx.memo.laws.get(versionId);
  if (known) return known;
  const law = rowsToLaw(rows ?? ctx.store.provisions.load(versionId), lang);
  ctx.memo.laws.set(versionId, law);
  return law;
}

/** A text in force indexed for derivations, made once (from lawInForce). */
export function indexInForce(ctx: ReadContext, versionId: string, lang: Lang): IndexedBase {
  let known = ctx.memo.indexes.get(versionId);
  if (!known) {
    known = indexBase(lawInForce(ctx, versionId, lang));
    ctx.memo.indexes.set(versionId, known);
  }
  return known;
}

/** A draft's derivation against the text in force it amends, with the draft's remembered diffs. */
export function deriveDraft(ctx: ReadContext, draftVersionId: string, base: LawDoc | IndexedBase, draft: LawDoc): Derivation {
  return new Derivation(base, draft, { onDefect: (m) => ctx.log(`diff defect in ${draftVersionId}: ${m}`) }, diffCacheFor(ctx, draftVersionId));
}

function diffCacheFor(ctx: ReadContext, versionId: string): DiffCache {
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
export function refreshAmendments(
  ctx: ServiceContext,
  draftVersionId: string,
  baseVersionId: string,
  draft: LawDoc,
  savedAt: string = ctx.now(),
  previousSaveAt: string = savedAt,
  options: { rebuild?: boolean; rows?: Map<string, ProvisionRow>; signedBy?: SignedBy | undefined } = {},
): Amendment[] {
  const derivation = deriveDraft(ctx, draftVersionId, indexInForce(ctx, baseVersionId, draft.lang), draft);
  const amendments = derivation.list();
  storeDerived(ctx, draftVersionId, amendments, (uid) => derivation.sortKey(uid) as number, savedAt, previousSaveAt, options.rebuild === true, options.signedBy);
  // Kept for the next save, at the revision the draft has now (the caller advanced it).
  const revision = ctx.store.versions.get(draftVersionId)?.revision;
  if (revision !== undefined) keepLive(ctx, draftVersionId, { revision, baseVersionId, derivation, ...(options.rows ? { rows: options.rows } : {}) });
  return amendments;
}

/**
 * Stores a draft's amendments as derived, replacing the previous list (only what differs is
 * written), signed (recordRevisions). `sortKey` places each in the law's order. Call inside the
 * save's transaction.
 */
function storeDerived(
  ctx: ServiceContext,
  draftVersionId: string,
  amendments: readonly Amendment[],
  sortKey: (uid: string) => number,
  savedAt: string,
  previousSaveAt: string,
  rebuild = false,
  signedBy?: SignedBy,
): void {
  recordRevisions(ctx, draftVersionId, amendments, savedAt, previousSaveAt, undefined, rebuild, signedBy);
  ctx.store.amendments.replaceForVersion(draftVersionId, amendments, (a) => sortKey(a.uid));
  ctx.store.amendments.setDerivedBy(draftVersionId, DERIVATION_VERSION);
}

/**
 * Stores a draft's amendments from their differences to the stored list, worked out beforehand
 * (AmendmentRepository.changesTo, on the worker thread for a rebase, against the list stored at the
 * draft's current revision): signs and writes only those. Amendments not in `changes` are as
 * stored and signed. Call inside the save's transaction.
 */
export function storeDerivedChanges(ctx: ServiceContext, draftVersionId: string, changes: AmendmentChanges, savedAt: string, previousSaveAt: string): void {
  const scope = [...changes.put.map((p) => p.amendment.uid), ...changes.remove];
  recordRevisions(ctx, draftVersionId, changes.put.map((p) => p.amendment), savedAt, previousSaveAt, scope);
  ctx.store.amendments.applyChanges(draftVersionId, changes);
  ctx.store.amendments.setDerivedBy(draftVersionId, DERIVATION_VERSION);
}

/**
 * The stored amendments of a working draft, the one list every output reads (DESIGN.md). A list
 * made by an older derivation, or one with a row that cannot be read, is derived again from the
 * stored texts first (in a transaction; signatures kept: the texts did not change), so an output
 * never shows a stale or broken list.
 */
export function amendmentsOf(ctx: ReadContext, draftVersionId: string): Amendment[] {
  const { store } = ctx;
  if (store.amendments.derivedBy(draftVersionId) === DERIVATION_VERSION) {
    try {
      return store.amendments.listForVersion(draftVersionId);
    } catch (error) {
      if (!(error instanceof AmendmentFormatError)) throw error;
      ctx.log(`stored amendments of ${draftVersionId} unreadable, derived again: ${error.message}`);
    }
  }
  const version = store.versions.get(draftVersionId);
  if (!version?.baseVersionId) return [];
  const baseVersionId = version.baseVersionId;
  const lang = store.works.getExpression(version.expressionId)?.lang ?? 'ru';
  const draft = rowsToLaw(store.provisions.load(draftVersionId), lang);
  // A reader (a reading worker thread: its store cannot write) derives the list as the writer
  // would store it, and stores nothing: the next save stores it.
  if (!canWrite(ctx)) return deriveDraft(ctx, draftVersionId, indexInForce(ctx, baseVersionId, lang), draft).list();
  return ctx.store.transaction(() => refreshAmendments(ctx, draftVersionId, baseVersionId, draft, version.updatedAt, version.updatedAt, { rebuild: true }));
}

/** What a read gives, or nothing when the stored rows cannot be read (they are being replaced). */
function readable<T>(read: () => T[]): T[] {
  try {
    return read();
  } catch (error) {
    if (error instanceof AmendmentFormatError) return [];
    throw error;
  }
}

/**
 * The live derivation of a draft, if one is kept at exactly this revision and base: then the
 * stored amendments are the derivation's, and a text-only save can update both unit by unit.
 */
export function liveDerivation(ctx: ReadContext, draftVersionId: string, revision: number, baseVersionId: string): LiveDerivation | null {
  const live = ctx.memo.derivations.get(draftVersionId);
  return live && live.revision === revision && live.baseVersionId === baseVersionId ? live : null;
}

/**
 * Prepares the live derivation of a draft being opened, so that its first save is as quick as the
 * next ones: derived afresh, kept only if it is exactly what is stored (the same amendments, signed
 * the same, in the same places); otherwise the first save derives in full, as before. Reads only.
 */
export function warmLive(ctx: ReadContext, draftVersionId: string, baseVersionId: string, revision: number, draft: LawDoc, rows?: Map<string, ProvisionRow>): void {
  if (liveDerivation(ctx, draftVersionId, revision, baseVersionId)) return;
  if (ctx.store.amendments.derivedBy(draftVersionId) !== DERIVATION_VERSION) return;
  const derivation = deriveDraft(ctx, draftVersionId, indexInForce(ctx, baseVersionId, draft.lang), draft);
  const derived = derivation.list();
  const orders = ctx.store.amendments.orders(draftVersionId);
  if (orders.size !== derived.length) return;
  const signed = ctx.store.amendments.revisions(draftVersionId);
  const same = derived.every((a) => orders.get(a.uid) === AmendmentRepository.storedOrder(derivation.sortKey(a.uid) as number) && signed.get(a.uid)?.fingerprint === fingerprint(a));
  if (same) keepLive(ctx, draftVersionId, { revision, baseVersionId, derivation, ...(rows ? { rows } : {}) });
}

/** Forgets a draft's live derivation (a save failed, so it may no longer match the store). */
export function forgetLive(ctx: ReadContext, draftVersionId: string): void {
  ctx.memo.derivations.delete(draftVersionId);
}

function keepLive(ctx: ReadContext, draftVersionId: string, live: LiveDerivation): void {
  const kept = ctx.memo.derivations;
  kept.delete(draftVersionId);
  kept.set(draftVersionId, live);
  // The least recently saved go first.
  while (kept.size > MAX_LIVE_DERIVATIONS) kept.delete(kept.keys().next().value as string);
}

/**
 * After a save that changed only the headings or texts of some units (nothing moved, numbered,
 * added or removed): updates the live derivation with them and stores the amendments of those
 * units alone, signed as refreshAmendments signs them — in time that does not grow with the law.
 * Returns false when a unit is unknown to the derivation; the caller then refreshes in full.
 */
export function refreshTexts(ctx: ServiceContext, draftVersionId: string, live: LiveDerivation, texts: readonly ProvisionRow[], revision: number, baseVersionId: string, savedAt: string, previousSaveAt: string, signedBy?: SignedBy): boolean {
  const { derivation } = live;
  const affected = new Set<string>();
  for (const t of texts) {
    const uid = derivation.updateText(t.uid, t.heading, t.text);
    if (uid === null) return false;
    affected.add(uid);
  }
  const uids = [...affected];
  const amendments = uids.map((uid) => derivation.amendmentOf(uid)).filter((a): a is Amendment => a !== undefined);
  recordRevisions(ctx, draftVersionId, amendments, savedAt, previousSaveAt, uids, false, signedBy);
  for (const uid of uids) ctx.store.amendments.putOne(draftVersionId, uid, derivation.amendmentOf(uid) ?? null, derivation.sortKey(uid));
  // The rows kept with the derivation follow the save (the rows written are these).
  for (const row of texts) live.rows?.set(row.uid, row);
  keepLive(ctx, draftVersionId, { revision, baseVersionId, derivation, ...(live.rows ? { rows: live.rows } : {}) });
  return true;
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
 * Who made a save's change to a unit, and when, where it was not the person at the workbench now:
 * a change brought from the team server is signed with the person who pushed it and the time of
 * their save (by the unit's uid).
 */
export type SignedBy = (uid: string) => { author: string; at?: string } | undefined;

/**
 * Signs each amendment whose proposal changed in this save with the person at the workbench (the
 * package's authors before anyone has set a name; `signedBy`'s name where it gives one) and the
 * save's time: the author and date its revisions carry in a redline. Amendments that did not
 * change keep who made them. One that was stored before anyone signed amendments (a database from
 * before this record) and has not changed is not claimed by whoever saves next: it gets the
 * package's authors and the previous save's time. Runs before the stored list is replaced, since
 * it reads it.
 */
function recordRevisions(ctx: ServiceContext, draftVersionId: string, amendments: readonly Amendment[], savedAt: string, previousSaveAt: string, scope?: readonly string[], rebuild = false, signedBy?: SignedBy): void {
  const { store } = ctx;
  // `scope`: only these units' amendments were re-derived (the others are as stored).
  const known = store.amendments.revisions(draftVersionId, scope);
  const current = amendments.map((a) => ({ uid: a.uid, fingerprint: fingerprint(a) }));
  const changed = current.filter((r) => known.get(r.uid)?.fingerprint !== r.fingerprint);
  const present = new Set(amendments.map((a) => a.uid));
  const gone = [...known.keys()].filter((uid) => !present.has(uid));
  if (changed.length === 0 && gone.length === 0) return;
  const version = store.versions.get(draftVersionId);
  const authors = version?.packageId ? (store.packages.get(version.packageId)?.authors ?? []) : [];
  // Nobody named (the first start was skipped): the change stays unsigned rather than signed by the program.
  const packageAuthors = authors.join(', ');
  const author = changeSigner(ctx, version?.packageId ?? null) ?? packageAuthors;
  const unsigned = changed.some((r) => !known.has(r.uid));
  const storedList = !unsigned ? [] : readable(() => (scope ? scope.flatMap((uid) => store.amendments.getOne(draftVersionId, uid) ?? []) : store.amendments.listForVersion(draftVersionId)));
  const stored = new Map(storedList.map((a) => [a.uid, fingerprint(a)]));
  const signature = (r: { uid: string; fingerprint: string }) => {
    // Derived again (a newer derivation, a broken stored list): the texts did not change, so
    // nobody changed the amendment now; it keeps who made it, or the package's and the last save's.
    if (rebuild) return { ...r, author: known.get(r.uid)?.author ?? packageAuthors, changedAt: known.get(r.uid)?.changedAt ?? previousSaveAt };
    return !known.has(r.uid) && stored.get(r.uid) === r.fingerprint ? { ...r, author: packageAuthors, changedAt: previousSaveAt } : { ...r, author: signedBy?.(r.uid)?.author ?? author, changedAt: signedBy?.(r.uid)?.at ?? savedAt };
  };
  store.amendments.updateRevisions(draftVersionId, changed.map(signature), gone);
}
