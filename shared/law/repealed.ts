import type { Lang } from './language';

/**
 * How a repealed unit's stub begins in each language: "Исключен(а/о)…", "алынып тасталды…",
 * "Excluded…" (DOMAIN.md). A stub keeps its number, so numbering keeps its gaps.
 */
const STUB_START: Record<Lang, RegExp> = {
  ru: /^исключ[её]н/iu,
  kk: /^алынып\s+тасталды/iu,
  en: /^(excluded|repealed)\b/iu,
};

/** Whether a unit's text (or an article's heading) is a repealed-unit stub in the given language. */
export function isRepealedStub(text: string, lang: Lang): boolean {
  return STUB_START[lang].test(text.trim());
}

/** The default stub text the editor writes when a drafter repeals a unit. */
export const DEFAULT_STUB: Record<Lang, string> = {
  ru: 'Исключен.',
  kk: 'Алынып тасталды.',
  en: 'Excluded.',
};
