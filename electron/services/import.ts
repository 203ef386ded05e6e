import { NO_PACKAGE, record } from './audit/log';
import type { ImportFinding } from '../../shared/import';
import { countByKind, lawToJSON, lawToRows, rowsToLaw, type Lang, type LawDoc, type LawJSON, type ProvisionKind } from '../../shared/law';
import { readLawFile, type ImportFormat, type ReadLaw, type ReadOptions } from '../io/import';
import { StoreError } from '../store/errors';
import type { StagedProvisions } from '../store/repositories/provision-staging';
import { whenWritable, type ServiceContext, type ReadContext } from './context';
import { continueLineage, predecessor, rebaseDrafts, type RebaseOutcome, type RebasePlan } from './import-rebase';

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
    if (!found) throw new StoreError('NOT_FOUND', 'This import is no longer pending: open the file again.', 'import.notPending');
    return found;
  }

  /** Forgets an import once saved. */
  drop(id: string): void {
    this.pending.delete(id);
    this.order = this.order.filter((x) => x !== id);
    this.saving.delete(id);
  }

  private readonly saving = new Set<string>();

  /**
   * Takes a pending import to save it, over several turns of the event loop: until it is saved
   * (drop) or given back (release), a second save of the same import is refused, not done twice.
   */
  claim(id: string): { read: ReadLaw; file: string } {
    const found = this.take(id);
    if (this.saving.has(id)) throw new StoreError('CONFLICT', 'This import is being saved already.', 'import.saving');
    this.saving.add(id);
    return found;
  }

  /** Gives back an import whose save did not happen. */
  release(id: string): void {
    this.saving.delete(id);
  }
}

/**
 * Reads a file as a law and returns what an import would save, without saving anything: the tree,
 * its title and act line, the findings, and the library's laws it may be a new version of.
 */
export function previewImport(ctx: ReadContext, pending: PendingImports, input: { name: string; bytes: Uint8Array; lang?: Lang }): ImportPreview {
  return previewRead(ctx, pending, input.name, readLawFile(input.name, input.bytes, input.lang ? { lang: input.lang } : {}));
}

