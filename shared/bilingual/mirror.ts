import { DEFAULT_STUB } from '../law/repealed';
import type { LawDoc, Provision } from '../law/provision';
import { newUid } from '../law/uid';
import { alignTexts, flatten } from './align';

/**
 * A structural edit made in one language's draft, made in another language's draft of the same
 * law: a unit added (5-1 after 5), excluded, renumbered or moved in one text is added, excluded,
 * renumbered or moved in the other, so the two texts keep one structure (DESIGN.md, "Two official
 * languages"). Words are not translated: a unit new in one language comes into the other with no
 * text (a "to translate" finding until someone writes it), and a unit keeps its own wording.
 */

/** The shape of a text without its words: each unit's place, kind, number and state, in order. */
function shapeOf(doc: LawDoc): string {
  const out: string[] = [];
  const walk = (list: readonly Provision[], parent: string) => list.forEach((u) => (out.push(`${u.uid}|${parent}|${u.kind}|${u.num}|${u.repealed ? 1 : 0}`), walk(u.children, u.uid)));
  walk(doc.body, '');
  return out.join('\n');
}

/**
 * The counterpart text with the structural change that `before` → `after` made (one save in one
 * language), or null when that save changed no structure (or one that cannot be made there: the
 * texts already differ around it; the parity check says where). `before` and `counterpart` are aligned
 * as alignTexts aligns them; a unit of the counterpart that `before` has no match for (the texts
 * already differed there) stays after the unit it followed, so nothing of it is lost.
 */
export function mirrorStructure(before: LawDoc, after: LawDoc, counterpart: LawDoc): LawDoc | null {
  if (shapeOf(before) === shapeOf(after)) return null;
  const alignment = alignTexts(before, counterpart);
  /** The counterpart's unit for a unit of `before`, by the unit's uid there. */
  const theirs = new Map<string, Provision>();
  const matched = new Set<Provision>();
  for (const { a, b } of alignment.units) {
    if (a && b) {
      theirs.set(a.uid, b);
      matched.add(b);
    }
  }
  const afterUids = new Set(flatten(after).map((u) => u.uid));
  const beforeByUid = new Map(flatten(before).map((u) => [u.uid, u]));
  const keptOfTheirs = new Set([...theirs].filter(([uid]) => afterUids.has(uid)).map(([, b]) => b));
  const counterpartUids = new Set(flatten(counterpart).map((u) => u.uid));
  const stub = { from: DEFAULT_STUB[after.lang], to: DEFAULT_STUB[counterpart.lang] };

  // The counterpart's own units (no match in `before`) that follow `unit` in its list, up to the next kept match.
  const followers = (list: readonly Provision[], from: number): Provision[] => {
    const out: Provision[] = [];
    for (let i = from; i < list.length; i++) {
      const u = list[i] as Provision;
      if (keptOfTheirs.has(u)) break;
      if (!matched.has(u)) out.push(u);
    }
    return out;
  };
  // Each counterpart unit's list and place in it.
  const place = new Map<Provision, { list: readonly Provision[]; at: number }>();
  const index = (list: readonly Provision[]) => list.forEach((u, at) => (place.set(u, { list, at }), index(u.children)));
  index(counterpart.body);
  const matchedBelow = (u: Provision): boolean => u.children.some((c) => theirs.has(c.uid) || matchedBelow(c));

  const build = (mine: readonly Provision[], theirList: readonly Provision[]): Provision[] => {
    const out: Provision[] = [...followers(theirList, 0)];
    for (const u of mine) {
      const was = beforeByUid.get(u.uid);
      const c = theirs.get(u.uid);
      if (!c && was) {
        // A unit the other text already lacked (the texts differed there before this save; a
        // reviewer may have rejected it in one language): this save does not make it there. Under
        // it, units the other text has would lose their place: then nothing is mirrored.
        if (matchedBelow(u)) throw new Unmirrorable();
        continue;
      }
      // Only what this save changed is made in the other text: a unit's kind, number and state
      // there stay its own unless this save changed them here.
      const changed = !was || was.kind !== u.kind || was.num !== u.num || was.repealed !== u.repealed;
      const node: Provision = c
        ? { ...c, ...(changed ? { kind: u.kind, num: u.num, repealed: u.repealed } : {}), notes: [...c.notes], children: [] }
        : { uid: counterpartUids.has(u.uid) ? newUid() : u.uid, eId: '', kind: u.kind, num: u.num, heading: '', text: '', repealed: u.repealed, notes: [], children: [] };
      // A unit excluded in one language is excluded in the other: where the one text put its
      // stub, the other puts its own; where it kept its words, the other keeps its own.
      if (u.repealed && !was?.repealed) {
        const own = (mineNow: string, theirsNow: string) => (mineNow === stub.from ? stub.to : mineNow ? theirsNow : '');
        node.heading = own(u.heading, node.heading);
        node.text = own(u.text, node.text);
      }
      node.children = build(u.children, c?.children ?? []);
      out.push(node);
      const at = c && place.get(c);
      if (at) out.push(...followers(at.list, at.at + 1));
    }
    return out;
  };
  try {
    return { lang: counterpart.lang, body: build(after.body, counterpart.body) };
  } catch (error) {
    if (error instanceof Unmirrorable) return null;
    throw error;
  }
}

/** The texts differ where the save changed the structure so that it cannot be made in the other one alone. */
class Unmirrorable extends Error {}
