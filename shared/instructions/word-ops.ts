import type { PathStep } from '../amend/types';
import type { DiffOp } from '../diff/ops';
import { isWordToken, tokenize } from '../diff/tokenize';
import type { Lang } from '../law/language';
import { editWords } from './apply-ops';
import { FINAL_MARK, FINAL_MARKS, JOINS_LEFT, type Within, type WordOperation } from './types';

const fail = (why: string): never => {
  throw new Error(why);
};

/** Whether a phrase has a word of letters in it: quoted bare punctuation or a lone number says little to a reader. */
function hasWord(phrase: string): boolean {
  return /\p{L}/u.test(phrase);
}

/** Whether a quoted phrase would begin or end with a space (widen it to the next word instead). */
function looseEnds(phrase: string): boolean {
  return /^\s|\s$/.test(phrase);
}

/** How many times a phrase occurs in a text. */
function occurrences(text: string, phrase: string): number {
  if (!phrase) return 0;
  let n = 0;
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) n += 1;
  return n;
}

/** Moves tokens from the end of `before` / the start of `after` until a word was taken. */
function takeWordFromEnd(tokens: string[]): string {
  let out = '';
  while (tokens.length) {
    const t = tokens.pop() as string;
    out = t + out;
    if (isWordToken(t)) break;
  }
  return out;
}
function takeWordFromStart(tokens: string[]): string {
  let out = '';
  while (tokens.length) {
    const t = tokens.shift() as string;
    out += t;
    if (isWordToken(t)) break;
  }
  return out;
}


/**
 * A Kazakh modifier whose noun follows it ("ғылыми-зерттеу жобаларына"): a hyphenated compound or a
 * word with an adjective's ending. Kazakh puts the case ending on the noun, so a changed modifier is
 * quoted with its noun, as practice quotes phrases rather than words cut off from what they modify.
 */
function kazakhModifier(word: string): boolean {
  return /-/.test(word) || /(лық|лік|дық|дік|тық|тік|ғы|гі|қы|кі|дағы|дегі|тағы|тегі|шы|ші|ми|лы|лі|ды|ді|ты|ті|сыз|сіз)$/u.test(word);
}

/**
 * The word operations ("слова «…» заменить словами «…»", "после слов … дополнить словами …",
 * "дополнить словами …", "слова … исключить") that turn `base` into `proposed` along a word diff,
 * quoting each phrase exactly as in the text and widening it with neighbouring words until it occurs
 * once where it is applied. Words added at the end of the text become an addition at the end, never
 * a replacement that quotes the final punctuation. Every operation is tried on the text as it is
 * written; null when the result would not be exactly `proposed` (the caller then restates).
 */
export function wordOperations(base: string, proposed: string, diff: readonly DiffOp[], address: PathStep[], within: Within, lang: Lang): WordOperation[] | null {
  const ops: WordOperation[] = [];
  let current = base;
  let done = ''; // the proposed text up to the current hunk
  let rest = base; // the base text from the current hunk on
  try {
    for (let i = 0; i < diff.length; i++) {
      const [kind, text] = diff[i] as DiffOp;
      if (kind === 0) {
        done += text;
        rest = rest.slice(text.length);
        continue;
      }
      let del = '';
      let ins = '';
      while (i < diff.length && (diff[i] as DiffOp)[0] !== 0) {
        const [k, t] = diff[i] as DiffOp;
        if (k === -1) del += t;
        else ins += t;
        i += 1;
      }
      i -= 1;
      const after = rest.slice(del.length);
      const op = hunkOperation(current, done, del, ins, after, { address, ...within }, lang, done + ins + after);
      current = editWords(current, op, fail);
      ops.push(op);
      done += ins;
      rest = after;
    }
  } catch {
    return null;
  }
  // A quoted phrase never holds a line break: such a change is written line by line.
  const quoted = (op: WordOperation) => (op.op === 'replace' || op.op === 'mark' ? op.from + op.to : op.op === 'add' ? op.anchor + op.words : op.words);
  return current === proposed && !ops.some((op) => quoted(op).includes('\n')) ? ops : null;
}

type Target = { address: PathStep[] } & Within;

