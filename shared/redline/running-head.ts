import type { Lang } from '../law/language';
import { KK_MONTHS_NOMINATIVE, MONTHS } from '../law/months';

/**
 * What the running header of an exported document names: the law, the package it is amended in,
 * and the date of the text. Printed on every page, so that a page that comes loose from the rest
 * still says what it is a page of.
 */
export interface RunningHead {
  /** The title of the law (the redline's) or of the amending law. */
  law: string;
  /** The package's title, when the document comes from a package (not from the command line). */
  package?: string;
  /** The date of the text shown (YYYY-MM-DD): the draft's last save. */
  date?: string;
}

/** The word a draft carries at the top right of every page, in the law's language. */
export const DRAFT_STAMP: Record<Lang, string> = { ru: 'Проект', kk: 'Жоба', en: 'Draft' };

/** Where a page label puts the number of the page and the number of pages. */
export type PageField = { field: 'page' } | { field: 'pages' };

/** A page label as text and fields, so that the DOCX (PAGE, NUMPAGES) and the PDF (CSS counters) say the same. */
export type PageLabelPiece = string | PageField;

const PAGE: PageField = { field: 'page' };
const PAGES: PageField = { field: 'pages' };

/**
 * The footer's page label per language: "стр. 2 из 5", "2-бет, барлығы 5 бет" (the number before
 * the word, as in "5-бап"), "Page 2 of 5".
 */
export const PAGE_LABEL: Record<Lang, readonly PageLabelPiece[]> = {
  ru: ['стр. ', PAGE, ' из ', PAGES],
  kk: [PAGE, '-бет, барлығы ', PAGES, ' бет'],
  en: ['Page ', PAGE, ' of ', PAGES],
};

/**
 * A date as a header prints it: "1 декабря 2026 г.", "2026 жылғы 1 желтоқсан", "1 December 2026";
 * a string that is not YYYY-MM-DD is printed as given.
 */
export function dateInWords(lang: Lang, iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const [y, month, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const name = (lang === 'kk' ? KK_MONTHS_NOMINATIVE : MONTHS[lang])[month - 1];
  if (!name) return iso;
  if (lang === 'ru') return `${d} ${name} ${y} г.`;
  if (lang === 'kk') return `${y} жылғы ${d} ${name}`;
  return `${d} ${name} ${y}`;
}

/** The running header's lines: the law, then the package and the date (what is given of them). */
export function runningHeadLines(lang: Lang, head: RunningHead): string[] {
  const second = [head.package, head.date ? dateInWords(lang, head.date) : undefined].filter(Boolean).join(' · ');
  return [head.law, second].filter(Boolean);
}
