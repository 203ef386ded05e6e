import type { TreeIndex } from './tree-index';

/**
 * The draft units that moved: those now under a different parent, and those whose order among
 * the siblings they kept changed. For each parent, the longest run of children still in base order
 * stays put (longest increasing subsequence of their base positions); the others moved.
 */
export function movedUnits(base: TreeIndex, draft: TreeIndex, pairs: ReadonlyMap<string, string>): Set<string> {
  const moved = new Set<string>();
  const childrenOf = new Map<string | null, string[]>();
  for (const [uid, e] of draft) {
    const list = childrenOf.get(e.parentUid) ?? [];
    list.push(uid);
    childrenOf.set(e.parentUid, list);
  }
  for (const [parentUid, children] of childrenOf) {
    const baseParent = parentUid === null ? null : (pairs.get(parentUid) ?? undefined);
    const stayed: { uid: string; baseIndex: number }[] = [];
    for (const uid of children) {
      const baseUid = pairs.get(uid);
      if (!baseUid) continue;
      const b = base.get(baseUid);
      if (!b) continue;
      if (baseParent === undefined || b.parentUid !== baseParent) moved.add(uid);
      else stayed.push({ uid, baseIndex: b.index });
    }
    const keep = longestIncreasing(stayed.map((s) => s.baseIndex));
    stayed.forEach((s, i) => {
      if (!keep.has(i)) moved.add(s.uid);
    });
  }
  return moved;
}

/** Positions (in `values`) of one longest strictly increasing subsequence, in O(n log n). */
function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const tailAt: number[] = [];
  const prev: number[] = new Array<number>(values.length).fill(-1);
  values.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tails[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = v;
    tailAt[lo] = i;
    prev[i] = lo > 0 ? (tailAt[lo - 1] as number) : -1;
  });
  const keep = new Set<number>();
  let i = tails.length > 0 ? (tailAt[tails.length - 1] as number) : -1;
  while (i >= 0) {
    keep.add(i);
    i = prev[i] as number;
  }
  return keep;
}
