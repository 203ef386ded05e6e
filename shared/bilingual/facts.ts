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
