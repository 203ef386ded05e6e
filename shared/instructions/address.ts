import type { PathStep } from '../amend/types';
import type { LawDoc, Provision } from '../law/provision';

/**
 * Finds the unit an address names: sections and chapters are skipped over when the address does not
 * name them (articles are numbered through the law); parts are found by position among parts.
 * Returns undefined when there is no such unit.
 */
export function findByAddress(doc: LawDoc, address: readonly PathStep[]): Provision | undefined {
  let units: Provision[] = doc.body;
  let found: Provision | undefined;
  for (const step of address) {
    found = findIn(units, step);
    if (!found) return undefined;
    units = found.children;
  }
  return found;
}

function findIn(units: Provision[], step: PathStep): Provision | undefined {
  if (step.kind === 'part') return units.filter((u) => u.kind === 'part')[Number(step.num) - 1];
  for (const u of units) {
    if (u.kind === step.kind && u.num === step.num) return u;
    // An article is addressed without its section and chapter.
    if ((step.kind === 'article' || step.kind === 'chapter') && (u.kind === 'section' || u.kind === 'chapter')) {
      const inner = findIn(u.children, step);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** The children list that holds a unit, with the unit's position in it. */
export function containerOf(doc: LawDoc, unit: Provision): { list: Provision[]; index: number } | undefined {
  const search = (list: Provision[]): { list: Provision[]; index: number } | undefined => {
    const index = list.indexOf(unit);
    if (index >= 0) return { list, index };
    for (const u of list) {
      const hit = search(u.children);
      if (hit) return hit;
    }
    return undefined;
  };
  return search(doc.body);
}
