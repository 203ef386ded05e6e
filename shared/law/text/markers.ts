import type { Lang } from '../language';
import { NUM_PATTERN } from '../numbering';

/** The heading kinds of the plain-text format, each introduced by its own line. */
export type HeadingKind = 'section' | 'chapter' | 'article';

/** How headings and footnotes are written in one language. */
interface LanguageMarkers {
  /** Builds the heading line's label: `Статья 5.` / `5-бап.` / `Article 5.`. */
  label(kind: HeadingKind, num: string): string;
  /** Matches a heading line; group 1 is the number, group 2 the heading text. */
  heading: Record<HeadingKind, RegExp>;
  /** Matches a footnote line of the consolidated text. */
  footnote: RegExp;
}

const N = `(${NUM_PATTERN})`;
const REST = '(?:\\s+(.*))?$';

const WORDS: Record<'ru' | 'en', Record<HeadingKind, string>> = {
  ru: { section: 'Раздел', chapter: 'Глава', article: 'Статья' },
  en: { section: 'Section', chapter: 'Chapter', article: 'Article' },
};
const KK_WORDS: Record<HeadingKind, string> = { section: 'бөлім', chapter: 'тарау', article: 'бап' };

function wordFirst(lang: 'ru' | 'en', footnote: RegExp): LanguageMarkers {
  const w = WORDS[lang];
  return {
    label: (kind, num) => `${w[kind]} ${num}.`,
    heading: {
      section: new RegExp(`^${w.section}\\s+${N}\\.${REST}`, 'u'),
      chapter: new RegExp(`^${w.chapter}\\s+${N}\\.${REST}`, 'u'),
      article: new RegExp(`^${w.article}\\s+${N}\\.${REST}`, 'u'),
    },
    footnote,
  };
}

/** Heading and footnote conventions per language (DOMAIN.md, "Structure of a law"). */
export const MARKERS: Record<Lang, LanguageMarkers> = {
  ru: wordFirst('ru', /^Сноска\./u),
  en: wordFirst('en', /^(Footnote|Note)\./u),
  // In Kazakh the number comes before the word: `17-1-бап.`
  kk: {
    label: (kind, num) => `${num}-${KK_WORDS[kind]}.`,
    heading: {
      section: new RegExp(`^${N}-${KK_WORDS.section}\\.${REST}`, 'u'),
      chapter: new RegExp(`^${N}-${KK_WORDS.chapter}\\.${REST}`, 'u'),
      article: new RegExp(`^${N}-${KK_WORDS.article}\\.${REST}`, 'u'),
    },
    footnote: /^Ескерту\./u,
  },
};

/** A numbered paragraph line `5-1. text`: group 1 the number, group 2 the text. */
export const PARAGRAPH_LINE = new RegExp(`^${N}\\.${REST}`, 'u');

/** A numbered subparagraph line `9-1) text`: group 1 the number, group 2 the text. */
export const SUBPARAGRAPH_LINE = new RegExp(`^${N}\\)${REST}`, 'u');

/** The heading kinds, outermost first. */
export const HEADING_KINDS: readonly HeadingKind[] = ['section', 'chapter', 'article'];

/** The printed label of a heading: `Статья 5-1.`, `5-1-бап.`, `Article 5-1.`. */
export function headingLabel(lang: Lang, kind: HeadingKind, num: string): string {
  return MARKERS[lang].label(kind, num);
}

/**
 * The label a unit's printed line starts with, with its trailing space: `Статья 5. `, `5-бап. `,
 * `2. `, `3) `, nothing for a part (parts are not numbered).
 */
export function lineLabel(lang: Lang, kind: string, num: string): string {
  if (kind === 'section' || kind === 'chapter' || kind === 'article') return `${headingLabel(lang, kind, num)} `;
  if (kind === 'paragraph') return `${num}. `;
  if (kind === 'subparagraph') return `${num}) `;
  return '';
}
