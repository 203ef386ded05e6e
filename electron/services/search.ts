import { structuralLabel, type PathStep } from '../../shared/amend';
import type { Lang, ProvisionRow, RowChanges } from '../../shared/law';
import { findTerms, indexQuery, queryStems } from '../../shared/search/terms';
import type { VersionRecord } from '../store/repositories/versions';
import type { ServiceContext, ReadContext } from './context';
import { loadInSteps } from './versions';

/**
 * Full-text search over the library (DESIGN.md, "Search"). The index (migration 009) holds every
 * unit of every text in force, and of each draft only the units whose heading or text differ from
 * its base: a draft is mostly its base, and indexing each copy would multiply the index by the
 * number of packages. It is brought up to date in steps (`searchIndexSteps`, after an import or on
 * start) and kept current by every save of a draft (`updateDraftSearch`, in the save's
 * transaction). A search asks the index for the units holding every stem of the query, then
 * checks each against the stored text (`findTerms`): the index narrows, the text decides.
 */

/** What the index holds of a unit: its heading and its text. */
const bodyOf = (row: Pick<ProvisionRow, 'heading' | 'text'>) => (row.heading ? `${row.heading}\n${row.text}` : row.text);

/** Every version the index covers: the texts in force and the drafts of packages. */
function indexedVersions(ctx: ReadContext): VersionRecord[] {
  const { store } = ctx;
  const out: VersionRecord[] = [...store.versions.listInForce()];
  for (const e of store.works.listExpressions()) out.push(...store.versions.draftsOf(e.id));
  return out;
}

/** Whether the index is current with a version (its revision, and for a draft its base). */
function isCurrent(ctx: ReadContext, v: VersionRecord): boolean {
  const state = ctx.store.search.stateOf(v.id);
  return state !== undefined && state.revision === v.revision && state.baseVersionId === v.baseVersionId;
}

/** Rows differ for search when what is indexed of them does. */
const sameText = (a: Pick<ProvisionRow, 'heading' | 'text'>, b: Pick<ProvisionRow, 'heading' | 'text'>) => a.heading === b.heading && a.text === b.text;

/**
 * Brings the index up to date with every version, a few hundred units per step (each its own
 * short transaction), so that the main process answers other calls between steps. A version saved
 * while it is being indexed is indexed again at the next run.
 */
export function* searchIndexSteps(ctx: ServiceContext, rowsPerStep = 500): Generator<void, void, void> {
  for (const v of indexedVersions(ctx)) {
    if (isCurrent(ctx, v)) continue;
    yield* indexVersion(ctx, v, rowsPerStep);
  }
}

/** Whether some version is not yet indexed as it is now. */
export function searchIndexPending(ctx: ReadContext): boolean {
  return indexedVersions(ctx).some((v) => !isCurrent(ctx, v));
}

function* indexVersion(ctx: ServiceContext, v: VersionRecord, rowsPerStep: number): Generator<void, void, void> {
  const { store } = ctx;
  let rows = yield* loadInSteps(ctx, v.id);
  if (v.status === 'draft' && v.baseVersionId) {
    const base = new Map((yield* loadInSteps(ctx, v.baseVersionId)).map((r) => [r.uid, r]));
    rows = rows.filter((r) => {
      const b = base.get(r.uid);
      return !b || !sameText(b, r);
    });
    yield;
  }
  // In the law's order, so that the index gives a search's first hits first.
  const order = documentOrder(store.provisions.outline(v.id));
  yield;
  rows.sort((a, b) => (order.get(a.uid) ?? 0) - (order.get(b.uid) ?? 0));
  store.transaction(() => store.search.removeVersion(v.id));
  yield;
  for (let i = 0; i < rows.length; i += rowsPerStep) {
    const chunk = rows.slice(i, i + rowsPerStep);
    store.transaction(() => {
      for (const r of chunk) if (r.heading || r.text) store.search.put(v.id, r.uid, bodyOf(r));
    });
    yield;
  }
  // Saved meanwhile: what was read is not the version any more; the next run indexes it again.
  const now = store.versions.get(v.id);
  if (now && now.revision === v.revision && now.baseVersionId === v.baseVersionId) store.search.setState({ versionId: v.id, revision: v.revision, baseVersionId: v.baseVersionId });
}