/** One change of a text (`del` → `ins` between `before` and `after`) as a word operation. */
function hunkOperation(current: string, before: string, del: string, ins: string, after: string, target: Target, lang: Lang, expected: string): WordOperation {
  const pre = tokenize(before);
  const post = tokenize(after);
  const tryOp = (op: WordOperation) => gives(current, op, expected);
  // Only the mark that ends the text changes ("точку заменить точкой с запятой").
  if (after === '' && FINAL_MARKS.includes(del) && FINAL_MARKS.includes(ins) && /\S$/.test(before)) {
    const op: WordOperation = { op: 'mark', ...target, from: del, to: ins };
    if (tryOp(op)) return op;
  }
  if (!del) {
    // Words added at the end (before the final mark, if any): "дополнить словами «…»".
    const atEnd = after === '' || (FINAL_MARK.test(after) && after.length === 1);
    if (atEnd && before.trim()) {
      const words = JOINS_LEFT.test(ins) ? ins : ins.replace(/^ /, '');
      const op: WordOperation = { op: 'append', ...target, words };
      if (words && !looseEnds(words) && tryOp(op)) return op;
    }
    // After a word: "после слов «anchor» дополнить словами «words»".
    if (/\S$/.test(before) && (/^ /.test(ins) || JOINS_LEFT.test(ins))) {
      const words = JOINS_LEFT.test(ins) ? ins : ins.slice(1);
      const left = [...pre];
      let anchor = takeWordFromEnd(left);
      while (occurrences(current, anchor) > 1 && left.length) anchor = takeWordFromEnd(left) + anchor;
      const op: WordOperation = { op: 'add', ...target, anchor, words };
      if (words && !looseEnds(words) && hasWord(anchor) && !anchor.includes('\n') && tryOp(op)) return op;
    }
    // The same addition, the space on the other side: after the word before the space.
    if (/ $/.test(ins) && /\S $/.test(before)) {
      const left = pre.slice(0, -1);
      let anchor = takeWordFromEnd(left);
      while (occurrences(current, anchor) > 1 && left.length) anchor = takeWordFromEnd(left) + anchor;
      const op: WordOperation = { op: 'add', ...target, anchor, words: ins.slice(0, -1) };
      if (hasWord(anchor) && !anchor.includes('\n') && tryOp(op)) return op;
    }
    // At the start of the text: "перед словом «anchor» дополнить словами «words»".
    if (before === '' && / $/.test(ins)) {
      const copy = [...post];
      let anchor = takeWordFromStart(copy);
      while (occurrences(current, anchor) > 1 && copy.length) anchor += takeWordFromStart(copy);
      const op: WordOperation = { op: 'add', ...target, anchor, words: ins.slice(0, -1), before: true };
      if (hasWord(anchor) && !anchor.includes('\n') && tryOp(op)) return op;
    }
  }
  if (del && !ins && hasWord(del) && occurrences(current, del.trim()) === 1) {
    // The space that goes with the words is taken out with them (apply-ops.ts).
    const op: WordOperation = { op: 'delete', ...target, words: del.trim() };
    if (tryOp(op)) return op;
  }
  // A replacement (or a deletion or addition that needs context): widen both sides alike, by the
  // fewest words that make the phrase occur once (words after it first, then before).
  let core = del;
  let coreTo = ins;
  if (!core) {
    // Nothing to quote on the deleted side: quote the word before (or, at the start, the next one).
    if (pre.length) {
      const word = takeWordFromEnd(pre);
      core = word;
      coreTo = word + ins;
    } else {
      const word = takeWordFromStart(post);
      core = word;
      coreTo = ins + word;
    }
  }
  const lefts = [''];
  for (const copy = [...pre]; copy.length; ) lefts.push(takeWordFromEnd(copy) + (lefts[lefts.length - 1] as string));
  const rights = [''];
  for (const copy = [...post]; copy.length; ) rights.push((rights[rights.length - 1] as string) + takeWordFromStart(copy));
  let from = core;
  let to = coreTo;
  let used = { l: 0, r: 0 };
  // Phrases never span a line break (a line is an абзац of its own); the final punctuation of a
  // sentence is quoted only when no phrase without it is found.
  const fits = (phrase: string, strict: boolean) => occurrences(current, phrase) === 1 && hasWord(phrase) && !looseEnds(phrase) && !phrase.includes('\n') && (!strict || !/[.;:,]$/.test(phrase) || /[.;:,]$/.test(core));
  search: for (const strict of [true, false]) {
    for (let size = 0; size < lefts.length + rights.length - 1; size++) {
      for (let l = 0; l <= size; l++) {
        const r = size - l;
        if (l >= lefts.length || r >= rights.length) continue;
        const phrase = (lefts[l] as string) + core + (rights[r] as string);
        if (fits(phrase, strict)) {
          from = phrase;
          to = (lefts[l] as string) + coreTo + (rights[r] as string);
          used = { l, r };
          break search;
        }
      }
    }
  }
  pre.splice(pre.length - tokenize(lefts[used.l] as string).length);
  post.splice(0, tokenize(rights[used.r] as string).length);
  // Kazakh: a changed modifier is quoted with the noun that carries its case ending.
  if (lang === 'kk' && post[0] === ' ' && post[1] && isWordToken(post[1]) && !/\s/.test(from.trim()) && kazakhModifier(from.trim())) {
    const w = takeWordFromStart(post);
    if (occurrences(current, from + w) === 1) {
      from += w;
      to += w;
    }
  }
  // Quote words, not the spaces or final punctuation around them, when both sides share them and the phrase stays unique.
  const lead = /^\s+/.exec(from)?.[0] ?? '';
  if (lead && to.startsWith(lead) && occurrences(current, from.slice(lead.length)) === 1) {
    from = from.slice(lead.length);
    to = to.slice(lead.length);
  }
  for (const tail of [/\s+$/, /[.;:,]$/]) {
    const shared = tail.exec(from)?.[0] ?? '';
    if (shared && to.endsWith(shared) && from.length > shared.length && hasWord(from.slice(0, -shared.length)) && occurrences(current, from.slice(0, -shared.length)) === 1) {
      from = from.slice(0, -shared.length);
      to = to.slice(0, -shared.length);
    }
  }
  return { op: 'replace', ...target, from, to };
}

/** Whether an operation, carried out on the text as it is, gives exactly the text expected. */
function gives(text: string, op: WordOperation, expected: string): boolean {
  try {
    return editWords(text, op, fail) === expected;
  } catch {
    return false;
  }
}
