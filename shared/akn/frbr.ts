import type { Lang } from '../law/language';
import { escapeXmlAttribute } from '../text/escape';

/** What identifies an act: its kind, date of adoption, number and title. */
export interface AknWork {
  kind: 'law' | 'code';
  /** The date the act was adopted (YYYY-MM-DD); null when unknown. */
  date: string | null;
  number: string | null;
  title: string;
}

/** ISO 639-2 codes, as Akoma Ntoso names languages in its URIs. */
export const AKN_LANG: Record<Lang, string> = { ru: 'rus', kk: 'kaz', en: 'eng' };

/** A date as Akoma Ntoso takes it (YYYY-MM-DD), or null for anything else (a corpus may hold free text). */
export function validDate(date: string | null | undefined): string | null {
  return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
}

/** The work's FRBR URI: `/akn/kz/act/2024-07-01/103-VIII` (`code` as subtype for codes). */
export function workUri(work: AknWork): string {
  const date = validDate(work.date) ?? '0000-00-00';
  const number = (work.number ?? 'nn').replace(/[^\p{L}\p{N}-]+/gu, '-');
  return `/akn/kz/act/${work.kind === 'code' ? 'code/' : ''}${date}/${number}`;
}

/** The expression's FRBR URI: the work in one language as of a date (`…/rus@2026-11-27`). */
export function expressionUri(work: AknWork, lang: Lang, asOf: string): string {
  return `${workUri(work)}/${AKN_LANG[lang]}@${asOf}`;
}

/**
 * The `<identification>` block of a document's `<meta>`. Its values are attribute values, escaped:
 * a date or an author comes from the database, and a stray quote there must not end an attribute.
 */
export function identification(workThis: string, lang: Lang, asOf: string, workDate: string, author: string): string {
  const a = escapeXmlAttribute;
  const work = a(workThis);
  const expr = a(`${workThis}/${AKN_LANG[lang]}@${asOf}`);
  return `<identification source="#zan">
      <FRBRWork><FRBRthis value="${work}/!main"/><FRBRuri value="${work}"/><FRBRdate date="${a(workDate)}" name="Generation"/><FRBRauthor href="${a(author)}"/><FRBRcountry value="kz"/></FRBRWork>
      <FRBRExpression><FRBRthis value="${expr}/!main"/><FRBRuri value="${expr}"/><FRBRdate date="${a(asOf)}" name="Generation"/><FRBRauthor href="#zan"/><FRBRlanguage language="${AKN_LANG[lang]}"/></FRBRExpression>
      <FRBRManifestation><FRBRthis value="${expr}/!main.xml"/><FRBRuri value="${expr}/.akn"/><FRBRdate date="${a(asOf)}" name="Generation"/><FRBRauthor href="#zan"/></FRBRManifestation>
    </identification>`;
}
