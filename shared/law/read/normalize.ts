import type { Lang } from '../language';

/** Text as a law holds it: one line, no-break and odd spaces made plain, Unicode composed, no indentation. */
export function normalizeBlock(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u00A0\u2000-\u200B\u202F\u205F\u3000\t]/g, ' ')
    .replace(/[\u00AD\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const OPENING_CONTEXT = /[\s([{«„\u2014\u2013-]/u;

/**
 * Typographic quotes for a Russian or Kazakh text whose quotes are ASCII (as the portal shows them,
 * at both levels): «…» outside, „…“ inside, as the official publication prints them. A `"` is an
 * opening quote where a word could begin (the start, a space, a bracket, a dash or another opening
 * quote before it) and a closing one after a letter, digit or punctuation; the depth decides the
 * kind. Already typographic quotes count for the depth too, so a mixed text comes out consistent.
 * English texts keep their quotes.
 */
export function typographicQuotes(text: string, lang: Lang): string {
  if (lang === 'en' || !text.includes('"')) return text;
  let depth = 0;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '«' || c === '„') depth += 1;
    else if ((c === '»' || c === '“') && depth > 0) depth -= 1;
    if (c !== '"') {
      out += c;
      continue;
    }
    const before = i === 0 ? ' ' : (text[i - 1] as string);
    const opening = OPENING_CONTEXT.test(before) || out.endsWith('«') || out.endsWith('„');
    if (opening) {
      out += depth === 0 ? '«' : '„';
      depth += 1;
    } else if (depth > 0) {
      depth -= 1;
      out += depth === 0 ? '»' : '“';
    } else out += '»'; // a stray closing quote: the closest reading
  }
  return out;
}

/** A word that mixes Cyrillic letters with a Latin i or I (old Kazakh texts: "негiзгi"). */
const MIXED_WORD = /[\p{L}\p{M}]*[Ii][\p{L}\p{M}]*/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * The Kazakh letter і for the Latin i that older Kazakh texts use in its place ("негiзгi" becomes
 * "негізгі"), only inside words that are otherwise Cyrillic, so Latin words ("IT", "iPhone") are
 * left alone. Returns the text and how many letters were changed.
 */
export function kazakhLetters(text: string): { text: string; changed: number } {
  let changed = 0;
  const fixed = text.replace(MIXED_WORD, (word) => {
    if (!CYRILLIC.test(word)) return word;
    return word.replace(/[Ii]/g, (c) => {
      changed += 1;
      return c === 'i' ? '\u0456' : '\u0406';
    });
  });
  return { text: fixed, changed };
}
