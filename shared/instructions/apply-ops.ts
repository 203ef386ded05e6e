import type { PathStep } from '../amend/types';
import { assignEIds } from '../law/eid';
import { compareNums } from '../law/numbering';
import type { LawDoc, Provision } from '../law/provision';
import { DEFAULT_STUB } from '../law/repealed';
import { newUid } from '../law/uid';
import { validateLaw } from '../law/validate';
import { containerOf, UnitFinder } from './address';
import { parseUnit } from './content';
import { countThroughout, replaceThroughout, wholeWordMatches } from './throughout';
import { FINAL_MARK, InstructionError, JOINS_LEFT, type Operation, type WordOperation } from './types';

/** How an operation names its unit in an error message (the caller's formatter, or a plain eId-like form). */
export type Describe = (op: Operation, index: number) => string;

/** Options of applying an amending law. */
export interface ApplyOptions {
  describe?: Describe;
  makeUid?: () => string;
  /**
   * Called with an operation that does not fit, instead of throwing: the operation is skipped and
   * the others are carried out (to list every statement that fails, not only the first).
   */
  onError?: (error: InstructionError, index: number) => void;
}

const plain: Describe = (op, index) => `instruction ${index + 1} (${op.op}${'address' in op ? ` at ${op.address.map((s) => `${s.kind} ${s.num}`).join(', ')}` : ''})`;


/**
 * Carries out the operations of an amending law on a copy of the text they amend, in order, and
 * returns the amended text. Every address is read in the text as it was before the law (an address
 * never depends on another statement), lines too: "абзац третий" is the third line of the unit as
 * it stood. An operation that does not fit (unit missing, words not found or found more than once,
 * a unit an earlier statement set out anew or excluded) throws InstructionError naming the
 * instruction and the unit; so does a result that is not a valid law (numbers out of order).
 */
