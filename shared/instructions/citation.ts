import type { Lang } from '../law/language';
import { MONTHS } from '../law/months';

/**
 * How an amending law cites the act it amends in its lead-in, as published laws do (DOMAIN.md):
 * "Закон Республики Казахстан от 18 февраля 2011 года «О науке»" (the act in the accusative, which
 * for these nouns is the nominative), "«Ғылым туралы» 2011 жылғы 18 ақпандағы Қазақстан
 * Республикасының Заңына" (the title first for a law, after the date for a code; the dative), "the
 * Law of the Republic of Kazakhstan of 18 February 2011 "On Science"". The number is not part of a
 * lead-in's citation. A remark in parentheses at the end of a title (the corpus marks its texts as
 * illustrative that way) is not part of the title.
 */
export function citation(lang: Lang, kind: 'law' | 'code', date: string | null, title: string): string {
  const name = title.replace(/\s*\([^)]*\)\s*$/, '');
  const [y, m, d] = (date ?? '').split('-').map(Number);
  const month = m ? MONTHS[lang][m - 1] : undefined;
  switch (lang) {
    case 'ru':
      return `${kind === 'code' ? 'Кодекс' : 'Закон'} Республики Казахстан${month ? ` от ${d} ${month} ${y} года` : ''} «${name}»`;
    case 'kk': {
      const when = month ? `${y} жылғы ${d} ${month} ` : '';
      return kind === 'code' ? `${when}«${name}» Қазақстан Республикасының Кодексіне` : `«${name}» ${when}Қазақстан Республикасының Заңына`;
    }
    case 'en':
      return `the ${kind === 'code' ? 'Code' : 'Law'} of the Republic of Kazakhstan${month ? ` of ${d} ${month} ${y}` : ''} "${name}"`;
  }
}
