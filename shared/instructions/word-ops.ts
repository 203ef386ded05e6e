import type { PathStep } from '../amend/types';
import type { DiffOp } from '../diff/ops';
import { isWordToken, tokenize } from '../diff/tokenize';
import { editWords } from './apply-ops';
import type { Operation } from './types';

type WordOperation = Extract<Operation, { op: 'replace' | 'add' | 'delete' }>;

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
 * The word operations ("слова «…» заменить словами «…»", "после слов …", "слова … исключить") that
 * turn `base` into `proposed` along a word diff, quoting each phrase exactly as in the text and
 * widening it with neighbouring words until it occurs once where it is applied. Every operation is
 * tried on the text as it is written; null when the result would not be exactly `proposed` (the
 * caller then restates the unit).
 */
export function wordOperations(base: string, proposed: string, diff: readonly DiffOp[], address: PathStep[], heading: boolean): WordOperation[] | null {
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
      const op = hunkOperation(current, done, del, ins, after, address, heading);
      current = editWords(current, op, fail);
      ops.push(op);
      done += ins;
      rest = after;
    }
  } catch {
    return null;
  }
  return current === proposed ? ops : null;
}

/** One change of a text (`del` → `ins` between `before` and `after`) as a word operation. */
function hunkOperation(current: string, before: string, del: string, ins: string, after: string, address: PathStep[], heading: boolean): WordOperation {
  const pre = tokenize(before);
  const post = tokenize(after);
  if (!del && /^\s/.test(ins) && /\S$/.test(before)) {
    // An addition after a word: "после слов «anchor» дополнить словами «words»".
    let anchor = takeWordFromEnd(pre);
    while (occurrences(current, anchor) > 1 && pre.length) anchor = takeWordFromEnd(pre) + anchor;
    return { op: 'add', address, heading, after: anchor, words: ins.slice(1) };
  }
  if (!del && /\s$/.test(ins) && /\s$/.test(before) && /\S$/.test(before.trimEnd())) {
    // The same addition, the space on the other side: move it over.
    pre.pop();
    let anchor = takeWordFromEnd(pre);
    while (occurrences(current, anchor) > 1 && pre.length) anchor = takeWordFromEnd(pre) + anchor;
    return { op: 'add', address, heading, after: anchor, words: ins.slice(0, -1) };
  }
  if (del && !ins && hasWord(del) && occurrences(current, del.trim()) === 1) return { op: 'delete', address, heading, words: del.trim() };
  // A replacement (or a deletion or addition that needs context): widen both sides alike.
  let from = del;
  let to = ins;
  if (!from) {
    // Nothing to quote on the deleted side: quote the next word (or the one before, at the end).
    if (post.length) {
      const word = takeWordFromStart(post);
      from = word;
      to = ins + word;
    } else {
      const word = takeWordFromEnd(pre);
      from = word;
      to = word + ins;
    }
  }
  // Widen until the phrase is unique and has a word; prefer the word before (a sentence's end
  // punctuation reads better quoted with the word it follows).
  while ((occurrences(current, from) !== 1 || !hasWord(from) || looseEnds(from)) && (post.length || pre.length)) {
    if (pre.length && (!hasWord(from) || /^\s/.test(from) || !post.length)) {
      const w = takeWordFromEnd(pre);
      from = w + from;
      to = w + to;
    } else if (post.length) {
      const w = takeWordFromStart(post);
      from += w;
      to += w;
    }
  }
  // Quote words, not the spaces around them, when both sides share them and the phrase stays unique.
  const lead = /^\s+/.exec(from)?.[0] ?? '';
  const trail = /\s+$/.exec(from)?.[0] ?? '';
  if (lead && to.startsWith(lead) && occurrences(current, from.slice(lead.length)) === 1) {
    from = from.slice(lead.length);
    to = to.slice(lead.length);
  }
  if (trail && to.endsWith(trail) && from.length > trail.length && occurrences(current, from.slice(0, -trail.length)) === 1) {
    from = from.slice(0, -trail.length);
    to = to.slice(0, -trail.length);
  }
  return { op: 'replace', address, heading, from, to };
}
