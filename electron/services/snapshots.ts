import { StoreError } from '../store/errors';
import { audit, record } from './audit/log';
import { getIdentity, requireIdentity } from './identity';
import type { ServiceContext, ReadContext } from './context';

/** A named, dated, immutable copy of a package's drafts. */
export interface SnapshotInfo {
  id: string;
  name: string;
  createdAt: string;
  createdBy: string;
}

/**
 * Freezes the package's working drafts under a name (signed and logged). `madeBy`: a snapshot the
 * app makes by itself (team mode keeping a drafter's text before an owner released their lease),
 * signed with that name where no one has set theirs in the app yet.
 */
export function createSnapshot(ctx: ServiceContext, packageId: string, name: string, madeBy?: string): SnapshotInfo {
  const who = madeBy ? (getIdentity(ctx) ?? { name: madeBy, role: '' }) : requireIdentity(ctx);
  if (!ctx.store.packages.get(packageId)) throw new StoreError('NOT_FOUND', `No package ${packageId}.`, 'package.notFound', { packageId });
  if (!name.trim()) throw new StoreError('INVALID_INPUT', 'A snapshot needs a name.', 'snapshot.needsName');
  const info: SnapshotInfo = { id: ctx.newId(), name: name.trim(), createdAt: ctx.now(), createdBy: who.name };
  ctx.store.transaction(() => {
    ctx.store.snapshots.insert({ ...info, packageId });
    for (const v of ctx.store.versions.listByPackage(packageId)) ctx.store.provisions.snapshot(info.id, v.id);
    if (madeBy) record(ctx, packageId, null, 'snapshot', { id: info.id, name: info.name, by: madeBy });
    else audit(ctx, packageId, null, 'snapshot', { id: info.id, name: info.name });
  });
  return info;
}

/** The snapshots of a package, newest first. */
export function listSnapshots(ctx: ReadContext, packageId: string): SnapshotInfo[] {
  return ctx.store.snapshots.listByPackage(packageId).map(({ id, name, createdAt, createdBy }) => ({ id, name, createdAt, createdBy }));
}