export function applyOperations(base: LawDoc, ops: readonly Operation[], options: ApplyOptions = {}): LawDoc {
  const describe = options.describe ?? plain;
  const makeUid = options.makeUid ?? newUid;
  const copy = (p: Provision): Provision => ({ ...p, notes: [...p.notes], children: p.children.map(copy) });
  const doc: LawDoc = { lang: base.lang, body: base.body.map(copy) };
  const finder = new UnitFinder(doc);
  const lines = new LineTracker();
  /** Units an earlier statement set out anew or excluded, with the statement's number: nothing more may be said of them. */
  const settled = new Map<Provision, { index: number; how: 'restated' | 'repealed' }>();
  /** The units under a unit set out anew or excluded: they are no longer in the text. */
  const detached = new Map<Provision, number>();
  const settle = (unit: Provision, index: number, how: 'restated' | 'repealed') => {
    settled.set(unit, { index, how });
    const walk = (u: Provision) => {
      for (const c of finder.children(u)) {
        detached.set(c, index);
        walk(c);
      }
    };
    walk(unit);
  };
  ops.forEach((op, i) => {
    try {
      applyOne(op, i);
    } catch (error) {
      if (!(error instanceof InstructionError) || !options.onError) throw error;
      options.onError(error, i);
    }
  });
  assignEIds(doc.body);
  try {
    validateLaw(doc);
  } catch (error) {
    throw new InstructionError(`The amended text would not be a valid law: ${(error as Error).message}`);
  }
  return doc;

  function applyOne(op: Operation, i: number): void {
    const fail = (why: string): never => {
      throw new InstructionError(`${describe(op, i)}: ${why}`);
    };
    const found = (address: readonly PathStep[]) => {
      const unit = finder.find(address) ?? fail('no such unit in the text');
      const gone = detached.get(unit);
      if (gone !== undefined) fail(`the unit is no longer in the text: ${describe(ops[gone] as Operation, gone)} set out or excluded the unit that held it`);
      return unit;
    };
    /** A unit the statement changes: one no earlier statement set out anew or excluded. */
    const target = (address: readonly PathStep[]) => {
      const unit = found(address);
      const earlier = settled.get(unit);
      if (earlier) fail(`${describe(ops[earlier.index] as Operation, earlier.index)} already ${earlier.how === 'restated' ? 'set it out anew' : 'excluded it'}`);
      return unit;
    };
    const textOf = (address: readonly PathStep[]) => {
      const unit = target(address);
      return finder.textUnit(unit) ?? fail(`${unit.kind} ${unit.num} has no text of its own to change`);
    };
    switch (op.op) {
      case 'restate': {
        if (op.heading) {
          target(op.address).heading = headingContent(op.content, fail);
          break;
        }
        if (op.line !== undefined) {
          lines.set(textOf(op.address), op.line, op.content, fail);
          break;
        }
        const unit = target(op.address);
        const fresh = parseOr(fail, () => parseUnit(op.content, unit.kind, doc.lang, makeUid));
        Object.assign(unit, { num: fresh.num, heading: fresh.heading, text: fresh.text, repealed: fresh.repealed, children: fresh.children });
        settle(unit, i, 'restated');
        break;
      }
      case 'insert': {
        const fresh = parseOr(fail, () => parseUnit(op.content, op.kind, doc.lang, makeUid));
        if (op.kind !== 'part' && fresh.num !== op.num) fail(`the quoted ${op.kind} is numbered ${fresh.num}, not ${op.num}`);
        const parent = op.parent.length ? found(op.parent) : null;
        if (parent && settled.get(parent)?.how === 'repealed') fail('the unit it would go into is excluded');
        insert(doc, parent, fresh, op.num, finder, fail);
        break;
      }
      case 'insertLine':
        lines.insert(textOf(op.address), op.line, op.content, fail);
        break;
      case 'repeal': {
        if (op.line !== undefined) {
          lines.remove(textOf(op.address), op.line, fail);
          break;
        }
        const unit = target(op.address);
        if (unit.kind === 'article' || unit.kind === 'chapter' || unit.kind === 'section') unit.heading = DEFAULT_STUB[doc.lang];
        else unit.text = DEFAULT_STUB[doc.lang];
        unit.repealed = true;
        unit.children = [];
        settle(unit, i, 'repealed');
        break;
      }
      case 'renumber':
        target(op.address).num = op.num;
        break;
      case 'replace':
      case 'add':
      case 'append':
      case 'delete':
      case 'mark': {
        const unit = target(op.address);
        if (op.heading) {
          unit.heading = editWords(unit.heading, op, fail);
        } else if (op.line !== undefined) {
          const holder = textOf(op.address);
          lines.edit(holder, op.line, (line) => editWords(line, op, fail), fail);
        } else {
          const holder = wordsHolder(unit, op, finder) ?? fail(wordsMissing(op));
          if ('several' in holder) fail(`the words are not in its own text but in ${holder.several} units under it: say which one`);
          else holder.text = editWords(holder.text, op, fail);
        }
        break;
      }
      case 'unchanged':
        // The change is in the other language's text; the unit must still be there to be named.
        found(op.address);
        break;
      case 'throughout': {
        // Counted first: a statement with a phrase that does not occur changes nothing.
        const counts = countThroughout(doc.body, op.replacements);
        const missing = op.replacements.filter((_, k) => counts[k] === 0);
        if (missing.length) fail(`the words ${missing.map((r) => `«${r.from}»`).join(', ')} do not occur in the text`);
        replaceThroughout(doc.body, op.replacements);
        break;
      }
    }
  }
}

/** The quoted new heading: the heading alone, or with its label ("Статья 5. …") as some laws quote it. */
function headingContent(content: string, fail: (why: string) => never): string {
  const text = content.replace(/^(Статья|Article|Глава|Chapter|Раздел|Section)\s+\d+(?:-\d+)*\.\s*/u, '').replace(/^\d+(?:-\d+)*-(бап|тарау|бөлім)\.\s*/u, '');
  if (text.includes('\n')) fail('a heading is one line');
  return text;
}

/**
 * The unit whose text a word statement about `unit` changes: its own text (an article's: its only
 * part) when the words are there; otherwise the one unit under it whose text has them once, as
 * statements address an article when the words occur once in it ("в статье 5 слова …").
 */