/**
 * Keeps the index current with a save of a draft: the saved units are indexed if they differ from
 * the base, taken out if they are the base's again or deleted. Call inside the save's transaction,
 * with the draft as it was before the save and the revision the save gives it. A draft the index
 * is not current with is left to the next indexing run.
 */
export function updateDraftSearch(ctx: ServiceContext, before: VersionRecord, changes: RowChanges, revision: number): void {
  const { store } = ctx;
  if (!isCurrent(ctx, before)) return;
  const base = before.baseVersionId ? store.provisions.rows(before.baseVersionId, changes.upserts.map((r) => r.uid)) : new Map<string, ProvisionRow>();
  for (const uid of changes.deletes) store.search.remove(before.id, uid);
  for (const row of changes.upserts) {
    const b = base.get(row.uid);
    if ((b && sameText(b, row)) || (!row.heading && !row.text)) store.search.remove(before.id, row.uid);
    else store.search.put(before.id, row.uid, bodyOf(row));
  }
  store.search.setState({ versionId: before.id, revision, baseVersionId: before.baseVersionId });
}

/** One unit found. */
export interface SearchHit {
  versionId: string;
  uid: string;
  /** The law's title in the version's language, and that language. */
  title: string;
  lang: Lang;
  /** A text in force, or a draft of a package (then its title). */
  status: 'in_force' | 'draft';
  packageId: string | null;
  packageTitle: string | null;
  /** Where the unit is, as a drafter names it: "Статья 5, пункт 2". */
  label: string;
  heading: string;
  text: string;
  /** The matches: in the heading or the text, as character ranges. */
  matches: { field: 'heading' | 'text'; start: number; end: number }[];
}

/** What a search gives: hits in the law's order, grouped by version; whether there were more; whether the index is still catching up. */
export interface SearchResult {
  hits: SearchHit[];
  total: number;
  truncated: boolean;
  indexing: boolean;
}

/** How many units the index may offer for one search before they are checked. */
const CANDIDATES = 20_000;

/**
 * Searches the library (or the versions given: a law's text, a draft — then the draft's units that
 * are its base's are searched in the base). Every stem of the query must begin a word of a unit's
 * heading or text, in order (see shared/search/terms.ts). At most `limit` hits, the first in the
 * law's order; `truncated` when there are more (then `total` counts the hits found, not all).
 */
export function searchLibrary(ctx: ReadContext, query: string, options: { versionIds?: readonly string[]; limit?: number } = {}): SearchResult {
  const { store } = ctx;
  const limit = options.limit ?? 200;
  const stems = queryStems(query);
  const fts = indexQuery(stems);
  const indexing = searchIndexPending(ctx);
  if (!fts) return { hits: [], total: 0, truncated: false, indexing };
  const scope = options.versionIds ? new Set(options.versionIds) : null;
  // The units holding every stem, checked as the index gives them (in the law's order: see
  // indexVersion) until there are more than `limit`; a draft in scope is searched in its own units
  // and, for the others, in its base's (those it still has).
  const bases = new Set<string>();
  for (const versionId of scope ?? []) {
    const base = store.versions.get(versionId);
    if (base?.status === 'draft' && base.baseVersionId) bases.add(base.baseVersionId);
  }
  const byVersion = new Map<string, Checked[]>();
  let kept = 0;
  for (const c of store.search.matchRows(fts, CANDIDATES)) {
    if (scope && !scope.has(c.versionId) && !bases.has(c.versionId)) continue;
    const matches = matchesIn(c, stems);
    if (matches.length === 0) continue;
    byVersion.set(c.versionId, [...(byVersion.get(c.versionId) ?? []), { ...c, matches }]);
    if (++kept > limit) break;
  }
  const wanted = new Map<string, Checked[]>();
  for (const [versionId, rows] of byVersion) if (!scope || scope.has(versionId)) wanted.set(versionId, rows);
  for (const versionId of scope ?? []) {
    const v = store.versions.get(versionId);
    if (v?.status !== 'draft' || !v.baseVersionId) continue;
    const fromBase = (byVersion.get(v.baseVersionId) ?? []).filter((r) => !store.search.has(versionId, r.uid));
    const still = store.provisions.rows(versionId, fromBase.map((r) => r.uid));
    wanted.set(versionId, [...(wanted.get(versionId) ?? []), ...fromBase.filter((r) => still.has(r.uid))]);
  }
  const hits: SearchHit[] = [];
  let total = 0;
  for (const [versionId, rows] of wanted) {
    const v = store.versions.get(versionId);
    if (!v) continue;
    const expression = store.works.getExpression(v.expressionId);
    const lang = (expression?.lang ?? 'ru') as Lang;
    const pkg = v.packageId ? store.packages.get(v.packageId) : undefined;
    const found: SearchHit[] = rows.map((row) => ({ versionId, uid: row.uid, title: expression?.title ?? '', lang, status: v.status, packageId: v.packageId, packageTitle: pkg?.title ?? null, label: '', heading: row.heading, text: row.text, matches: row.matches }));
    if (found.length === 0) continue;
    total += found.length;
    const places = placesOf(ctx, v);
    found.sort((a, b) => places.order(a.uid) - places.order(b.uid));
    for (const hit of found) hit.label = structuralLabel(places.path(hit.uid), lang);
    hits.push(...found);
  }
  hits.sort((a, b) => (a.title === b.title ? 0 : a.title < b.title ? -1 : 1) || (a.status === b.status ? 0 : a.status === 'in_force' ? -1 : 1) || (a.versionId === b.versionId ? 0 : a.versionId < b.versionId ? -1 : 1));
  return { hits: hits.slice(0, limit), total, truncated: total > limit, indexing };
}