/** The preview of a file already read (the worker thread reads it; see electron/work/tasks.ts), kept for the save. */
export function previewRead(ctx: ReadContext, pending: PendingImports, name: string, read: ReadLaw): ImportPreview {
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

/** How many rows are staged between two turns of the main process (~5 ms each). */
const STAGE_CHUNK = 800;

/**
 * commitImport as the app runs it, without holding the main process: the new text's rows (a 2–3 MB
 * code: ~9,000) are staged a chunk at a time, `staging.pause` between chunks letting other calls run, then
 * written with the rest in one short transaction — which still checks that the plan holds (the
 * text it continues is still the latest; a draft saved meanwhile is rebased as it is now). Nothing
 * is written before that transaction: a failure or a crash while staging leaves the store as it was.
 */
export async function commitImportStaged(
  ctx: ServiceContext,
  pending: PendingImports,
  input: { importId: string; target: ImportTarget },
  plan: RebasePlan | undefined,
  staging: { pause: () => Promise<void>; chunkRows?: number },
): Promise<ImportResult> {
  const chunk = staging.chunkRows ?? STAGE_CHUNK;
  const { read } = pending.claim(input.importId);
  let staged: StagedProvisions | null = null;
  try {
    refuseErrors(read);
    const rows = input.target.kind === 'new' ? lawToRows(read.law) : plan?.rows;
    if (rows) {
      staged = ctx.store.provisions.stage();
      for (let i = 0; i < rows.length; i += chunk) {
        staged.add(rows.slice(i, i + chunk));
        await staging.pause();
      }
    }
    const result = await whenWritable(ctx, () => saveImport(ctx, read, input.target, plan, staged ?? undefined));
    pending.drop(input.importId);
    return result;
  } catch (error) {
    pending.release(input.importId);
    throw error;
  } finally {
    staged?.close();
  }
}

/** Reads and saves in one step (the command line): a refused file changes nothing. */
export function importLaw(ctx: ServiceContext, input: { name: string; bytes: Uint8Array; target: ImportTarget } & ReadOptions): ImportResult & { read: ReadLaw } {
  const read = readLawFile(input.name, input.bytes, input);
  return { ...saveImport(ctx, read, input.target), read };
}

/** Refuses an import the reader found errors in: such a tree is not saved. Exported for import-pair.ts, which checks both texts before saving either. */
export function refuseErrors(read: ReadLaw): void {
  const errors = read.findings.filter((f) => f.severity === 'error');
  if (errors.length) throw new StoreError('INVALID_INPUT', `The import has ${errors.length} error(s) to fix first: ${errors.map((e) => `${e.where}: ${e.message}`).join('; ')}`, 'import.hasErrors', { count: errors.length, findings: errors.map((e) => `${e.where}: ${e.message}`) });
}

/**
 * The date a new law saved from `read` is in force from (its act's date): the target's when it
 * gives one (null included), else the act line's, else none. Exported for import-pair.ts: the
 * other language's text is in force from the same date.
 */
export function newLawDate(read: ReadLaw, target: Extract<ImportTarget, { kind: 'new' }>): string | null {
  return target.date === undefined ? (read.act?.date ?? null) : target.date;
}

/**
 * Saves an import in one transaction. `staged`: the rows to write, staged beforehand (those of
 * the text read for a new law; those of `plan` for a new version, used only while the plan holds).
 * Exported for import-pair.ts, which saves two texts inside one transaction of its own (the
 * transaction here nests in it: a failure of either rolls both back).
 */
export function saveImport(ctx: ServiceContext, read: ReadLaw, target: ImportTarget, plan?: RebasePlan, staged?: StagedProvisions): ImportResult {
  refuseErrors(read);
  const { store } = ctx;
  const now = ctx.now();
  return store.transaction(() => {
    if (target.kind === 'new') {
      const workId = ctx.newId();
      const title = target.title?.trim() || read.title || 'Imported law';
      const date = newLawDate(read, target);
      const number = target.number === undefined ? (read.act?.number ?? null) : target.number;
      store.works.insertWork({ id: workId, slug: slugFor(title, workId), kind: target.lawKind ?? read.act?.kind ?? 'law', date, number, illustrative: false, modeledOn: null });
      const expressionId = ctx.newId();
      store.works.insertExpression({ id: expressionId, workId, lang: read.lang, title });
      const versionId = ctx.newId();
      store.versions.insert({ id: versionId, expressionId, status: 'in_force', inForceFrom: date, packageId: null, baseVersionId: null, revision: 0, createdAt: now, updatedAt: now });
      if (staged) staged.writeTo(versionId);
      else store.provisions.apply(versionId, { upserts: lawToRows(read.law), deletes: [] });
      record(ctx, NO_PACKAGE, null, 'import', { as: 'new', workId, versionId, lang: read.lang, format: read.format, title });
      return { workId, expressionId, versionId, rebased: [] };
    }
    const work = store.works.listWorks().find((w) => w.id === target.workId);
    if (!work) throw new StoreError('NOT_FOUND', `No law ${target.workId} in the library.`, 'law.notFound', { workId: target.workId });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(target.inForceFrom) || Number.isNaN(Date.parse(target.inForceFrom)) || !new Date(target.inForceFrom).toISOString().startsWith(target.inForceFrom)) throw new StoreError('INVALID_INPUT', 'A new version needs the date it is in force from (YYYY-MM-DD).', 'import.needsDate');
    const found = predecessor(ctx, work.id, read.lang);
    const { expressions } = found;
    let { expression } = found;
    // The new text continues the lineage of the text it replaces (or, in a new language, of another
    // language's text); a plan made against that same text already did it.
    const planned = plan && plan.previousVersionId === (found.previous?.id ?? null) ? plan : undefined;
    let law: LawDoc | null = null;
    if (!planned) {
      law = read.law;
      if (found.previous) continueLineage(rowsToLaw(store.provisions.load(found.previous.id), read.lang), law, expression !== undefined);
    }
    if (!expression) {
      expression = { id: ctx.newId(), workId: work.id, lang: read.lang, title: read.title ?? expressions[0]?.title ?? work.slug };
      store.works.insertExpression(expression);
    }
    const versionId = ctx.newId();
    store.versions.insert({ id: versionId, expressionId: expression.id, status: 'in_force', inForceFrom: target.inForceFrom, packageId: null, baseVersionId: null, revision: 0, createdAt: now, updatedAt: now });
    if (planned && staged) staged.writeTo(versionId);
    else store.provisions.apply(versionId, { upserts: planned ? planned.rows : lawToRows(law as LawDoc), deletes: [] });
    // The new text as a tree, for the drafts the plan does not cover (made only if one needs it).
    const newLaw = () => (law ??= rowsToLaw((planned as RebasePlan).rows, read.lang));
    record(ctx, NO_PACKAGE, null, 'import', { as: 'version', workId: work.id, versionId, lang: read.lang, format: read.format, inForceFrom: target.inForceFrom });
    const rebased = rebaseDrafts(ctx, expression.id, versionId, target.inForceFrom, newLaw, planned?.drafts ?? []);
    return { workId: work.id, expressionId: expression.id, versionId, rebased };
  });
}

/** Laws in the library an import may be a new version of: the same number, or the same title. */
function candidatesFor(ctx: ReadContext, read: ReadLaw): ImportPreview['candidates'] {
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
