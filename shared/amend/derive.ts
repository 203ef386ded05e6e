import type { DiffOp } from '../diff/ops';
import { changeStats, wordDiff } from '../diff/words';
import type { ProvisionJSON } from '../law/json';
import type { LawDoc, Provision } from '../law/provision';
import { align } from './align';
import { movedUnits } from './moves';
import { indexTree, stateOf, type IndexedUnit, type TreeIndex } from './tree-index';
import { DEFAULT_DERIVE_OPTIONS, type Amendment, type AmendmentKind, type DeriveOptions } from './types';

/** Remembers word diffs by their two texts, so re-deriving after an edit diffs only what changed. */
export type DiffCache = Map<string, DiffOp[]>;

/**
 * The amendments that turn `base` into `draft`: one per changed provision, in the order of the law.
 * Units are paired by lineage (align.ts); a pair whose texts are equal costs a string comparison,
 * and only changed texts are diffed (through `cache` when given). Notes (footnotes) are metadata
 * of the consolidated text and are not amended.
 */
export function derive(base: LawDoc, draft: LawDoc, options: Partial<DeriveOptions> = {}, cache?: DiffCache): Amendment[] {
  const opts = { ...DEFAULT_DERIVE_OPTIONS, ...options };
  const bi = indexTree(base);
  const di = indexTree(draft);
  const pairs = align(bi, di);
  const baseToDraft = new Map([...pairs].map(([d, b]) => [b, d]));
  const moved = movedUnits(bi, di, pairs);
  const diff = (a: string, b: string): DiffOp[] => {
    if (a === b) return a ? [[0, a]] : [];
    const key = `${a}\u0000${b}`;
    const hit = cache?.get(key);
    if (hit) return hit;
    const ops = wordDiff(a, b, { onDefect: opts.onDefect });
    cache?.set(key, ops);
    return ops;
  };
  const removedUnder = (unit: Provision): string[] => {
    const out: string[] = [];
    const walk = (u: Provision) => {
      if (baseToDraft.has(u.uid)) return;
      out.push(u.uid);
      u.children.forEach(walk);
    };
    unit.children.forEach(walk);
    return out;
  };

  const found: { key: number; amendment: Amendment }[] = [];
  const newlyRepealed = new Set<string>();
  for (const [uid, d] of di) {
    const baseUid = pairs.get(uid);
    if (!baseUid) {
      // Only the top of a new subtree is an amendment; the units under it travel with it.
      if (d.parentUid === null || pairs.has(d.parentUid)) found.push({ key: d.order, amendment: insertion(d, draft, di, pairs) });
      continue;
    }
    const b = bi.get(baseUid) as IndexedUnit;
    const repealedNow = d.unit.repealed && !b.unit.repealed;
    if (repealedNow) newlyRepealed.add(baseUid);
    const removedUids = repealedNow ? removedUnder(b.unit) : [];
    const textChanged = b.unit.text !== d.unit.text || b.unit.heading !== d.unit.heading || b.unit.repealed !== d.unit.repealed;
    const isMoved = moved.has(uid);
    if (!textChanged && !isMoved && b.unit.num === d.unit.num && removedUids.length === 0) continue;
    const ops = diff(b.unit.text, d.unit.text);
    const headingOps = diff(b.unit.heading, d.unit.heading);
    let kind: AmendmentKind;
    if (repealedNow) kind = 'repeal';
    else if (isMoved) kind = 'move';
    else if (textChanged) kind = b.unit.repealed ? 'restate' : wordsOrRestate(ops, headingOps, opts);
    else kind = 'renumber';
    found.push({
      key: d.order,
      amendment: {
        uid,
        ...(uid !== baseUid ? { baseUid } : {}),
        kind,
        eId: b.unit.eId,
        path: b.path,
        base: stateOf(b.unit),
        proposed: { ...stateOf(d.unit), notes: [...b.unit.notes] },
        ops,
        headingOps,
        ...(isMoved ? { placement: placementOf(d, draft, di) } : {}),
        removedUids,
      },
    });
  }

  // Units gone from the draft: one amendment for the top of each removed subtree, unless a
  // repealed parent already carries them.
  const keys = keysForBase(bi, baseToDraft, di);
  for (const [baseUid, b] of bi) {
    if (baseToDraft.has(baseUid)) continue;
    if (b.parentUid !== null && (!baseToDraft.has(b.parentUid) || newlyRepealed.has(b.parentUid))) continue;
    found.push({
      key: keys.get(baseUid) as number,
      amendment: {
        uid: baseUid,
        kind: 'repeal',
        eId: b.unit.eId,
        path: b.path,
        base: stateOf(b.unit),
        proposed: null,
        ops: diff(b.unit.text, ''),
        headingOps: diff(b.unit.heading, ''),
        removedUids: [baseUid, ...removedUnder(b.unit)],
      },
    });
  }
  return found.sort((x, y) => x.key - y.key).map((f) => f.amendment);
}

/**
 * Word edits or a restatement, by the share of words changed (deleted and inserted words over the
 * words before and after) and the number of separate edits.
 */
function wordsOrRestate(ops: DiffOp[], headingOps: DiffOp[], opts: DeriveOptions): AmendmentKind {
  const text = changeStats(ops);
  const heading = changeStats(headingOps);
  const changed = text.changedWords + heading.changedWords;
  const total = Math.max(1, text.baseWords + text.proposedWords + heading.baseWords + heading.proposedWords);
  if (text.baseWords === 0 || changed / total > opts.restateShare || text.edits + heading.edits > opts.restateEdits) return 'restate';
  return 'words';
}

function insertion(d: IndexedUnit, draft: LawDoc, di: TreeIndex, pairs: ReadonlyMap<string, string>): Amendment {
  // Units under a new unit that existed before (moved in) are their own amendments, not part of this one.
  const newOnly = (units: Provision[]): ProvisionJSON[] =>
    units
      .filter((u) => !pairs.has(u.uid))
      .map((u) => ({ uid: u.uid, kind: u.kind, num: u.num, heading: u.heading, text: u.text, repealed: u.repealed, notes: [...u.notes], children: newOnly(u.children) }));
  return {
    uid: d.unit.uid,
    kind: 'insert',
    eId: d.unit.eId,
    path: d.path,
    base: null,
    proposed: stateOf(d.unit),
    ops: d.unit.text ? [[1, d.unit.text]] : [],
    headingOps: d.unit.heading ? [[1, d.unit.heading]] : [],
    placement: placementOf(d, draft, di),
    insertedChildren: newOnly(d.unit.children),
    removedUids: [],
  };
}

/** Where a draft unit stands: its parent and the sibling before it. */
function placementOf(d: IndexedUnit, draft: LawDoc, di: TreeIndex): { parentUid: string | null; afterUid: string | null } {
  const siblings = d.parentUid === null ? draft.body : (di.get(d.parentUid)?.unit.children ?? []);
  return { parentUid: d.parentUid, afterUid: d.index > 0 ? (siblings[d.index - 1]?.uid ?? null) : null };
}

/** For units of the base gone from the draft: a sort key just after the last unit before them that remains. */
function keysForBase(bi: TreeIndex, baseToDraft: ReadonlyMap<string, string>, di: TreeIndex): Map<string, number> {
  const keys = new Map<string, number>();
  let last = -1;
  let step = 0;
  for (const [baseUid] of bi) {
    const draftUid = baseToDraft.get(baseUid);
    if (draftUid !== undefined) {
      last = di.get(draftUid)?.order ?? last;
      step = 0;
    } else keys.set(baseUid, last + 0.5 + ++step * 1e-6);
  }
  return keys;
}
