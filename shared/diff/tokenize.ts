/**
 * Splits legal text into the units a lawyer reads: words, numbers, runs of white space and single
 * punctuation marks. A diff over these tokens can never cut a word in two.
 * - words keep inner hyphens and apostrophes: `научно-технической`, `ғылыми-техникалық`, `don't`;
 * - numbers keep their inner punctuation, a hyphenated suffix and a closing `)` or `%`: `5-1`,
 *   `17-1)`, `1.5%`, `01.02.2025`, `103-VIII`, `5-бап` are one token each;
 * - everything else is one code point per token (quotes «», „“, dashes, brackets), so surrogate
 *   pairs stay whole (the pattern is Unicode-aware).
 */
const TOKEN = new RegExp(
  [
    // numbers with inner separators, and a closing ) or % (5-1, 17-1), 1.5%, 01.02.2025, 9-1))
    String.raw`\p{Nd}+(?:[.,\-/]\p{Nd}+)*(?:-[\p{L}\p{M}]+)?(?:\)|%)?`,
    // words, with inner hyphens or apostrophes (letters and digits of any script, combining marks)
    String.raw`[\p{L}\p{M}\p{Nd}_]+(?:[-'’][\p{L}\p{M}\p{Nd}_]+)*`,
    // white space, as one run
    String.raw`\s+`,
    // anything else: one code point
    String.raw`[^]`,
  ].join('|'),
  'gu',
);

/** The tokens of a text; joined back together they give the text exactly. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Whether a token is a word or number (as opposed to white space or punctuation). */
export function isWordToken(token: string): boolean {
  return /^[\p{L}\p{M}\p{Nd}]/u.test(token);
}
