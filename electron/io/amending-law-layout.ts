import type { Lang } from '../../shared/law';
import { DRAFT_STAMP } from '../../shared/redline';

/** The heading above an amending law's title, in capitals as laws print it. */
export const LAW_HEADING: Record<Lang, string> = {
  ru: 'ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН',
  kk: 'ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ',
  en: 'LAW OF THE REPUBLIC OF KAZAKHSTAN',
};

/** Who signs a law: the words at the left of the signature block (the name is left blank in a draft). */
export const SIGNATORY: Record<Lang, string> = {
  ru: 'Президент Республики Казахстан',
  kk: 'Қазақстан Республикасының Президенті',
  en: 'President of the Republic of Kazakhstan',
};

/** The blank the name is signed over, at the right of the signature block. */
export const NAME_BLANK = '____________________';

/** One line of an amending law's text, with the article label it opens with ("Статья 1.", printed bold), if any. */
export interface AmendingLawLine {
  label: string;
  rest: string;
}

/** An amending law as it is laid out on paper, from the top: stamp, heading, title, lines, signature. */
export interface AmendingLawLayout {
  /** "Проект" at the top right: the text is a draft. */
  stamp: string;
  heading: string;
  title: string;
  lines: AmendingLawLine[];
  signatory: string;
}

// What a package title may say around the law's own title: "Проект Закона Республики Казахстан …",
// "… Қазақстан Республикасының Заңының жобасы", "Draft Law of the Republic of Kazakhstan …".
const AROUND: Record<Lang, RegExp> = {
  ru: /^проект\s+закона(\s+республики\s+казахстан)?\s+/iu,
  kk: /\s+(қазақстан\s+республикасы(ның)?\s+)?заңының\s+жобасы$/iu,
  en: /^draft\s+law(\s+of\s+the\s+republic\s+of\s+kazakhstan)?\s+/iu,
};

/** The text inside «…» when the whole string is one quotation (a quotation inside it may be «…» too), else null. */
function wholeQuotation(s: string): string | null {
  if (!s.startsWith('«') || !s.endsWith('»')) return null;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '«') depth++;
    else if (s[i] === '»' && --depth === 0 && i < s.length - 1) return null; // the first quotation ends before the end
  }
  return s.slice(1, -1).trim();
}

/**
 * The law's own title from a package's: without "Проект Закона Республики Казахстан" (ru, before
 * it), "Қазақстан Республикасының Заңының жобасы" (kk, after it) or "Draft Law of the Republic of
 * Kazakhstan" (en), and without the quotes when what is left is one quotation (a remark in
 * parentheses after it, such as "(иллюстративный пример)", goes with the quotes). A quotation inside
 * the title stays: "«Ғылым туралы» … Заңына өзгерістер енгізу туралы" is a title about another law.
 * The heading above the title already says that it is a law.
 */
export function amendingLawTitle(lang: Lang, packageTitle: string): string {
  const bare = packageTitle.trim().replace(AROUND[lang], '').trim();
  const quoted = wholeQuotation(bare.replace(/\s*\([^()]*\)$/u, ''));
  const title = quoted ?? bare;
  return title ? title[0]!.toUpperCase() + title.slice(1) : packageTitle;
}

/** An article's label at the start of a line: "Статья 1.", "1-бап.", "Article 1.". */
const ARTICLE = /^(Статья \d+(?:-\d+)*\.|\d+(?:-\d+)*-бап\.|Article \d+(?:-\d+)*\.)/u;

/**
 * The layout of an amending law (the text renderAmendingLaw writes): no preamble, the articles
 * line by line (blank lines between articles are spacing, not lines), and the signature block.
 * The DOCX (law-docx.ts) and the HTML (law-html.ts) print the same layout.
 */
export function amendingLawLayout(lang: Lang, packageTitle: string, lawText: string): AmendingLawLayout {
  const lines = lawText
    .split('\n')
    .filter((l) => l.trim())
    .map((line) => {
      const label = ARTICLE.exec(line)?.[1] ?? '';
      return { label, rest: line.slice(label.length) };
    });
  return { stamp: DRAFT_STAMP[lang], heading: LAW_HEADING[lang], title: amendingLawTitle(lang, packageTitle), lines, signatory: SIGNATORY[lang] };
}
