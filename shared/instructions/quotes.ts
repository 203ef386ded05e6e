import type { Lang } from '../law/language';

/**
 * Quotation in amending formulas (DOMAIN.md): Russian and Kazakh quote with «…» and nest „…“
 * inside (a third level, rare: ‚…‘); English quotes with "…" and nests ‘…’. Statements are read
 * with their quoted texts taken out first (`splitQuotes`), so that nothing inside a quote can be
 * mistaken for a formula's words. Quoting and unquoting give the text back as it was: a text that
 * already nests „…“ keeps it one level down; an English apostrophe (’ between letters) stays.
 */

/** Quotes a text for a formula; quotes inside it become nested quotes, one level down. */
export function quote(lang: Lang, text: string): string {
  if (lang === 'en') {
    let open = true;
    return `"${text.replace(/"/g, () => ((open = !open) ? '’' : '‘'))}"`;
  }
  return `«${text.replace(/„/g, '‚').replace(/“/g, '‘').replace(/«/g, '„').replace(/»/g, '“')}»`;
}

/** The text inside one quoted span (its quotes excluded), nested quotes turned back one level up. */
export function unquote(lang: Lang, inner: string): string {
  if (lang === 'en') return unquoteEnglish(inner);
  return inner.replace(/„/g, '«').replace(/“/g, '»').replace(/‚/g, '„').replace(/‘/g, '“');
}

const LETTER = /[\p{L}\p{N}]/u;

/** English nested quotes ‘…’ back to "…"; a ’ between letters or digits is an apostrophe and stays. */
function unquoteEnglish(inner: string): string {
  let out = '';
  let open = 0;
  for (let k = 0; k < inner.length; k++) {
    const c = inner[k] as string;
    if (c === '‘') {
      open += 1;
      out += '"';
    } else if (c === '’' && open > 0 && !(LETTER.test(inner[k - 1] ?? '') && LETTER.test(inner[k + 1] ?? ''))) {
      open -= 1;
      out += '"';
    } else out += c;
  }
  return out;
}

/** The marker that stands for the n-th quoted text in a statement's frame. */
export const mark = (n: number) => `⟦${n}⟧`;

/** A statement with its quoted texts taken out: the frame holds ⟦0⟧, ⟦1⟧…; quotes their texts. */
export interface Split {
  frame: string;
  quotes: string[];
}

/**
 * Takes the top-level quoted texts out of a statement (whose quotes are typographic: the reader
 * made ASCII quotes «» first, shared/law/read/normalize.ts). Returns null when a quote is not closed.
 */
export function splitQuotes(lang: Lang, statement: string): Split | null {
  const quotes: string[] = [];
  let frame = '';
  let depth = 0;
  let inner = '';
  const open = lang === 'en' ? null : '«';
  for (const c of statement) {
    if (lang === 'en') {
      if (c === '"') {
        if (depth === 0) {
          depth = 1;
          inner = '';
        } else {
          depth = 0;
          frame += mark(quotes.length);
          quotes.push(unquote(lang, inner));
        }
        continue;
      }
    } else if (c === open) {
      if (depth++ > 0) inner += c;
      else inner = '';
      continue;
    } else if (c === '»' && depth > 0) {
      if (--depth > 0) inner += c;
      else {
        frame += mark(quotes.length);
        quotes.push(unquote(lang, inner));
      }
      continue;
    }
    if (depth > 0) inner += c;
    else frame += c;
  }
  return depth === 0 ? { frame, quotes } : null;
}

/** Whether every quote opened in a text is closed. */
export function quotesClosed(lang: Lang, text: string): boolean {
  if (lang === 'en') return (text.match(/"/g)?.length ?? 0) % 2 === 0;
  return (text.match(/«/g)?.length ?? 0) === (text.match(/»/g)?.length ?? 0);
}
