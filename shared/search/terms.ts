/**
 * The words of a search and how they are found in the texts of laws, whatever form they take
 * there: each query word is cut to a stem (its inflectional ending, or in Kazakh its chain of
 * suffixes, taken off), and a text matches when every stem begins a word of it, in the query's
 * order, close together. "высшее учебное заведение" finds "высших учебных заведений";
 * "университеттер" finds "университеттің", "университетке". The index (SQLite FTS5 over trigrams)
 * narrows the units to those holding every stem; `findTerms` then checks and places the matches.
 */

/** Russian inflectional endings, longest first (nouns, adjectives, participles, verbs). */
const RU_ENDINGS = [
  'ыми', 'ими', 'ого', 'его', 'ому', 'ему', 'ами', 'ями', 'иях', 'ией', 'ием', 'ией', 'ться', 'тся',
  'ых', 'их', 'ой', 'ей', 'ий', 'ый', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ую', 'юю', 'ом', 'ем',
  'ам', 'ям', 'ах', 'ях', 'ов', 'ев', 'ью', 'ия', 'ию', 'ии', 'ья', 'ье', 'ет', 'ит', 'ут', 'ют',
  'ат', 'ят', 'ть', 'а', 'я', 'о', 'е', 'ы', 'и', 'у', 'ю', 'ь', 'й',
];

/** Kazakh suffixes (plural, possessive, case), taken off repeatedly from the end, longest first. */
const KK_SUFFIXES = [
  'лардың', 'лердің', 'дардың', 'дердің', 'тардың', 'тердің', 'ларға', 'лерге', 'дарға', 'дерге', 'тарға', 'терге',
  'ларда', 'лерде', 'лардан', 'лерден', 'ларын', 'лерін', 'ларды', 'лерді',
  'лар', 'лер', 'дар', 'дер', 'тар', 'тер', 'ның', 'нің', 'дың', 'дің', 'тың', 'тің', 'ға', 'ге', 'қа', 'ке',
  'нда', 'нде', 'да', 'де', 'та', 'те', 'нан', 'нен', 'дан', 'ден', 'тан', 'тен', 'мен', 'бен', 'пен',
  'ны', 'ні', 'ды', 'ді', 'ты', 'ті', 'сы', 'сі', 'ы', 'і', 'н', 'а', 'е',
];

/** English endings, longest first. */
const EN_ENDINGS = ['ations', 'ation', 'ings', 'ing', 'ies', 'ied', 'es', 'ed', 'ly', 's'];

/** Letters special to Kazakh: a word with one is Kazakh. */
const KAZAKH_LETTERS = /[әғқңөұүһі]/;

/** Stems shorter than this are not cut further (a short word is its own stem). */
const MIN_STEM = 3;

function cutOnce(word: string, endings: readonly string[], min: number): string {
  for (const e of endings) if (word.length - e.length >= min && word.endsWith(e)) return word.slice(0, -e.length);
  return word;
}

/**
 * The stem of one word, lower-cased: Latin words lose an English ending, Cyrillic ones a Russian
 * ending, or — with a Kazakh letter, or a Kazakh suffix chain the Russian rules do not know — their
 * Kazakh suffixes. Deliberately light: a stem too short finds too much, so at least three letters
 * stay, and a Russian or English word of up to four letters is kept whole.
 */
export function stemOf(word: string): string {
  const w = word.toLowerCase().replace(/ё/g, 'е');
  const kazakh = (min: number) => {
    let stem = w;
    for (let k = 0; k < 4; k++) {
      const next = cutOnce(stem, KK_SUFFIXES, min);
      if (next === stem) break;
      stem = next;
    }
    return stem;
  };
  // A Kazakh word: its suffixes come off down to a three-letter root (заңы → заң).
  if (KAZAKH_LETTERS.test(w)) return kazakh(MIN_STEM);
  if (w.length <= 4) return w;
  if (/^[a-z]/.test(w)) return cutOnce(w, EN_ENDINGS, MIN_STEM);
  const ru = cutOnce(w, RU_ENDINGS, MIN_STEM);
  // A Cyrillic word with no Kazakh letter may still be Kazakh (университеттерге): whichever
  // reading takes off more is the suffix chain.
  const kk = kazakh(4);
  return kk.length < ru.length && w.length - kk.length > 2 ? kk : ru;
}

/** The words of a text (letters and digits, with inner hyphens: "5-1", "научно-технический"). */
export function wordsOf(text: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)) out.push({ word: m[0], start: m.index as number, end: (m.index as number) + m[0].length });
  return out;
}

/** The stems of a query, in order (at most a few dozen words). */
export function queryStems(query: string): string[] {
  return wordsOf(query)
    .slice(0, 32)
    .map((w) => stemOf(w.word));
}

/**
 * The FTS5 query that narrows the index to units holding every stem (a trigram index matches
 * strings of three letters or more; shorter stems are checked by findTerms alone). Null when
 * no stem is long enough to ask the index.
 */
export function indexQuery(stems: readonly string[]): string | null {
  const usable = [...new Set(stems.filter((s) => s.length >= 3))];
  if (usable.length === 0) return null;
  return usable.map((s) => `"${s.replace(/"/g, '""')}"`).join(' AND ');
}

/** How many words may stand between two words of a query in a match. */
const MAX_GAP = 2;

/**
 * Where a query's stems match in a text: each stem begins a word, in the query's order, with at
 * most two other words between consecutive ones. Gives the character ranges of every match.
 */
export function findTerms(text: string, stems: readonly string[]): { start: number; end: number }[] {
  if (stems.length === 0) return [];
  const words = wordsOf(text).map((w) => ({ ...w, lower: w.word.toLowerCase().replace(/ё/g, 'е') }));
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!(words[i] as { lower: string }).lower.startsWith(stems[0] as string)) continue;
    let at = i;
    let ok = true;
    for (let s = 1; s < stems.length && ok; s++) {
      let found = -1;
      for (let j = at + 1; j <= Math.min(words.length - 1, at + 1 + MAX_GAP); j++) {
        if ((words[j] as { lower: string }).lower.startsWith(stems[s] as string)) {
          found = j;
          break;
        }
      }
      if (found < 0) ok = false;
      else at = found;
    }
    if (!ok) continue;
    out.push({ start: (words[i] as { start: number }).start, end: (words[at] as { end: number }).end });
    i = at;
  }
  return out;
}
