import { stemOf, wordsOf } from './terms';

/**
 * The word forms a term takes in the texts of laws, for a replacement "по всему тексту": the drafter
 * types a term once ("высшее учебное заведение"), is shown every form it stands in ("высших
 * учебных заведений", "высшим учебным заведением", …) with how often, and confirms each form with
 * the words that replace it. Unlike a search, a form is the term's words one after another with
 * only what the term has between them: a replacement must not swallow other words.
 */

/** One form of a term as it stands in a text: its exact characters and where. */
export interface TermMatch {
  start: number;
  end: number;
  form: string;
}

/** What a term looks for: the stem of each of its words, and what stands between them ("и (или)" keeps its brackets). */
export interface TermPattern {
  stems: string[];
  /** Between word i and i + 1, spaces collapsed to one. */
  between: string[];
}

const collapse = (s: string) => s.replace(/[\s\u00a0]+/gu, ' ');

/** The pattern of a term (a term of more than twelve words is cut there; an English "-y" goes, for "-ies"). */
export function termPattern(term: string): TermPattern {
  const words = wordsOf(term).slice(0, 12);
  return {
    stems: words.map((w) => stemOf(w.word).replace(/([a-z]{3})y$/u, '$1')),
    between: words.slice(1).map((w, i) => collapse(term.slice((words[i] as { end: number }).end, w.start))),
  };
}

/** Where a term stands in a text: its words one after another, each beginning with its stem (a short word: as it is), with what the term has between them. */
export function termMatches(text: string, pattern: TermPattern): TermMatch[] {
  const { stems, between } = pattern;
  if (stems.length === 0 || stems.some((s) => s.length === 0)) return [];
  const words = wordsOf(text);
  const out: TermMatch[] = [];
  const lower = (i: number) => (words[i] as { word: string }).word.toLowerCase().replace(/ё/g, 'е');
  for (let i = 0; i + stems.length <= words.length; i++) {
    let ok = true;
    for (let s = 0; s < stems.length && ok; s++) {
      const stem = stems[s] as string;
      // A word of one or two letters ("и", "в", "of") is itself, not the start of longer words.
      ok = (stem.length <= 2 ? lower(i + s) === stem : lower(i + s).startsWith(stem)) && (s === 0 || collapse(text.slice((words[i + s - 1] as { end: number }).end, (words[i + s] as { start: number }).start)) === between[s - 1]);
    }
    if (!ok) continue;
    const start = (words[i] as { start: number }).start;
    const end = (words[i + stems.length - 1] as { end: number }).end;
    out.push({ start, end, form: text.slice(start, end) });
    i += stems.length - 1;
  }
  return out;
}

/**
 * A first guess at the form of the new words that replaces one form of the term, for the drafter to
 * confirm or correct: when the term and the new words have as many words, each new word takes the
 * ending the form's word has after the term word's stem ("вуза" for "вуз" → "университета" for
 * "университет"), and a capital where the form has one. Otherwise the new words as typed. Only a
 * guess: Russian and Kazakh agreement is not this simple, which is why each form is confirmed.
 */
export function suggestReplacement(form: string, term: string, replacement: string): string {
  const formWords = wordsOf(form);
  const termWords = wordsOf(term);
  const newWords = wordsOf(replacement);
  // A form in capitals (a heading set in capitals) gets capitals; a form with a capital, a capital.
  const upper = /\p{L}/u.test(form) && form === form.toUpperCase();
  const capital = (word: string, like: string) => (upper ? word.toUpperCase() : /^\p{Lu}/u.test(like) ? word.charAt(0).toUpperCase() + word.slice(1) : word);
  if (formWords.length !== termWords.length || newWords.length !== termWords.length || form === term) {
    return formWords.length > 0 ? capital(replacement, (formWords[0] as { word: string }).word) : replacement;
  }
  let out = '';
  let last = 0;
  newWords.forEach((nw, k) => {
    const fw = (formWords[k] as { word: string }).word;
    const tw = (termWords[k] as { word: string }).word;
    const ending = fw.toLowerCase().slice(stemOf(tw).length);
    const termEnding = tw.toLowerCase().slice(stemOf(tw).length);
    // The new word loses its own ending (as typed, in the term's form) and takes the form's.
    // (A term word without an ending stands for new words without one: "вуз" → "университет".)
    const newStem = termEnding ? nw.word.slice(0, stemOf(nw.word).length) : nw.word;
    out += replacement.slice(last, nw.start) + capital(ending === termEnding ? nw.word : newStem + ending, fw);
    last = nw.end;
  });
  return out + replacement.slice(last);
}
