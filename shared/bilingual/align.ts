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

/** Every unit of a text, depth-first in document order. */
export function flatten(doc: LawDoc): Provision[] {
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
  // The usual case of a package's two drafts: every unit in both, by uid. Paired at once (a code's
  // 9,000 units are aligned on every structural save); b's order matters only for units a lacks.
  if (shared === unitsA.length && shared === unitsB.length) {
    const byUid = new Map(unitsB.map((u) => [u.uid, u]));
    return { langA: a.lang, langB: b.lang, by, units: unitsA.map((u) => ({ a: u, b: byUid.get(u.uid) as Provision, eId: u.eId })) };
  }
  const place = (u: Provision) => `${u.kind}|${u.eId}`;
  // By lineage, a unit one text has and the other lacks by uid (each text made its own uid for a
  // unit added since) is matched by its place, if the other text's unmatched units have that place.
  // A place two units share (numbering gone wrong) matches nothing: the alignment does not guess.
  const uidsA = new Set(unitsA.map((u) => u.uid));
  const unique = (list: readonly Provision[]) => {
    const seen = new Map<string, number>();
    for (const u of list) seen.set(place(u), (seen.get(place(u)) ?? 0) + 1);
    return new Set([...seen].filter(([, n]) => n === 1).map(([p]) => p));
  };
  const looseA = by === 'eId' ? unique(unitsA) : unique(unitsA.filter((u) => !uidsB.has(u.uid)));
  const looseB = by === 'eId' ? unique(unitsB) : unique(unitsB.filter((u) => !uidsA.has(u.uid)));
  const keyOf = (u: Provision, mine: Set<string>, theirs: Set<string>, theirUids: Set<string>) => {
    if (by === 'uid' && theirUids.has(u.uid)) return `uid:${u.uid}`;
    return mine.has(place(u)) && theirs.has(place(u)) ? `place:${place(u)}` : `alone:${u.uid}`;
  };
  const keyA = (u: Provision) => keyOf(u, looseA, looseB, uidsB);
  const keyB = (u: Provision) => keyOf(u, looseB, looseA, uidsA);
  const bByKey = new Map(unitsB.map((u) => [keyB(u), u]));
  const aKeys = new Set(unitsA.map(keyA));
  const units: AlignedUnit[] = [];
  // Each unit's place in b, looked up once per unit (a 9,000-unit code must not search b for each).
  const indexB = new Map(unitsB.map((u, i) => [u, i]));
  const at = (u: Provision) => indexB.get(u) as number;
  let nextB = 0;
  // b's units that a lacks go in before the first unit of a that comes after them in b.
  const flushB = (until: Provision | null) => {
    const stop = until ? at(until) : unitsB.length;
    for (; nextB < stop; nextB++) {
      const u = unitsB[nextB] as Provision;
      if (!aKeys.has(keyB(u))) units.push({ a: null, b: u, eId: u.eId });
    }
  };
  for (const u of unitsA) {
    const counterpart = bByKey.get(keyA(u)) ?? null;
    if (counterpart && at(counterpart) >= nextB) {
      flushB(counterpart);
      nextB = at(counterpart) + 1;
    }
    units.push({ a: u, b: counterpart, eId: u.eId });
  }
  flushB(null);
  return { langA: a.lang, langB: b.lang, by, units };
}
