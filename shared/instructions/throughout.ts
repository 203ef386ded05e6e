import type { Provision } from '../law/provision';
import type { Replacement } from './types';

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/**
 * Where each phrase stands in a text as whole words: not glued to a letter or digit on either side
 * (a phrase that begins or ends with punctuation has no such edge there). "По всему тексту слова
 * «вуз» заменить…" changes "вуз", not "вузовский". At each position the longest phrase wins, so
 * «университет» and «университета» in one statement do not overlap.
 */
export function wholeWordMatches(text: string, phrases: readonly string[]): { at: number; index: number }[] {
  const order = phrases.map((p, index) => ({ p, index })).filter((x) => x.p).sort((a, b) => b.p.length - a.p.length);
  const out: { at: number; index: number }[] = [];
  for (let at = 0; at < text.length; ) {
    const hit = order.find(({ p }) => text.startsWith(p, at) && edgeOk(text, at, p));
    if (hit) {
      out.push({ at, index: hit.index });
      at += hit.p.length;
    } else at += 1;
  }
  return out;
}

function edgeOk(text: string, at: number, phrase: string): boolean {
  const startsWord = WORD_CHAR.test(phrase[0] as string);
  const endsWord = WORD_CHAR.test(phrase[phrase.length - 1] as string);
  const before = at > 0 ? (text[at - 1] as string) : '';
  const after = text[at + phrase.length] ?? '';
  return !(startsWord && before && WORD_CHAR.test(before)) && !(endsWord && after && WORD_CHAR.test(after));
}

/** A text with every replacement made at once, as whole words; and how often each was made. */
export function replaceWholeWords(text: string, replacements: readonly Replacement[]): { text: string; counts: number[] } {
  const counts = replacements.map(() => 0);
  const matches = wholeWordMatches(
    text,
    replacements.map((r) => r.from),
  );
  if (matches.length === 0) return { text, counts };
  let out = '';
  let last = 0;
  for (const { at, index } of matches) {
    const r = replacements[index] as Replacement;
    let start = at;
    let end = at + r.from.length;
    // Words taken out take one space with them, as a deletion does.
    if (r.to === '') {
      if (text[end] === ' ' && !/^[,.;:)]/u.test(r.from)) end += 1;
      else if (text[start - 1] === ' ' && start - 1 >= last) start -= 1;
    }
    out += text.slice(last, start) + r.to;
    last = end;
    counts[index] = (counts[index] as number) + 1;
  }
  return { text: out + text.slice(last), counts };
}

/** How often each phrase stands as whole words in units (headings and texts), changing nothing. */
export function countThroughout(units: readonly Provision[], replacements: readonly Replacement[]): number[] {
  const total = replacements.map(() => 0);
  const walk = (list: readonly Provision[]) => {
    for (const u of list) {
      for (const field of ['heading', 'text'] as const) {
        for (const m of wholeWordMatches(u[field], replacements.map((r) => r.from))) total[m.index] = (total[m.index] as number) + 1;
      }
      walk(u.children);
    }
  };
  walk(units);
  return total;
}

/**
 * Carries out a "throughout the text" statement on units in place (headings and texts): every
 * replacement at once, as whole words. Returns how often each replacement was made.
 */
export function replaceThroughout(units: Provision[], replacements: readonly Replacement[]): number[] {
  const total = replacements.map(() => 0);
  const walk = (list: Provision[]) => {
    for (const u of list) {
      for (const field of ['heading', 'text'] as const) {
        const { text, counts } = replaceWholeWords(u[field], replacements);
        u[field] = text;
        counts.forEach((n, k) => (total[k] = (total[k] as number) + n));
      }
      walk(u.children);
    }
  };
  walk(units);
  return total;
}