function wordsHolder(unit: Provision, op: WordOperation, finder: UnitFinder): Provision | { several: number } | undefined {
  const own = finder.textUnit(unit);
  const needle = op.op === 'replace' ? op.from : op.op === 'add' ? op.anchor : op.op === 'delete' ? op.words : null;
  if (op.op === 'mark') return own;
  if (own && (needle === null || own.text.includes(needle))) return own;
  if (needle === null) return own;
  const holders: Provision[] = [];
  const walk = (u: Provision) => {
    for (const c of finder.children(u)) {
      if (c.text.includes(needle)) holders.push(c);
      walk(c);
    }
  };
  walk(unit);
  if (holders.length > 1) return { several: holders.length };
  return holders[0] ?? own;
}

function wordsMissing(op: WordOperation): string {
  return op.op === 'append' ? 'it has no text of its own to add words to' : 'the words are not in it';
}

function parseOr<T>(fail: (why: string) => never, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    return fail(`the quoted text is not valid: ${(error as Error).message}`);
  }
}

/**
 * The only position of a phrase in a text, or a failure naming why there is not exactly one. A
 * phrase found several times, once as whole words ("вуз" in "вуз … вузовский"), is that once: the
 * statement names words, not parts of words.
 */
function onlyPosition(text: string, phrase: string, fail: (why: string) => never): number {
  const at = text.indexOf(phrase);
  if (!phrase || at < 0) return fail(`the words «${phrase}» are not in it`);
  if (text.indexOf(phrase, at + 1) < 0) return at;
  const whole = wholeWordMatches(text, [phrase]);
  if (whole.length === 1) return (whole[0] as { at: number }).at;
  return fail(`the words «${phrase}» occur more than once in it`);
}

/**
 * The word operations, with fixed spacing rules (the planner writes statements that these rules
 * carry out exactly):
 * - a replacement swaps the phrase;
 * - an addition puts the words after the anchor (before it, with `before`), one space between,
 *   none when the words begin with punctuation ("дополнить словами «, а также …»");
 * - an addition at the end puts the words before the final punctuation mark of the text, if any;
 * - a deletion takes out the phrase and one space beside it (the one after it when there is one);
 * - a final mark is the last character of the text, replaced.
 */
export function editWords(text: string, op: WordOperation, fail: (why: string) => never): string {
  switch (op.op) {
    case 'replace': {
      const at = onlyPosition(text, op.from, fail);
      return text.slice(0, at) + op.to + text.slice(at + op.from.length);
    }
    case 'add': {
      const at = onlyPosition(text, op.anchor, fail);
      if (op.before) return `${text.slice(0, at)}${op.words} ${text.slice(at)}`;
      const end = at + op.anchor.length;
      return `${text.slice(0, end)}${JOINS_LEFT.test(op.words) ? '' : ' '}${op.words}${text.slice(end)}`;
    }
    case 'append': {
      if (!text) fail('it has no text to add words to');
      const mark = FINAL_MARK.test(text) ? text.slice(-1) : '';
      const body = mark ? text.slice(0, -1) : text;
      return `${body}${JOINS_LEFT.test(op.words) ? '' : ' '}${op.words}${mark}`;
    }
    case 'mark': {
      if (!text.endsWith(op.from)) return fail(`it does not end with «${op.from}»`);
      return text.slice(0, -op.from.length) + op.to;
    }
    case 'delete': {
      const at = onlyPosition(text, op.words, fail);
      const end = at + op.words.length;
      if (text[end] === ' ' && !JOINS_LEFT.test(op.words)) return text.slice(0, at) + text.slice(end + 1);
      if (text[at - 1] === ' ') return text.slice(0, at - 1) + text.slice(end);
      return text.slice(0, at) + text.slice(end);
    }
  }
}

/**
 * The lines (абзацы) of units as an amending law addresses them: by their number in the text as it
 * stood, whatever lines the law already added or took out. Lines the law adds one after another
 * ("дополнить абзацами третьим и четвертым") follow each other: a new line N goes after the new
 * line N - 1 when the law added one.
 */
class LineTracker {
  /** For each unit touched: base line number (index + 1) → current line index, -1 when taken out. */
  private readonly maps = new Map<Provision, number[]>();
  /** For each unit touched: the line number a new line was added as → its current line index. */
  private readonly added = new Map<Provision, Map<number, number>>();