/** A unit the index offered, with where the query matches in it. */
type Checked = { uid: string; heading: string; text: string; matches: SearchHit['matches'] };

/** Where a query's stems match in a unit's heading and text (none: the index's candidate is not a hit). */
function matchesIn(row: { heading: string; text: string }, stems: readonly string[]): SearchHit['matches'] {
  return [...findTerms(row.heading, stems).map((m) => ({ field: 'heading' as const, ...m })), ...findTerms(row.text, stems).map((m) => ({ field: 'text' as const, ...m }))];
}

/** The places of the units of the versions searched lately (a version at a revision never changes). */
const placesMemo = new Map<string, { path(uid: string): PathStep[]; order(uid: string): number }>();

/** Where each unit of a version stands: its address and its place in the law's order. */
function placesOf(ctx: ReadContext, v: VersionRecord): { path(uid: string): PathStep[]; order(uid: string): number } {
  const key = `${ctx.store.file ?? ':memory:'}|${v.id}|${v.revision}`;
  const known = placesMemo.get(key);
  if (known) return known;
  const made = makePlaces(ctx, v.id);
  placesMemo.set(key, made);
  while (placesMemo.size > 16) placesMemo.delete(placesMemo.keys().next().value as string);
  return made;
}

/** Each unit's place in the law's order (depth first), from the version's shape. */
function documentOrder(rows: readonly OutlineRow[]): Map<string, number> {
  const children = new Map<string | null, OutlineRow[]>();
  for (const r of rows) {
    const list = children.get(r.parentUid);
    if (list) list.push(r);
    else children.set(r.parentUid, [r]);
  }
  const order = new Map<string, number>();
  const walk = (parent: string | null) => {
    for (const r of (children.get(parent) ?? []).sort((a, b) => a.ord - b.ord)) {
      order.set(r.uid, order.size);
      walk(r.uid);
    }
  };
  walk(null);
  return order;
}

type OutlineRow = ReturnType<ServiceContext['store']['provisions']['outline']>[number];

function makePlaces(ctx: ReadContext, versionId: string): { path(uid: string): PathStep[]; order(uid: string): number } {
  const rows = ctx.store.provisions.outline(versionId);
  const byUid = new Map(rows.map((r) => [r.uid, r]));
  const order = documentOrder(rows);
  return {
    path(uid) {
      const steps: PathStep[] = [];
      // An unnumbered part (an article's opening line, a line of text) is not named in an address.
      for (let at = byUid.get(uid); at; at = at.parentUid ? byUid.get(at.parentUid) : undefined) if (at.kind !== 'part' || at.num) steps.unshift({ kind: at.kind, num: at.num });
      return steps;
    },
    order: (uid) => order.get(uid) ?? Number.MAX_SAFE_INTEGER,
  };
}
