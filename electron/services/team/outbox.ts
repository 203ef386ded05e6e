import type { RowChanges } from '../../../shared/law';
import { MAX_PUSH_CHANGES } from '../../../shared/team/contract';
import type { ServiceContext } from '../context';

/**
 * Puts a save of a draft of a package linked to a team server into the outbox, in the save's own
 * transaction (call inside it): what is saved here is pushed later, in order, even if the app
 * stops or the server is away meanwhile, with the time the change was made (`at`: the save's, which
 * its amendments are signed with here and, through the server, on every other desktop). Nothing
 * for a package that is not linked.
 */
export function queueTeamChanges(ctx: ServiceContext, packageId: string, versionId: string, changes: RowChanges, at: string = ctx.now()): void {
  if (!ctx.store.team.linkOf(packageId)) return;
  const upserts = changes.upserts.map((row) => ({ uid: row.uid, row }));
  const deletes = changes.deletes.map((uid) => ({ uid, row: null }));
  const all = [...deletes, ...upserts];
  // In pushes the server takes (shared/team/contract.ts: at most 50,000 changes each), in order.
  for (let i = 0; i < all.length; i += MAX_PUSH_CHANGES) ctx.store.team.enqueue(ctx.newId(), versionId, all.slice(i, i + MAX_PUSH_CHANGES), at);
}
