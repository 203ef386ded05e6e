import { isIntro } from '../law/intro';
import type { LawDoc, Provision } from '../law/provision';
import type { PathStep, UnitState } from './types';

/** A unit of a law with where it stands: its parent, its position in the parent and in the law. */
export interface IndexedUnit {
  unit: Provision;
  parentUid: string | null;
  /** Position among its parent's children. */
  index: number;
  /** Position in document order (preorder) through the whole law. */
  order: number;
  /** Position among the parts of its parent, from 1 (parts are addressed by position); 0 for other kinds. */
  partNo: number;
  /** Whether it is its article's own text (its only part, shared/law/intro.ts): addressed with the article. */
  intro: boolean;
}

/** Every unit of a law by uid, in document order. */
export type TreeIndex = Map<string, IndexedUnit>;

/**
 * Indexes a law in one pass, in document order. Addresses (pathOf) are built only when asked,
 * since a derivation needs them for the few changed units, not for the thousands of unchanged ones.
 */
export function indexTree(doc: LawDoc): TreeIndex {
  const out: TreeIndex = new Map();
  let order = 0;
  const visit = (units: Provision[], parent: Provision | null) => {
    let part = 0;
    for (let index = 0; index < units.length; index++) {
      const unit = units[index] as Provision;
      out.set(unit.uid, { unit, parentUid: parent?.uid ?? null, index, order: order++, partNo: unit.kind === 'part' ? ++part : 0, intro: isIntro(unit, parent) });
      if (unit.children.length > 0) visit(unit.children, unit);
    }
  };
  visit(doc.body, null);
  return out;
}

/**
 * A unit's address from the top of the law: kinds and numbers (parts: their position). An article's
 * own text (intro.ts) is addressed with its article, as legislative technique does: the intro's
 * address is the article's, and a subparagraph under it is "subparagraph 2) of article 1".
 */
export function pathOf(index: TreeIndex, uid: string): PathStep[] {
  const path: PathStep[] = [];
  for (let e = index.get(uid); e; e = e.parentUid === null ? undefined : index.get(e.parentUid)) {
    if (!e.intro) path.push({ kind: e.unit.kind, num: e.unit.kind === 'part' ? String(e.partNo) : e.unit.num });
  }
  return path.reverse();
}

/** A unit's own state (no children). */
export function stateOf(unit: Provision): UnitState {
  return { uid: unit.uid, kind: unit.kind, num: unit.num, heading: unit.heading, text: unit.text, repealed: unit.repealed, notes: [...unit.notes] };
}
