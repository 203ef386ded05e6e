import { amendmentsOf } from './amendments';
import type { ReadContext } from './context';

/** Another package that changes the same provision of the same law text. */
export interface Overlap {
  uid: string;
  eId: string;
  otherPackageId: string;
  otherPackageTitle: string;
  otherVersionId: string;
}

/**
 * The provisions a package changes that another package also changes (same law text, same
 * provision lineage): both drafts would be submitted against the same wording, so both show it.
 */
export function packageOverlaps(ctx: ReadContext, packageId: string): Overlap[] {
  const { store } = ctx;
  const mine = store.versions.listByPackage(packageId);
  const out: Overlap[] = [];
  for (const other of store.packages.list()) {
    if (other.id === packageId) continue;
    for (const theirs of store.versions.listByPackage(other.id)) {
      const same = mine.find((v) => v.expressionId === theirs.expressionId);
      if (!same) continue;
      const theirUids = new Set(amendmentsOf(ctx, theirs.id).map((a) => a.uid));
      for (const a of amendmentsOf(ctx, same.id)) {
        if (theirUids.has(a.uid)) out.push({ uid: a.uid, eId: a.eId, otherPackageId: other.id, otherPackageTitle: other.title, otherVersionId: theirs.id });
      }
    }
  }
  return out;
}
