import { align, rebase, RebaseError, type RebaseConflict } from '../../shared/amend';
import { indexTree } from '../../shared/amend/tree-index';
import type { ImportFinding } from '../../shared/import';
import { countByKind, diffRows, lawToJSON, lawToRows, rowsToLaw, walkProvisions, type Lang, type LawDoc, type LawJSON, type ProvisionKind } from '../../shared/law';
import { readLawFile, type ImportFormat, type ReadLaw, type ReadOptions } from '../io/import';
import { StoreError } from '../store/errors';
import type { PackageRecord } from '../store/repositories/packages';
import type { VersionRecord } from '../store/repositories/versions';
import { refreshAmendments } from './amendments';
import { audit } from './audit';
import { getIdentity } from './identity';
import type { ServiceContext } from './context';

/** What the user sees before saving an import: the detected tree and what the importer was unsure about. */
export interface ImportPreview {
  importId: string;
  file: string;
  format: ImportFormat;
  lang: Lang;
  title: string | null;
  act: ReadLaw['act'];
  law: LawJSON;
  counts: Record<ProvisionKind, number>;
  findings: ImportFinding[];
  /** False while any finding is an error: such a tree is not saved. */
  canSave: boolean;
  /** Laws in the library this may be a new version of (same number, or same title). */
  candidates: { workId: string; slug: string; title: string; date: string | null; number: string | null; hasLang: boolean }[];
}

/**
 * Where an import goes: a new law, or a new version (in force from a date) of a law in the library.
 * For a new law, what is not given is taken from the file (its title, and its act line's kind, date and number).
 */
export type ImportTarget =
  | { kind: 'new'; title?: string; lawKind?: 'law' | 'code'; date?: string | null; number?: string | null }
  | { kind: 'version'; workId: string; inForceFrom: string };

/** A draft moved to the new text in force, or left where it was and why. */
export type RebaseOutcome =
  | { packageId: string; packageTitle: string; versionId: string; carried: number; conflicts: number }
  | { packageId: string; packageTitle: string; versionId: string; error: string };

/** What an import saved. */
export interface ImportResult {
  workId: string;
  expressionId: string;
  versionId: string;
  rebased: RebaseOutcome[];
}

/** Imports read but not yet saved, in the main process, for the preview → save step. */
export class PendingImports {
  private readonly pending = new Map<string, { read: ReadLaw; file: string }>();
  private order: string[] = [];

  /** Keeps a read import; the oldest are forgotten beyond a few (each holds a whole law). */
  add(id: string, file: string, read: ReadLaw): void {
    this.pending.set(id, { read, file });
    this.order.push(id);
    while (this.order.length > 4) this.pending.delete(this.order.shift()!);
  }

  /** A pending import, or a clear error when it is gone. */
  take(id: string): { read: ReadLaw; file: string } {
    const found = this.pending.get(id);
    if (!found) throw new StoreError('NOT_FOUND', 'This import is no longer pending: open the file again.');
    return found;
  }

  /** Forgets an import once saved. */
  drop(id: string): void {
    this.pending.delete(id);
    this.order = this.order.filter((x) => x !== id);
  }
}

/**
 * Reads a file as a law and returns what an import would save, without saving anything: the tree,
 * its title and act line, the findings, and the library's laws it may be a new version of.
 */
export function previewImport(ctx: ServiceContext, pending: PendingImports, input: { name: string; bytes: Uint8Array; lang?: Lang }): ImportPreview {
  return previewRead(ctx, pending, input.name, readLawFile(input.name, input.bytes, input.lang ? { lang: input.lang } : {}));
}

/** The preview of a file already read (the worker thread reads it; see electron/work/tasks.ts), kept for the save. */
export function previewRead(ctx: ServiceContext, pending: PendingImports, name: string, read: ReadLaw): ImportPreview {
  const importId = ctx.newId();
  pending.add(importId, name, read);
  return {
    importId,
    file: name,
    format: read.format,
    lang: read.lang,
    title: read.title,
    act: read.act,
    law: lawToJSON(read.law),
    counts: countByKind(read.law),
    findings: read.findings,
    canSave: !read.findings.some((f) => f.severity === 'error'),
    candidates: candidatesFor(ctx, read),
  };
}

