import type { LawDoc, Provision } from '../law/provision';
import type { TreeIndex } from './tree-index';

/**
 * The draft units that moved: those now under a different parent, and those whose order among
 * the siblings they kept changed. For each parent, the longest run of children still in base order
 * stays put (longest increasing subsequence of their base positions); the others moved. A sibling
 * list whose units all kept their places in order costs one comparison per unit.
 */
export function movedUnits(base: TreeIndex, draft: LawDoc, pairs: ReadonlyMap<string, string>): Set<string> {
  const moved = new Set<string>();
  const visit = (children: Provision[], parentUid: string | null) => {
    const baseParent = parentUid === null ? null : pairs.get(parentUid);
    let stayed: { uid: string; baseIndex: number }[] | null = null;
    let lastIndex = -1;
    for (const child of children) {
      const baseUid = pairs.get(child.uid);
      const b = baseUid === undefined ? undefined : base.get(baseUid);
      if (b) {
        if (baseParent === undefined || b.parentUid !== baseParent) moved.add(child.uid);
        else {
          // Collect the list only once the order is seen to break (the common case never does).
          if (stayed === null && b.index <= lastIndex) stayed = collect(children, baseParent, pairs, base);
          lastIndex = b.index;
        }
      }
      if (child.children.length > 0) visit(child.children, child.uid);
    }
    if (stayed) {
      const keep = longestIncreasing(stayed.map((s) => s.baseIndex));
      stayed.forEach((s, i) => {
        if (!keep.has(i)) moved.add(s.uid);
      });
    }
  };
  visit(draft.body, null);
  return moved;
}

/** The children that stayed under the same parent, with their base positions. */
function collect(children: Provision[], baseParent: string | null, pairs: ReadonlyMap<string, string>, base: TreeIndex): { uid: string; baseIndex: number }[] {
  const out: { uid: string; baseIndex: number }[] = [];
  for (const child of children) {
    const baseUid = pairs.get(child.uid);
    const b = baseUid === undefined ? undefined : base.get(baseUid);
    if (b && b.parentUid === baseParent) out.push({ uid: child.uid, baseIndex: b.index });
  }
  return out;
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
