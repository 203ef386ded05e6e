import type { Lang } from '../law/language';
import { escapeXmlText } from '../text/escape';
import { cellHtml, tablePageHtml, TABLE_WORDS, type ComparativeRow, type Run } from './comparative';

/**
 * The comparative table in both official languages, as practice sometimes requires it: for each
 * changed unit, its Kazakh wording (current, proposed) beside its Russian wording, from the two
 * language tables of one package (rows of one unit share its uid). A unit changed in one language
 * only shows in the other language's columns that its text there does not change (it was marked
 * so), or a dash when nothing says so.
 */

/** One side of a row: the unit's wording in one language, or why there is none. */
export type BilingualSide = { current: Run[][]; proposed: Run[][] } | 'unchanged' | 'absent';

/** One row: one changed unit in both languages. */
export interface BilingualRow {
  no: number;
  uid: string;
  /** The unit as each language names it ("5-бап, 2-тармақ" / "Статья 5, пункт 2"); '' where that language's table has no row for it. */
  element: { kk: string; ru: string };
  kk: BilingualSide;
  ru: BilingualSide;
  justification: string;
}

/** "The text in this language does not change", in that language (what its columns say). */
export const UNCHANGED_TEXT: Record<'kk' | 'ru', string> = { kk: 'Қазақ тіліндегі мәтіні өзгермейді.', ru: 'Текст на русском языке не изменяется.' };

/**
 * The rows of both tables merged unit by unit, in the Russian table's order with the units changed
 * in Kazakh only where they stand in the Kazakh table; `unchanged`: the uids marked unchanged in
 * each language. The justification is the Russian row's (the Kazakh one's when there is none).
 */
export function bilingualRows(kk: readonly ComparativeRow[], ru: readonly ComparativeRow[], unchanged: { kk: ReadonlySet<string>; ru: ReadonlySet<string> }): BilingualRow[] {
  const kkByUid = new Map(kk.map((r, i) => [r.uid, { r, i }]));
  const ruUids = new Set(ru.map((r) => r.uid));
  const out: Omit<BilingualRow, 'no'>[] = [];
  const side = (row: ComparativeRow | undefined, lang: 'kk' | 'ru', uid: string): BilingualSide => (row ? { current: row.current, proposed: row.proposed } : unchanged[lang].has(uid) ? 'unchanged' : 'absent');
  let nextKk = 0;
  // The Kazakh rows before index `until` that the Russian table lacks go in first, in their order.
  const flushKk = (until: number) => {
    for (; nextKk < until; nextKk++) {
      const row = kk[nextKk] as ComparativeRow;
      if (ruUids.has(row.uid)) continue;
      out.push({ uid: row.uid, element: { kk: row.element, ru: '' }, kk: side(row, 'kk', row.uid), ru: side(undefined, 'ru', row.uid), justification: row.justification });
    }
  };
  for (const row of ru) {
    const partner = kkByUid.get(row.uid);
    if (partner && partner.i >= nextKk) {
      flushKk(partner.i);
      nextKk = partner.i + 1;
    }
    out.push({ uid: row.uid, element: { kk: partner?.r.element ?? '', ru: row.element }, kk: side(partner?.r, 'kk', row.uid), ru: side(row, 'ru', row.uid), justification: row.justification || partner?.r.justification || '' });
  }
  flushKk(kk.length);
  return out.map((r, i) => ({ ...r, no: i + 1 }));
}

/** The lines of one side's cell: its wording, or what stands for it. */
export function sideCells(s: BilingualSide, lang: 'kk' | 'ru'): { current: Run[][]; proposed: Run[][] } {
  if (s === 'unchanged') return { current: [[{ text: UNCHANGED_TEXT[lang], bold: false }]], proposed: [[{ text: UNCHANGED_TEXT[lang], bold: false }]] };
  if (s === 'absent') return { current: [[{ text: '—', bold: false }]], proposed: [[{ text: '—', bold: false }]] };
  return s;
}

/** The column headings: number, element and justification in `lang`, the wording columns each in its own language. */
export function bilingualHeadings(lang: Lang): string[] {
  const w = TABLE_WORDS[lang];
  return [w.no, w.element, TABLE_WORDS.kk.current, TABLE_WORDS.kk.proposed, TABLE_WORDS.ru.current, TABLE_WORDS.ru.proposed, w.justification];
}

/** The bilingual table as a standalone HTML page (landscape when printed). */
export function bilingualTableHtml(rows: readonly BilingualRow[], lang: Lang, heading: string): string {
  const title = `${TABLE_WORDS.kk.title} / ${TABLE_WORDS.ru.title}`;
  const body = rows
    .map((r) => {
      const kk = sideCells(r.kk, 'kk');
      const ru = sideCells(r.ru, 'ru');
      return `<tr><td class="no">${r.no}</td><td>${(['kk', 'ru'] as const).filter((l) => r.element[l]).map((l) => `<p lang="${l}">${escapeXmlText(r.element[l])}</p>`).join('')}</td><td lang="kk">${cellHtml(kk.current)}</td><td lang="kk">${cellHtml(kk.proposed)}</td><td lang="ru">${cellHtml(ru.current)}</td><td lang="ru">${cellHtml(ru.proposed)}</td><td>${escapeXmlText(r.justification)}</td></tr>`;
    })
    .join('\n');
  return tablePageHtml({ lang, title, heading, widths: [4, 11, 19, 19, 19, 19, 9], headings: bilingualHeadings(lang), rows: body, fontPt: 10.5 });
}
