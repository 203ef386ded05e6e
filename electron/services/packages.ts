import { record } from './audit/log';
import { DERIVATION_VERSION } from '../../shared/amend';
import type { PackageSummary } from '../../shared/ipc';
import { StoreError } from '../store/errors';
import type { PackageRecord } from '../store/repositories/packages';
import { getIdentity } from './identity';
import type { ServiceContext, ReadContext } from './context';

/** A package with its working drafts. */
export function getPackage(ctx: ReadContext, packageId: string): PackageSummary {
  const pkg = ctx.store.packages.get(packageId);
  if (!pkg) throw new StoreError('NOT_FOUND', `No package ${packageId}.`, 'package.notFound', { packageId });
  return summarize(ctx, pkg);
}

/** Every package, most recently changed first. */
export function listPackages(ctx: ReadContext): PackageSummary[] {
  return ctx.store.packages.list().map((p) => summarize(ctx, p));
}

/**
 * Starts a draft amending law that amends the given versions in force: the package and, for each
 * law text, a working draft that begins as a copy of it with the same uids (the lineage that
 * amendments are derived along). All or nothing, in one transaction.
 */
export function createPackage(ctx: ServiceContext, input: { title: string; baseVersionIds: string[]; author?: string | undefined }): PackageSummary {
  const { store } = ctx;
  const now = ctx.now();
  // Who drafts it: named in the dialog, else the name set in the app; its changes are signed with it.
  const author = input.author?.trim() || getIdentity(ctx)?.name;
  const pkg: PackageRecord = { id: ctx.newId(), title: input.title.trim(), status: 'draft', authors: author ? [author] : [], createdAt: now, updatedAt: now };
  store.transaction(() => {
    store.packages.insert(pkg);
    const seen = new Set<string>();
    for (const baseId of input.baseVersionIds) startDraft(ctx, pkg.id, baseId, seen, now);
    record(ctx, pkg.id, null, 'create-package', { title: pkg.title, authors: pkg.authors, bases: input.baseVersionIds });
  });
  return summarize(ctx, pkg);
}

/**
 * Adds a law text in force to a package still being drafted: a working draft that begins as a copy
 * of it, like those createPackage starts (a draft amending law often amends several laws, and is
 * rarely planned whole on its first day). `also`: more texts in force added with it, in the same
 * transaction (the law's text in the other official language). Refused if the package already
 * amends one of them.
 */
export function addToPackage(ctx: ServiceContext, packageId: string, baseVersionId: string, also: readonly string[] = []): PackageSummary {
  const { store } = ctx;
  const pkg = store.packages.get(packageId);
  if (!pkg) throw new StoreError('NOT_FOUND', `No package ${packageId}.`, 'package.notFound', { packageId });
  if (pkg.status !== 'draft') throw new StoreError('NOT_EDITABLE', 'This package is no longer a draft.', 'package.notDraft');
  const now = ctx.now();
  store.transaction(() => {
    const seen = new Set(store.versions.listByPackage(packageId).map((v) => v.expressionId));
    // `also` is the same law in another language, nothing else: a package is not extended by a side door.
    const workOf = (versionId: string) => {
      const v = store.versions.get(versionId);
      return v ? store.works.getExpression(v.expressionId)?.workId : undefined;
    };
    const work = workOf(baseVersionId);
    if (also.some((id) => workOf(id) !== work)) throw new StoreError('INVALID_INPUT', 'Only the same law in another language is added with a law.', 'package.alsoOtherLaw');
    for (const id of [baseVersionId, ...also]) startDraft(ctx, packageId, id, seen, now);
    store.packages.touch(packageId, now);
    record(ctx, packageId, null, 'add-to-package', { bases: [baseVersionId, ...also] });
  });
  return summarize(ctx, store.packages.get(packageId) as PackageRecord);
}

/** A working draft of a text in force in a package: a copy with the same uids (the lineage amendments are derived along). */
function startDraft(ctx: ServiceContext, packageId: string, baseId: string, seen: Set<string>, now: string): void {
  const { store } = ctx;
  const base = store.versions.get(baseId);
  if (!base) throw new StoreError('NOT_FOUND', `No version ${baseId}.`, 'version.notFound', { versionId: baseId });
  if (base.status !== 'in_force') throw new StoreError('NOT_EDITABLE', 'A package amends texts in force, not other drafts.', 'package.baseNotInForce');
  if (seen.has(base.expressionId)) throw new StoreError('CONFLICT', 'The same law text is listed twice.', 'package.duplicateBase');
  seen.add(base.expressionId);
  const draftId = ctx.newId();
  store.versions.insert({ id: draftId, expressionId: base.expressionId, status: 'draft', inForceFrom: null, packageId, baseVersionId: base.id, revision: 0, createdAt: now, updatedAt: now });
  store.provisions.copy(base.id, draftId);
  // A copy of the text in force has no amendments: the empty list is the derivation's.
  store.amendments.setDerivedBy(draftId, DERIVATION_VERSION);
}

function summarize({ store }: ReadContext, pkg: PackageRecord): PackageSummary {
  const works = new Map(store.works.listWorks().map((w) => [w.id, w]));
  return {
    id: pkg.id,
    title: pkg.title,
    status: pkg.status,
    createdAt: pkg.createdAt,
    updatedAt: pkg.updatedAt,
    drafts: store.versions.listByPackage(pkg.id).map((v) => {
      const expression = store.works.getExpression(v.expressionId);
      return {
        versionId: v.id,
        baseVersionId: v.baseVersionId,
        expressionId: v.expressionId,
        lang: expression?.lang ?? 'ru',
        title: expression?.title ?? '',
        workSlug: (expression && works.get(expression.workId)?.slug) ?? '',
        revision: v.revision,
      };
    }),
  };
}
