import { indexTree } from '../amend/tree-index';
import type { PathStep } from '../amend/types';
import { addressOf } from '../instructions/plan';
import type { Operation } from '../instructions/types';
import type { Lang } from '../law/language';
import { compareNums } from '../law/numbering';
import type { LawDoc, Provision } from '../law/provision';
import type { Alignment } from './align';

/**
 * What an act's amending law in one language says about changes made in the other language's text
 * only (DOMAIN.md, "Two official languages"): a unit marked "unchanged in this language" gets a
 * statement of its own where the other law has its change ("изменение вносится в текст на
 * казахском языке, текст на русском языке не изменяется"), so statement n is about the same unit in
 * both; a unit changed here whose counterpart is marked unchanged ends its statement with ", текст
 * на казахском языке не изменяется".
 */
export interface LanguageNotes {
  /** Units of this text that stay as they are, the change being made in `changedIn`'s text. */
  unchanged: readonly { uid: string; changedIn: Lang }[];
  /** Units changed here whose text in `lang` stays as it is. */
  untouched: readonly { uid: string; lang: Lang }[];
}

/**
 * The language notes of the amending law in `alignment.langA` (`side: 'a'`) or `langB` (`'b'`):
 * from the units each text changed (`changed`) and the units marked "unchanged in this language"
 * in each (`marked`; by uid). A mark counts where the other text changed the unit and this one did not.
 */
export function languageNotes(alignment: Alignment, changed: { a: ReadonlySet<string>; b: ReadonlySet<string> }, marked: { a: ReadonlySet<string>; b: ReadonlySet<string> }, side: 'a' | 'b'): LanguageNotes {
  const other = side === 'a' ? 'b' : 'a';
  const otherLang = side === 'a' ? alignment.langB : alignment.langA;
  const unchanged: { uid: string; changedIn: Lang }[] = [];
  const untouched: { uid: string; lang: Lang }[] = [];
  for (const unit of alignment.units) {
    const mine = unit[side];
    const theirs = unit[other];
    if (!mine || !theirs) continue;
    // Marked here, changed there and not here: this law says its text does not change.
    if (marked[side].has(mine.uid) && changed[other].has(theirs.uid) && !changed[side].has(mine.uid)) unchanged.push({ uid: mine.uid, changedIn: otherLang });
    // Changed here, marked unchanged there: this law's statement says so.
    if (marked[other].has(theirs.uid) && changed[side].has(mine.uid) && !changed[other].has(theirs.uid)) untouched.push({ uid: mine.uid, lang: otherLang });
  }
  return { unchanged, untouched };
}

const key = (address: readonly PathStep[]) => address.map((s) => `${s.kind} ${s.num}`).join('/');
const isPrefix = (a: readonly PathStep[], b: readonly PathStep[]) => a.length <= b.length && a.every((s, i) => s.kind === b[i]?.kind && s.num === b[i]?.num);

/** The operations planned for an act with its language notes written in (see LanguageNotes); `base`: the text the operations amend. */
export function withLanguageNotes(base: LawDoc, planned: readonly Operation[], notes: LanguageNotes): Operation[] {
  if (notes.unchanged.length === 0 && notes.untouched.length === 0) return [...planned];
  const index = indexTree(base);
  // Each unit's place in the text (document order) and the place of its last descendant.
  const place = new Map<string, { at: number; end: number }>();
  const units: { address: PathStep[]; at: number; end: number }[] = [];
  let n = 0;
  const walk = (list: readonly Provision[]) => {
    for (const u of list) {
      const at = n++;
      walk(u.children);
      const address = addressOf(index, u.uid);
      const k = key(address);
      units.push({ address, at, end: n - 1 });
      // An article's own text has its article's address: the article's place stands for both.
      if (!place.has(k)) place.set(k, { at, end: n - 1 });
      else (place.get(k) as { end: number }).end = n - 1;
    }
  };
  walk(base.body);
  // Where a new unit will stand: after its last sibling numbered before it (5-1 after 5, with all 5 has),
  // else just inside its parent. An article's parent is the act ([]), wherever its chapter is.
  const insertion = (op: Extract<Operation, { op: 'insert' }>): number => {
    const siblings = units.filter((u) => u.address.length === op.parent.length + 1 && u.address.at(-1)?.kind === op.kind && isPrefix(op.parent, u.address));
    const before = siblings.filter((u) => compareNums(u.address.at(-1)?.num ?? '', op.num) < 0).at(-1);
    if (before) return before.end + 0.5;
    return op.parent.length ? (place.get(key(op.parent))?.at ?? n) + 0.5 : (siblings[0]?.at ?? n) - 0.5;
  };
  // Where an operation stands in the text: its unit, or where its new unit will stand.
  const position = (op: Operation): number => {
    if (op.op === 'throughout') return -1;
    if (op.op === 'insert') return insertion(op);
    return place.get(key(op.address))?.at ?? n;
  };
  const ops: Operation[] = planned.map((op) => ({ ...op }));
  for (const { uid, lang } of notes.untouched) {
    const address = addressOf(index, uid);
    // The last statement about the unit itself. A restatement of a unit above it says nothing of
    // this unit alone: no clause there (the statements then differ, and the parity check says so).
    const i = ops.findLastIndex((op) => 'address' in op && key(op.address) === key(address));
    if (i >= 0) ops[i] = { ...(ops[i] as Operation), untouchedIn: lang };
  }
  for (const { uid, changedIn } of notes.unchanged) {
    if (!index.has(uid)) continue;
    const op: Operation = { op: 'unchanged', address: addressOf(index, uid), changedIn };
    const at = position(op);
    const before = ops.findIndex((other) => position(other) > at);
    ops.splice(before < 0 ? ops.length : before, 0, op);
  }
  return ops;
}