/**
 * Saves a previewed import where the user said, all in one transaction. `plan` is the work of a new
 * version worked out beforehand (planRebase, on the worker thread): what still matches the store is
 * used as it is, the rest is worked out here.
 */
export function commitImport(ctx: ServiceContext, pending: PendingImports, input: { importId: string; target: ImportTarget }, plan?: RebasePlan): ImportResult {
  const { read } = pending.take(input.importId);
  const result = saveImport(ctx, read, input.target, plan);
  pending.drop(input.importId);
  return result;
}

/** One working draft moved onto the new text, worked out from the draft as it was at `revision`. */
export interface PlannedRebase {
  draftId: string;
  baseVersionId: string;
  /** The draft's revision when planned (every save and rebase advances it). */
  revision: number;
  outcome: { merged: LawDoc; carried: number; conflicts: RebaseConflict[] } | { error: string };
}

/** The long part of saving a new version, worked out from the store without writing: lineage and rebases. */
export interface RebasePlan {
  /** The text in force the new one continues (null: none); the plan holds only while it is the latest. */
  previousVersionId: string | null;
  /** The new text with the uids of the units it continues. */
  law: LawDoc;
  drafts: PlannedRebase[];
}

/**
 * Works out what saving `law` as a new version of work `workId` (in force from `inForceFrom`)
 * would do to the library's texts, reading only: the lineage of its units and the rebase of every
 * working draft of the text it replaces. Runs on the worker thread (electron/work/tasks.ts).
 */
export function planRebase(ctx: ServiceContext, workId: string, read: LawDoc, inForceFrom: string): RebasePlan {
  // The plan's own copy: the lineage is written into it, and the text read stays as it was read.
  const law = structuredClone(read);
  const { expression, previous } = predecessor(ctx, workId, law.lang);
  if (previous) continueLineage(rowsToLaw(ctx.store.provisions.load(previous.id), law.lang), law, expression !== undefined);
  const drafts = expression ? rebasableDrafts(ctx, expression.id, inForceFrom).map((d) => ({ draftId: d.draft.id, baseVersionId: d.base.id, revision: d.draft.revision, outcome: rebaseOne(ctx, d.base.id, d.draft.id, law) })) : [];
  return { previousVersionId: previous?.id ?? null, law, drafts };
}

/** The text a new version in `lang` continues: the latest in force of that language, else of another. */
function predecessor(ctx: ServiceContext, workId: string, lang: Lang) {
  const { store } = ctx;
  const expressions = store.works.listExpressions().filter((e) => e.workId === workId);
  const expression = expressions.find((e) => e.lang === lang);
  const latestOf = (expressionId: string) => store.versions.listInForce().find((v) => v.expressionId === expressionId);
  const previous = expression ? latestOf(expression.id) : expressions.map((e) => latestOf(e.id)).find(Boolean);
  return { expressions, expression, previous };
}

/** The working drafts of an expression that a new text in force from `inForceFrom` moves (packages being drafted or reviewed, on an older text). */
function rebasableDrafts(ctx: ServiceContext, expressionId: string, inForceFrom: string) {
  const { store } = ctx;
  const out: { draft: VersionRecord; base: VersionRecord; pkg: PackageRecord }[] = [];
  for (const draft of store.versions.draftsOf(expressionId)) {
    const pkg = draft.packageId ? store.packages.get(draft.packageId) : undefined;
    const base = draft.baseVersionId ? store.versions.get(draft.baseVersionId) : undefined;
    if (!pkg || !base || (pkg.status !== 'draft' && pkg.status !== 'review')) continue;
    if (base.inForceFrom && base.inForceFrom >= inForceFrom) continue; // the draft is already on a text as new
    out.push({ draft, base, pkg });
  }
  return out;
}

