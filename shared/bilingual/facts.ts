import type { Lang } from '../law/language';
import { KK_MONTHS_NOMINATIVE, MONTHS } from '../law/months';

/**
 * The facts of a provision's text that must say the same in its Kazakh and Russian texts —
 * numbers, percentages, dates, amounts and references to units — each written in a form that does
 * not depend on the language, so that "1 июля 2026 года" and "2026 жылғы 1 шілде" are one date,
 * "10 %", "10 процентов" and "10 пайыз" one percentage, "статьи 5" and "5-бабының" one reference.
 * A linguistic review compares the words; this compares what the words must agree on.
 */

/** One fact: its kind and its language-free value ("date:2026-07-01", "pct:10", "ref:article:5", "num:3"). */
export interface Fact {
  kind: 'date' | 'pct' | 'ref' | 'num';
  value: string;
  /** Where it stands in the text. */
  start: number;
  end: number;
}

const RU_REF: readonly [RegExp, string][] = [
  [/^стат(ья|ьи|ье|ью|ьей|ьям|ьях|ьями|ей)$/u, 'article'],
  [/^пункт(а|у|ом|е|ы|ов|ам|ами|ах)?$/u, 'paragraph'],
  [/^подпункт(а|у|ом|е|ы|ов|ам|ами|ах)?$/u, 'subparagraph'],
  [/^глав(а|ы|е|у|ой)$/u, 'chapter'],
  [/^раздел(а|у|ом|е)?$/u, 'section'],
];

/** Kazakh unit words come after their number: "5-бап", "5-бабының", "1-тармағы", "2) тармақшасы". */
const KK_REF: readonly [RegExp, string][] = [
  [/^бап|^баб/u, 'article'],
  [/^тармақша/u, 'subparagraph'],
  [/^тармақ|^тармағ/u, 'paragraph'],
  [/^тарау/u, 'chapter'],
  [/^бөлім/u, 'section'],
];

const NUMBER = String.raw`\d+(?:[.,]\d+)?`;

/**
 * Number words as laws write shares and terms ("не менее тридцати процентов", "кемінде отыз
 * пайызы", "десяти рабочих дней", "он жұмыс күні"): each word's stem and value; a run of them adds
 * up ("двадцати пяти" 25, "жиырма бес" 25).
 */
const NUMBER_WORDS: readonly [RegExp, number][] = [
  // Russian, any case; the teens before the units whose stems begin them ("четырнадцати" is not "четыр…" 4).
  [/^одиннадцат/u, 11], [/^двенадцат/u, 12], [/^тринадцат/u, 13], [/^четырнадцат/u, 14], [/^пятнадцат/u, 15], [/^шестнадцат/u, 16], [/^семнадцат/u, 17], [/^восемнадцат/u, 18], [/^девятнадцат/u, 19],
  [/^(одн|один)/u, 1], [/^(дв[аеу]|двух)$/u, 2], [/^тр(и|ех|ём|ем|ёх)$/u, 3], [/^четыр/u, 4], [/^пят(ь|и|ью)$/u, 5], [/^шест(ь|и|ью)$/u, 6], [/^сем(ь|и|ью)$/u, 7], [/^вос(емь|ьми|емью)$/u, 8], [/^девят(ь|и|ью)$/u, 9],
  [/^десят(ь|и|ью)$/u, 10], [/^двадцат/u, 20], [/^тридцат/u, 30], [/^сорок/u, 40], [/^пятидесят|^пятьдесят/u, 50], [/^шестидесят|^шестьдесят/u, 60], [/^семидесят|^семьдесят/u, 70], [/^восьмидесят|^восемьдесят/u, 80], [/^девяност/u, 90], [/^(сто|ста)$/u, 100],
  // Kazakh, with or without a suffix.
  [/^бір/u, 1], [/^екі/u, 2], [/^үш/u, 3], [/^төрт/u, 4], [/^бес/u, 5], [/^алты/u, 6], [/^жеті/u, 7], [/^сегіз/u, 8], [/^тоғыз/u, 9],
  [/^он$|^онн?[ыа]/u, 10], [/^жиырма/u, 20], [/^отыз/u, 30], [/^қырық/u, 40], [/^елу/u, 50], [/^алпыс/u, 60], [/^жетпіс/u, 70], [/^сексен/u, 80], [/^тоқсан/u, 90], [/^жүз/u, 100],
];

const wordValue = (word: string): number | null => NUMBER_WORDS.find(([re]) => re.test(word.toLowerCase()))?.[1] ?? null;

/** The value of a run of number words ending just before `end` in `text` (null if none), and where it starts. */
function numberWordsBefore(text: string, end: number): { value: number; start: number } | null {
  const before = text.slice(0, end);
  const words = [...before.matchAll(/\p{L}+/gu)];
  let value = 0;
  let start = -1;
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i] as RegExpMatchArray;
    const between = before.slice((w.index as number) + w[0].length, i === words.length - 1 ? end : (words[i + 1] as RegExpMatchArray).index);
    if (!/^\s*$/u.test(between)) break;
    const v = wordValue(w[0]);
    if (v === null) break;
    value += v;
    start = w.index as number;
  }
  return start < 0 ? null : { value, start };
}
/** A unit's number as laws write it: 5, 5-1, 5-1-2 (a subparagraph's ")" is not part of it). */
const UNIT_NUM = String.raw`\d+(?:-\d+)*`;

