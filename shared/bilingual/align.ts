import type { Lang } from '../law/language';
import type { LawDoc, Provision } from '../law/provision';

/**
 * Two language texts of one law, unit against unit. Texts that share a lineage (drafts started from
 * aligned texts, versions derived from one another) are aligned by uid; texts imported separately,
 * by their shared structure (eId: the same place in the same kind of unit). A unit that one text
 * has and the other lacks stays alone — the alignment does not guess a counterpart for it.
 */

/** One unit and its counterpart (null: the other text has none). */
export interface AlignedUnit {
  a: Provision | null;
  b: Provision | null;
  /** The unit's eId (in `a` where it has one, else in `b`). */
  eId: string;
}

/** Two texts aligned, and how. */
export interface Alignment {
  langA: Lang;
  langB: Lang;
  by: 'uid' | 'eId';
  units: AlignedUnit[];
}

function flatten(doc: LawDoc): Provision[] {
  const out: Provision[] = [];
  const walk = (list: readonly Provision[]) => list.forEach((u) => (out.push(u), walk(u.children)));
  walk(doc.body);
  return out;
}

/** Aligns two language texts of one law (see the module's comment); the units in `a`'s order, `b`'s own where they stand in `b`. */
export function alignTexts(a: LawDoc, b: LawDoc): Alignment {
  const unitsA = flatten(a);
  const unitsB = flatten(b);
  const uidsB = new Set(unitsB.map((u) => u.uid));
  // A shared lineage: most units have their uid in both texts.
  const shared = unitsA.filter((u) => uidsB.has(u.uid)).length;
  const by: Alignment['by'] = shared * 2 >= Math.max(1, Math.min(unitsA.length, unitsB.length)) ? 'uid' : 'eId';
  const key = (u: Provision) => (by === 'uid' ? u.uid : `${u.kind}|${u.eId}`);
  const bByKey = new Map(unitsB.map((u) => [key(u), u]));
  const aKeys = new Set(unitsA.map(key));
  const units: AlignedUnit[] = [];
  let nextB = 0;
  // b's units that a lacks go in before the first unit of a that comes after them in b.
  const flushB = (until: Provision | null) => {
    const stop = until ? unitsB.indexOf(until) : unitsB.length;
    for (; nextB < stop; nextB++) {
      const u = unitsB[nextB] as Provision;
      if (!aKeys.has(key(u))) units.push({ a: null, b: u, eId: u.eId });
    }
  };
  for (const u of unitsA) {
    const counterpart = bByKey.get(key(u)) ?? null;
    if (counterpart && unitsB.indexOf(counterpart) >= nextB) {
      flushB(counterpart);
      nextB = unitsB.indexOf(counterpart) + 1;
    }
    units.push({ a: u, b: counterpart, eId: u.eId });
  }
  flushB(null);
  return { langA: a.lang, langB: b.lang, by, units };
}
