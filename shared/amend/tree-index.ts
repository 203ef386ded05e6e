import type { LawDoc, Provision } from '../law/provision';
import type { PathStep, UnitState } from './types';

/** A unit of a law with where it stands: its parent, its position and its address. */
export interface IndexedUnit {
  unit: Provision;
  parentUid: string | null;
  /** Position among its parent's children. */
  index: number;
  /** Position in document order (preorder) through the whole law. */
  order: number;
  path: PathStep[];
}

/** Every unit of a law by uid, in document order. */
export type TreeIndex = Map<string, IndexedUnit>;

/** Indexes a law: one pass, document order. */
export function indexTree(doc: LawDoc): TreeIndex {
  const out: TreeIndex = new Map();
  let order = 0;
  const visit = (units: Provision[], parent: Provision | null, parentPath: PathStep[]) => {
    let part = 0;
    units.forEach((unit, index) => {
      const step: PathStep = { kind: unit.kind, num: unit.kind === 'part' ? String(++part) : unit.num };
      const path = [...parentPath, step];
      out.set(unit.uid, { unit, parentUid: parent?.uid ?? null, index, order: order++, path });
      visit(unit.children, unit, path);
    });
  };
  visit(doc.body, null, []);
  return out;
}

/** A unit's own state (no children). */
export function stateOf(unit: Provision): UnitState {
  return { uid: unit.uid, kind: unit.kind, num: unit.num, heading: unit.heading, text: unit.text, repealed: unit.repealed, notes: [...unit.notes] };
}

/** Whether two states store the same thing, uid aside. */
export function sameState(a: UnitState, b: UnitState): boolean {
  return (
    a.kind === b.kind && a.num === b.num && a.heading === b.heading && a.text === b.text && a.repealed === b.repealed &&
    a.notes.length === b.notes.length && a.notes.every((n, i) => n === b.notes[i])
  );
}
