import type { RowChanges } from '../../../shared/law';
import type { ServiceContext } from '../context';

/**
 * Puts a save of a draft of a package linked to a team server into the outbox, in the save's own
 * transaction (call inside it): what is saved here is pushed later, in order, even if the app
 * stops or the server is away meanwhile. Nothing for a package that is not linked.
 */
export function queueTeamChanges(ctx: ServiceContext, packageId: string, versionId: string, changes: RowChanges): void {
  if (!ctx.store.team.linkOf(packageId)) return;
  const upserts = changes.upserts.map((row) => ({ uid: row.uid, row }));
  const deletes = changes.deletes.map((uid) => ({ uid, row: null }));
  if (upserts.length + deletes.length === 0) return;
  ctx.store.team.enqueue(ctx.newId(), versionId, [...deletes, ...upserts], ctx.now());
}