const monthOf = (word: string): number => {
  const w = word.toLowerCase();
  const at = [MONTHS.ru, MONTHS.kk, KK_MONTHS_NOMINATIVE].map((list) => list.findIndex((m) => w === m || (w.startsWith(m) && list === KK_MONTHS_NOMINATIVE))).find((i) => i >= 0);
  return at === undefined ? -1 : at;
};
const iso = (y: string, m: number, d: string) => `${y}-${String(m + 1).padStart(2, '0')}-${d.padStart(2, '0')}`;

/**
 * The facts of a text in one language, in the order they stand. A number that is part of a date,
 * a percentage or a reference is that fact only; every other number stands for itself (an amount,
 * a term in days, a count), with a decimal comma read as a point.
 */
export function factsOf(text: string, lang: Lang): Fact[] {
  const facts: Fact[] = [];
  const taken: [number, number][] = [];
  const free = (start: number, end: number) => !taken.some(([s, e]) => start < e && end > s);
  const add = (kind: Fact['kind'], value: string, start: number, end: number) => {
    if (!free(start, end)) return;
    facts.push({ kind, value, start, end });
    taken.push([start, end]);
  };
  const each = (re: RegExp, fn: (m: RegExpMatchArray) => void) => {
    for (const m of text.matchAll(re)) fn(m);
  };
  // Dates: "1 июля 2026 года" (ru, en "1 July 2026"), "2026 жылғы 1 шілде(дегі)" (kk), "01.07.2026".
  each(/(\d{1,2})\s+(\p{L}+)\s+(\d{4})(?:\s+года)?/gu, (m) => {
    const month = monthOf(m[2] as string);
    if (month >= 0) add('date', iso(m[3] as string, month, m[1] as string), m.index as number, (m.index as number) + m[0].length);
  });
  each(/(\d{4})\s+жылғы\s+(\d{1,2})\s+(\p{L}+)/gu, (m) => {
    const month = monthOf(m[3] as string);
    if (month >= 0) add('date', iso(m[1] as string, month, m[2] as string), m.index as number, (m.index as number) + m[0].length);
  });
  each(/\b(\d{2})\.(\d{2})\.(\d{4})\b/gu, (m) => add('date', `${m[3]}-${m[2]}-${m[1]}`, m.index as number, (m.index as number) + m[0].length));
  // Percentages: "10 %", "10%", "10 процентов", "10 пайыз(ы)", "10 per cent".
  each(new RegExp(String.raw`(${NUMBER})\s*(?:%|процент\p{L}*|пайыз\p{L}*|per\s*cent|percent)`, 'gu'), (m) => add('pct', (m[1] as string).replace(',', '.'), m.index as number, (m.index as number) + m[0].length));
  // Shares written in words: "тридцати процентов", "отыз пайызы".
  each(/(процент\p{L}*|пайыз\p{L}*)/gu, (m) => {
    const words = numberWordsBefore(text, m.index as number);
    if (words) add('pct', String(words.value), words.start, (m.index as number) + m[0].length);
  });
  // References: ru "статьи 5", "пункта 2-1", "подпункта 3)"; kk "5-бап", "2-1-тармағы", "3) тармақшасы".
  if (lang === 'kk') {
    each(new RegExp(String.raw`(${UNIT_NUM})(?:-|\)\s*)(\p{L}+)`, 'gu'), (m) => {
      const kind = KK_REF.find(([re]) => re.test((m[2] as string).toLowerCase()))?.[1];
      if (kind) add('ref', `${kind}:${m[1]}`, m.index as number, (m.index as number) + m[0].length);
    });
  } else {
    each(new RegExp(String.raw`(\p{L}+)\s+(${UNIT_NUM})\)?`, 'gu'), (m) => {
      const word = (m[1] as string).toLowerCase();
      const kind = lang === 'ru' ? RU_REF.find(([re]) => re.test(word))?.[1] : /^(article|paragraph|subparagraph|chapter|section)s?$/u.test(word) ? word.replace(/s$/u, '') : undefined;
      if (kind) add('ref', `${kind}:${m[2]}`, m.index as number, (m.index as number) + m[0].length);
    });
  }
  // Everything else that is a number.
  each(new RegExp(String.raw`(?<![\p{L}\d-])(${NUMBER})(?![\d])`, 'gu'), (m) => add('num', (m[1] as string).replace(',', '.'), m.index as number, (m.index as number) + m[0].length));
  return facts.sort((a, b) => a.start - b.start);
}

/**
 * The facts on which two texts of one provision differ: what one has and the other lacks, counted
 * (a fact twice in one text and once in the other differs once). Empty when they agree.
 */
export function factDifference(a: readonly Fact[], b: readonly Fact[]): { onlyA: string[]; onlyB: string[] } {
  const count = (list: readonly Fact[]) => {
    const m = new Map<string, number>();
    for (const f of list) m.set(`${f.kind}:${f.value}`, (m.get(`${f.kind}:${f.value}`) ?? 0) + 1);
    return m;
  };
  const ca = count(a);
  const cb = count(b);
  const onlyA: string[] = [];
  const onlyB: string[] = [];
  for (const [k, n] of ca) for (let i = cb.get(k) ?? 0; i < n; i++) onlyA.push(k);
  for (const [k, n] of cb) for (let i = ca.get(k) ?? 0; i < n; i++) onlyB.push(k);
  return { onlyA, onlyB };
}
