import { diffRows, lawToJSON, rowsToLaw, type ProvisionRow } from '../../shared/law';
import type { OpenedDraft, OpenedVersion } from '../../shared/ipc';
import { StoreError } from '../store/errors';
import { indexInForce, lawInForce, warmLive } from './amendments';
import type { ReadContext } from './context';

/**
 * Opens a version: its metadata and its provision tree, rebuilt and validated from the rows.
 * Drafts of a package in status `draft` are editable; texts in force never are.
 */
export function openVersion(ctx: ReadContext, versionId: string): OpenedVersion {
  const { meta, lang } = versionMeta(ctx, versionId);
  return { ...meta, law: lawToJSON(rowsToLaw(ctx.store.provisions.load(versionId), lang)) };
}

/** A version's metadata, without its text. */
function versionMeta({ store }: ReadContext, versionId: string): { meta: Omit<OpenedVersion, 'law'>; lang: OpenedVersion['lang'] } {
  const version = store.versions.get(versionId);
  if (!version) throw new StoreError('NOT_FOUND', `No version ${versionId}.`, 'version.notFound', { versionId });
  const expression = store.works.getExpression(version.expressionId);
  if (!expression) throw new StoreError('NOT_FOUND', `No expression ${version.expressionId}.`, 'text.notFound', { expressionId: version.expressionId });
  const work = store.works.listWorks().find((w) => w.id === expression.workId);
  const pkg = version.packageId ? store.packages.get(version.packageId) : undefined;
  const meta = {
    versionId: version.id,
    status: version.status,
    revision: version.revision,
    updatedAt: version.updatedAt,
    lang: expression.lang,
    title: expression.title,
    workSlug: work?.slug ?? '',
    inForceFrom: version.inForceFrom,
    packageId: version.packageId,
    packageTitle: pkg?.title ?? null,
    baseVersionId: version.baseVersionId,
    editable: version.status === 'draft' && pkg?.status === 'draft',
  };
  return { meta, lang: expression.lang };
}

/**
 * Opens a working draft with the text in force it amends, for the editor: the base law in full and
 * the draft as the rows that differ from the base's, so that a big law crosses the bridge once.
 */
export function openDraft(ctx: ReadContext, versionId: string): OpenedDraft {
  const { meta, lang } = versionMeta(ctx, versionId);
  if (meta.status !== 'draft' || !meta.baseVersionId) throw new StoreError('NOT_EDITABLE', 'Only a working draft of a package opens with its base.', 'draft.notWorking');
  const baseRows = ctx.store.provisions.load(meta.baseVersionId);
  const base = rowsToLaw(baseRows, lang);
  const draftRows = ctx.store.provisions.load(versionId);
  return { version: meta, base: lawToJSON(base), changes: diffRows(baseRows, draftRows) };
}

/**
 * Prepares an opened draft's first save, so that it is as quick as the next ones (the live
 * derivation, see amendments.ts). Runs in the main process, which saves, after the draft has been
 * sent (openDraft itself runs in the worker thread); nothing happens for a draft that is not editable.
 */
export function prepareDraftSave(ctx: ReadContext, versionId: string): void {
  for (const _ of prepareDraftSaveSteps(ctx, versionId));
}

/** How many rows one step of prepareDraftSaveSteps reads (~7 ms of a code's 9,000). */
const LOAD_STEP_ROWS = 2500;

/**
 * prepareDraftSave in steps of at most a few tens of milliseconds on a code (read the base a page
 * of rows at a time, build it, index it, read the draft likewise, build it, derive), so that the
 * main process can answer calls between them. If the draft is saved meanwhile, the save has
 * prepared the next one itself and this one stops. `pageRows`: rows read per step.
 */
export function* prepareDraftSaveSteps(ctx: ReadContext, versionId: string, pageRows = LOAD_STEP_ROWS): Generator<void, void, void> {
  const { meta, lang } = versionMeta(ctx, versionId);
  const baseVersionId = meta.baseVersionId;
  if (!meta.editable || !baseVersionId) return;
  if (!ctx.memo.laws.has(baseVersionId)) {
    const baseRows = yield* loadInSteps(ctx, baseVersionId, pageRows);
    lawInForce(ctx, baseVersionId, lang, baseRows);
    yield;
  }
  if (!ctx.memo.indexes.has(baseVersionId)) {
    indexInForce(ctx, baseVersionId, lang);
    yield;
  }
  const rows = yield* loadInSteps(ctx, versionId, pageRows);
  const draft = rowsToLaw(rows, lang);
  yield;
  // Saved since the rows were read (or while they were): they are not the draft any more.
  if (ctx.store.versions.get(versionId)?.revision !== meta.revision) return;
  warmLive(ctx, versionId, baseVersionId, meta.revision, draft, new Map(rows.map((r) => [r.uid, r])));
}


/** All rows of a version, read a page per step (yields between pages; what changes meanwhile is the caller's to notice). */
export function* loadInSteps(ctx: ReadContext, versionId: string, pageRows = LOAD_STEP_ROWS): Generator<void, ProvisionRow[], void> {
  const rows: ProvisionRow[] = [];
  for (let after: string | null = null; ; ) {
    const page = ctx.store.provisions.page(versionId, after, pageRows);
    for (const row of page) rows.push(row);
    yield;
    if (page.length < pageRows) return rows;
    after = (page[page.length - 1] as ProvisionRow).uid;
  }
}