  private mapOf(unit: Provision): number[] {
    let map = this.maps.get(unit);
    if (!map) {
      map = lines(unit.text).map((_, i) => i);
      this.maps.set(unit, map);
      this.added.set(unit, new Map());
    }
    return map;
  }

  private indexOf(unit: Provision, line: number, fail: (why: string) => never): number {
    const at = this.mapOf(unit)[line - 1];
    if (at === undefined) return fail(`it has no line ${line}`);
    if (at < 0) return fail(`its line ${line} was already taken out`);
    // The map is of this unit's lines; a text changed otherwise since would not match it.
    if (at >= lines(unit.text).length) return fail(`its line ${line} is no longer where it was`);
    return at;
  }

  /** Moves every remembered index at or after `from` by `delta`; `gone` marks the one taken out. */
  private shift(unit: Provision, from: number, delta: number, gone?: number): void {
    const map = this.mapOf(unit);
    for (let k = 0; k < map.length; k++) {
      const at = map[k] as number;
      if (gone !== undefined && at === gone) map[k] = -1;
      else if (at >= from) map[k] = at + delta;
    }
    const added = this.added.get(unit) as Map<number, number>;
    for (const [line, at] of added) {
      if (gone !== undefined && at === gone) added.delete(line);
      else if (at >= from) added.set(line, at + delta);
    }
  }

  set(unit: Provision, line: number, content: string, fail: (why: string) => never): void {
    if (content.includes('\n')) fail('a line is one line');
    this.edit(unit, line, () => content, fail);
  }

  edit(unit: Provision, line: number, change: (text: string) => string, fail: (why: string) => never): void {
    const at = this.indexOf(unit, line, fail);
    const current = lines(unit.text);
    current[at] = change(current[at] as string);
    unit.text = current.join('\n');
  }

  /** A new line that becomes line `line`: after the new line `line - 1` if the law added one, else after line `line - 1` as it stood. */
  insert(unit: Provision, line: number, content: string, fail: (why: string) => never): void {
    if (content.includes('\n')) fail('a line is one line');
    const map = this.mapOf(unit);
    const added = this.added.get(unit) as Map<number, number>;
    const afterNew = added.get(line - 1);
    if (afterNew === undefined && (line < 1 || line > map.length + 1)) fail(`it has ${map.length} lines: no line ${line} can be added`);
    let at = 0;
    if (afterNew !== undefined) at = afterNew + 1;
    else {
      for (let k = line - 2; k >= 0; k--) {
        if ((map[k] as number) >= 0) {
          at = (map[k] as number) + 1;
          break;
        }
      }
    }
    const current = lines(unit.text);
    current.splice(at, 0, content);
    unit.text = current.join('\n');
    this.shift(unit, at, 1);
    added.set(line, at);
  }

  remove(unit: Provision, line: number, fail: (why: string) => never): void {
    const at = this.indexOf(unit, line, fail);
    const current = lines(unit.text);
    if (current.length === 1) fail('its only line cannot be taken out: exclude the unit instead');
    current.splice(at, 1);
    unit.text = current.join('\n');
    this.shift(unit, at + 1, -1, at);
  }
}

/** The lines of a text; none for an empty one. */
function lines(text: string): string[] {
  return text ? text.split('\n') : [];
}

/** Puts a new unit among its parent's children, in the place its number gives it. */
function insert(doc: LawDoc, parent: Provision | null, unit: Provision, num: string, finder: UnitFinder, fail: (why: string) => never): void {
  // A subparagraph of an article goes into its own text (its only part, as the article stood).
  if (parent?.kind === 'article' && unit.kind === 'subparagraph') {
    parent = finder.textUnit(parent) ?? fail(parent.children.some((c) => c.kind === 'part') ? 'the article has several parts: say which one takes the subparagraph' : 'the article has no text for a subparagraph to follow');
  }
  if (unit.kind === 'part') {
    // A part is addressed by position: "part three" goes after the second part.
    const list = parent ? parent.children : doc.body;
    const parts = list.filter((u) => u.kind === 'part');
    if (Number(num) > parts.length + 1) fail(`there are ${parts.length} parts: no part ${num} can be added`);
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
  collect(parent ? parent.children : doc.body, parent === null || parent.kind === 'section' || parent.kind === 'chapter');
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