/** Rebases one draft onto the new text, or says why it cannot be. */
function rebaseOne(ctx: ServiceContext, baseVersionId: string, draftId: string, newLaw: LawDoc): PlannedRebase['outcome'] {
  const lang = newLaw.lang;
  try {
    return rebase(rowsToLaw(ctx.store.provisions.load(baseVersionId), lang), newLaw, rowsToLaw(ctx.store.provisions.load(draftId), lang));
  } catch (error) {
    if (!(error instanceof RebaseError)) throw error;
    return { error: error.message };
  }
}

/** Reads and saves in one step (the command line): a refused file changes nothing. */
export function importLaw(ctx: ServiceContext, input: { name: string; bytes: Uint8Array; target: ImportTarget } & ReadOptions): ImportResult & { read: ReadLaw } {
  const read = readLawFile(input.name, input.bytes, input);
  return { ...saveImport(ctx, read, input.target), read };
}

function saveImport(ctx: ServiceContext, read: ReadLaw, target: ImportTarget, plan?: RebasePlan): ImportResult {
  const errors = read.findings.filter((f) => f.severity === 'error');
  if (errors.length) throw new StoreError('INVALID_INPUT', `The import has ${errors.length} error(s) to fix first: ${errors.map((e) => `${e.where}: ${e.message}`).join('; ')}`);
  const { store } = ctx;
  const now = ctx.now();
  return store.transaction(() => {
    if (target.kind === 'new') {
      const workId = ctx.newId();
      const title = target.title?.trim() || read.title || 'Imported law';
      const date = target.date === undefined ? (read.act?.date ?? null) : target.date;
      const number = target.number === undefined ? (read.act?.number ?? null) : target.number;
      store.works.insertWork({ id: workId, slug: slugFor(title, workId), kind: target.lawKind ?? read.act?.kind ?? 'law', date, number, illustrative: false, modeledOn: null });
      const expressionId = ctx.newId();
      store.works.insertExpression({ id: expressionId, workId, lang: read.lang, title });
      const versionId = ctx.newId();
      store.versions.insert({ id: versionId, expressionId, status: 'in_force', inForceFrom: date, packageId: null, baseVersionId: null, revision: 0, createdAt: now, updatedAt: now });
      store.provisions.apply(versionId, { upserts: lawToRows(read.law), deletes: [] });
      return { workId, expressionId, versionId, rebased: [] };
    }
    const work = store.works.listWorks().find((w) => w.id === target.workId);
    if (!work) throw new StoreError('NOT_FOUND', `No law ${target.workId} in the library.`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(target.inForceFrom) || Number.isNaN(Date.parse(target.inForceFrom)) || !new Date(target.inForceFrom).toISOString().startsWith(target.inForceFrom)) throw new StoreError('INVALID_INPUT', 'A new version needs the date it is in force from (YYYY-MM-DD).');
    const found = predecessor(ctx, work.id, read.lang);
    const { expressions } = found;
    let { expression } = found;
    // The new text continues the lineage of the text it replaces (or, in a new language, of another
    // language's text); a plan made against that same text already did it.
    const planned = plan && plan.previousVersionId === (found.previous?.id ?? null) ? plan : undefined;
    const law = planned ? planned.law : read.law;
    if (!planned && found.previous) continueLineage(rowsToLaw(store.provisions.load(found.previous.id), read.lang), law, expression !== undefined);
    if (!expression) {
      expression = { id: ctx.newId(), workId: work.id, lang: read.lang, title: read.title ?? expressions[0]?.title ?? work.slug };
      store.works.insertExpression(expression);
    }
    const versionId = ctx.newId();
    store.versions.insert({ id: versionId, expressionId: expression.id, status: 'in_force', inForceFrom: target.inForceFrom, packageId: null, baseVersionId: null, revision: 0, createdAt: now, updatedAt: now });
    store.provisions.apply(versionId, { upserts: lawToRows(law), deletes: [] });
    const rebased = rebaseDrafts(ctx, expression.id, versionId, target.inForceFrom, law, planned?.drafts ?? []);
    return { workId: work.id, expressionId: expression.id, versionId, rebased };
  });
}

