import type { PathStep } from '../amend/types';
import { assignEIds } from '../law/eid';
import type { Lang } from '../law/language';
import { compareNums } from '../law/numbering';
import type { LawDoc, Provision } from '../law/provision';
import { DEFAULT_STUB } from '../law/repealed';
import { newUid } from '../law/uid';
import { containerOf, findByAddress } from './address';
import { parseUnit } from './content';
import { InstructionError, type Operation } from './types';

/** How an operation names its unit in an error message (the caller's formatter, or a plain eId-like form). */
export type Describe = (op: Operation, index: number) => string;

const plain: Describe = (op, index) => `instruction ${index + 1} (${op.op}${'address' in op ? ` at ${op.address.map((s) => `${s.kind} ${s.num}`).join(', ')}` : ''})`;

/**
 * Carries out the operations of an amending law on a copy of the text they amend, in order, and
 * returns the amended text. An operation that does not fit (unit missing, words not found or found
 * more than once) throws InstructionError naming the instruction and the unit.
 */
export function applyOperations(base: LawDoc, ops: readonly Operation[], describe: Describe = plain, makeUid: () => string = newUid): LawDoc {
  const copy = (p: Provision): Provision => ({ ...p, notes: [...p.notes], children: p.children.map(copy) });
  const doc: LawDoc = { lang: base.lang, body: base.body.map(copy) };
  ops.forEach((op, i) => {
    const fail = (why: string): never => {
      throw new InstructionError(`${describe(op, i)}: ${why}`);
    };
    const target = (address: readonly PathStep[]) => findByAddress(doc, address) ?? fail('no such unit in the text');
    switch (op.op) {
      case 'restate': {
        const unit = target(op.address);
        const fresh = parseOr(fail, () => parseUnit(op.content, unit.kind, doc.lang, makeUid));
        Object.assign(unit, { num: fresh.num, heading: fresh.heading, text: fresh.text, repealed: fresh.repealed, children: fresh.children });
        break;
      }
      case 'insert': {
        const fresh = parseOr(fail, () => parseUnit(op.content, op.kind, doc.lang, makeUid));
        insert(doc, op.parent.length ? target(op.parent) : null, fresh, op.num, fail);
        break;
      }
      case 'repeal': {
        const unit = target(op.address);
        if (unit.kind === 'article' || unit.kind === 'chapter' || unit.kind === 'section') unit.heading = DEFAULT_STUB[doc.lang];
        else unit.text = DEFAULT_STUB[doc.lang];
        unit.repealed = true;
        unit.children = [];
        break;
      }
      case 'replace':
      case 'add':
      case 'delete': {
        const unit = target(op.address);
        const field = op.heading ? 'heading' : 'text';
        unit[field] = editWords(unit[field], op, fail);
        break;
      }
      case 'throughout': {
        let count = 0;
        const walk = (units: Provision[]) => {
          for (const u of units) {
            for (const field of ['heading', 'text'] as const) {
              const parts = u[field].split(op.from);
              count += parts.length - 1;
              u[field] = parts.join(op.to);
            }
            walk(u.children);
          }
        };
        walk(doc.body);
        if (count === 0) fail(`the words «${op.from}» do not occur in the text`);
        break;
      }
    }
  });
  assignEIds(doc.body);
  return doc;
}

function parseOr<T>(fail: (why: string) => never, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    return fail(`the quoted text is not valid: ${(error as Error).message}`);
  }
}

/** The only position of a phrase in a text, or a failure naming why there is not exactly one. */
function onlyPosition(text: string, phrase: string, fail: (why: string) => never): number {
  const at = text.indexOf(phrase);
  if (!phrase || at < 0) return fail(`the words «${phrase}» are not in it`);
  if (text.indexOf(phrase, at + 1) >= 0) return fail(`the words «${phrase}» occur more than once in it`);
  return at;
}

/**
 * The word operations, with fixed spacing rules: a replacement swaps the phrase; an addition puts
 * one space and the words after the phrase; a deletion removes the phrase and one space beside it.
 */
export function editWords(text: string, op: Extract<Operation, { op: 'replace' | 'add' | 'delete' }>, fail: (why: string) => never): string {
  if (op.op === 'replace') {
    const at = onlyPosition(text, op.from, fail);
    return text.slice(0, at) + op.to + text.slice(at + op.from.length);
  }
  if (op.op === 'add') {
    const at = onlyPosition(text, op.after, fail) + op.after.length;
    return `${text.slice(0, at)} ${op.words}${text.slice(at)}`;
  }
  const at = onlyPosition(text, op.words, fail);
  const end = at + op.words.length;
  if (text[at - 1] === ' ') return text.slice(0, at - 1) + text.slice(end);
  if (text[end] === ' ') return text.slice(0, at) + text.slice(end + 1);
  return text.slice(0, at) + text.slice(end);
}

/** Puts a new unit among its parent's children, in the place its number gives it. */
function insert(doc: LawDoc, parent: Provision | null, unit: Provision, num: string, fail: (why: string) => never): void {
  if (unit.kind === 'part') {
    // A part is addressed by position: "part three" goes after the second part.
    const list = parent ? parent.children : doc.body;
    const parts = list.filter((u) => u.kind === 'part');
    const before = parts[Number(num) - 2];
    list.splice(before ? list.indexOf(before) + 1 : 0, 0, unit);
    return;
  }
  // Same-kind units, in document order; for an article of the act, across all its chapters.
  const peers: Provision[] = [];
  const collect = (units: Provision[], deep: boolean) => {
    for (const u of units) {
      if (u.kind === unit.kind) peers.push(u);
      else if (deep && (u.kind === 'section' || u.kind === 'chapter')) collect(u.children, deep);
    }
  };
  collect(parent ? parent.children : doc.body, parent === null);
  if (peers.some((p) => p.num === unit.num)) fail(`there is already a ${unit.kind} ${unit.num}`);
  const before = peers.filter((p) => compareNums(p.num, unit.num) < 0).pop();
  const anchor = before ?? peers[0];
  if (!anchor) {
    (parent ? parent.children : doc.body).push(unit);
    return;
  }
  const place = containerOf(doc, anchor);
  if (!place) fail('cannot find where to put it');
  else place.list.splice(before ? place.index + 1 : place.index, 0, unit);
}
