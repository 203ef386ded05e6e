import type { PathStep } from '../amend/types';
import type { ProvisionKind } from '../law/kinds';
import type { LawDoc, Provision } from '../law/provision';

/**
 * Finds units by address in a law as it stood before an amending law was applied to it: the
 * children of every unit are remembered when the finder is made, so an address means the same unit
 * whatever the operations before it did (a unit renumbered or restated earlier is still found by
 * its old number, as amending laws intend).
 * - sections and chapters are skipped over when the address does not name them (articles are
 *   numbered through the law);
 * - parts are found by position among parts;
 * - a subparagraph of an article is found in the article's own text (its only part, intro.ts), or,
 *   when the article has several parts, in the one part that has it;
 * - a "part" of a paragraph or subparagraph is not a unit: it is one of its lines (see `lineOf`).
 */
export class UnitFinder {
  private readonly childrenAtStart = new Map<Provision | null, readonly Provision[]>();
  private readonly numAtStart = new Map<Provision, string>();

  constructor(doc: LawDoc) {
    const remember = (parent: Provision | null, children: Provision[]) => {
      this.childrenAtStart.set(parent, [...children]);
      for (const c of children) {
        this.numAtStart.set(c, c.num);
        remember(c, c.children);
      }
    };
    remember(null, doc.body);
  }

  /**
   * The unit whose text a statement about `unit` changes: an article's own text (its only part when
   * the finder was made), any other unit's own. Undefined for an article, chapter or section without one.
   */
  textUnit(unit: Provision): Provision | undefined {
    if (unit.kind !== 'article' && unit.kind !== 'chapter' && unit.kind !== 'section') return unit;
    if (unit.kind !== 'article') return undefined;
    const parts = this.children(unit).filter((c) => c.kind === 'part');
    return parts.length === 1 ? parts[0] : undefined;
  }

  /** The unit an address names, or undefined. The empty address names nothing (the act itself). */
  find(address: readonly PathStep[]): Provision | undefined {
    let parent: Provision | null = null;
    let found: Provision | undefined;
    for (const step of address) {
      found = this.findIn(parent, step);
      if (!found) return undefined;
      parent = found;
    }
    return found;
  }

  /** The children a unit had when the finder was made (new units: their children now). */
  children(unit: Provision | null): readonly Provision[] {
    return this.childrenAtStart.get(unit) ?? unit?.children ?? [];
  }

  private findIn(parent: Provision | null, step: PathStep): Provision | undefined {
    const units = this.children(parent);
    if (step.kind === 'part') return units.filter((u) => u.kind === 'part')[Number(step.num) - 1];
    for (const u of units) {
      if (u.kind === step.kind && (this.numAtStart.get(u) ?? u.num) === step.num) return u;
      // An article is addressed without its section and chapter.
      if ((step.kind === 'article' || step.kind === 'chapter') && (u.kind === 'section' || u.kind === 'chapter')) {
        const inner = this.findIn(u, step);
        if (inner) return inner;
      }
    }
    if (step.kind === 'subparagraph' && parent?.kind === 'article') {
      const inParts = units.filter((u) => u.kind === 'part').map((p) => this.children(p).find((s) => s.kind === 'subparagraph' && (this.numAtStart.get(s) ?? s.num) === step.num)).filter((s) => s !== undefined);
      if (inParts.length === 1) return inParts[0];
    }
    return undefined;
  }
}

/** Whether a unit of a kind can stand under a unit of another kind in an address (an article's subparagraphs through its own text). */
export function canContain(parent: ProvisionKind | 'act', child: ProvisionKind): boolean {
  switch (parent) {
    case 'act':
      return child === 'section' || child === 'chapter' || child === 'article';
    case 'section':
      return child === 'chapter' || child === 'article' || child === 'part';
    case 'chapter':
      return child === 'article' || child === 'part';
    case 'article':
      return child === 'part' || child === 'paragraph' || child === 'subparagraph';
    case 'part':
    case 'paragraph':
      return child === 'subparagraph';
    case 'subparagraph':
      return false;
  }
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