/**
 * Gives the new text's units the uids of the units they continue in the old one (same uid chain:
 * the address, else the wording), so drafts, annotations and comparisons follow them. Across
 * languages only the address counts (wording differs by definition).
 */
function continueLineage(old: LawDoc, next: LawDoc, sameLanguage: boolean): void {
  if (sameLanguage) {
    const { pairs } = align(indexTree(old), indexTree(next));
    walkProvisions(next.body, (u) => void (u.uid = pairs.get(u.uid) ?? u.uid));
    return;
  }
  const byEId = new Map<string, string>();
  walkProvisions(old.body, (u) => void byEId.set(`${u.kind}|${u.eId}`, u.uid));
  walkProvisions(next.body, (u) => void (u.uid = byEId.get(`${u.kind}|${u.eId}`) ?? u.uid));
}

/**
 * Moves every working draft on an earlier text of this expression onto the new one (packages
 * still being drafted or reviewed). A draft that cannot be moved stays where it was, with the
 * reason. A planned rebase is used when the draft and its base are still as the plan read them.
 */
function rebaseDrafts(ctx: ServiceContext, expressionId: string, newVersionId: string, inForceFrom: string, newLaw: LawDoc, planned: readonly PlannedRebase[]): RebaseOutcome[] {
  const { store } = ctx;
  const outcomes: RebaseOutcome[] = [];
  const plans = new Map(planned.map((p) => [p.draftId, p]));
  for (const { draft, base, pkg } of rebasableDrafts(ctx, expressionId, inForceFrom)) {
    const plan = plans.get(draft.id);
    const outcome = plan && plan.revision === draft.revision && plan.baseVersionId === base.id ? plan.outcome : rebaseOne(ctx, base.id, draft.id, newLaw);
    const who = { packageId: pkg.id, packageTitle: pkg.title, versionId: draft.id };
    if ('error' in outcome) {
      outcomes.push({ ...who, error: outcome.error });
      continue;
    }
    const now = ctx.now();
    store.provisions.apply(draft.id, diffRows(store.provisions.load(draft.id), lawToRows(outcome.merged)));
    store.versions.rebaseTo(draft.id, newVersionId, now);
    ctx.memo.diffs.delete(draft.id);
    refreshAmendments(ctx, draft.id, newVersionId, outcome.merged, now, draft.updatedAt);
    for (const c of outcome.conflicts) store.conflicts.add(ctx.newId(), pkg.id, draft.id, c, now);
    if (getIdentity(ctx)) audit(ctx, pkg.id, null, 'rebase', { versionId: draft.id, onto: newVersionId, carried: outcome.carried, conflicts: outcome.conflicts.length });
    outcomes.push({ ...who, carried: outcome.carried, conflicts: outcome.conflicts.length });
  }
  return outcomes;
}

/** Laws in the library an import may be a new version of: the same number, or the same title. */
function candidatesFor(ctx: ServiceContext, read: ReadLaw): ImportPreview['candidates'] {
  const norm = (s: string) => s.toLowerCase().replace(/\s*\([^)]*\)\s*$/, '').replace(/[«»"„“]/g, '').trim();
  const title = read.title ? norm(read.title) : null;
  const expressions = ctx.store.works.listExpressions();
  return ctx.store.works
    .listWorks()
    .map((w) => ({ w, mine: expressions.filter((e) => e.workId === w.id) }))
    .filter(({ w, mine }) => (read.act?.number && w.number === read.act.number) || (title && mine.some((e) => norm(e.title) === title)))
    .map(({ w, mine }) => ({ workId: w.id, slug: w.slug, title: (mine.find((e) => e.lang === read.lang) ?? mine[0])?.title ?? w.slug, date: w.date, number: w.number, hasLang: mine.some((e) => e.lang === read.lang) }));
}

/** A readable, unique slug: the title's Latin letters and digits (if any), and part of the id. */
function slugFor(title: string, id: string): string {
  const ascii = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
  return `${ascii || 'law'}-${id.slice(0, 8)}`;
}
