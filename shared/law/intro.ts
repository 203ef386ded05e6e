import type { Provision } from './provision';

/**
 * Whether a unit is the own text of the article that holds it: an article's only unnumbered part.
 * It is the article's lead-in when subparagraphs follow ("В настоящем Законе используются следующие
 * понятия:" then 1), 2) …), or its whole content when nothing does; either way legislative technique
 * names it with its article ("подпункт 2) статьи 1", "в статье 7 слова …"), never "часть первая",
 * and Akoma Ntoso writes it as the article's `intro` or `content`. It is stored as a part, so that when
 * a second part is added the first keeps its lineage and becomes "часть первая".
 */
export function isIntro(unit: Provision, parent: Provision | null): boolean {
  if (unit.kind !== 'part' || parent === null || parent.kind !== 'article') return false;
  let parts = 0;
  for (const sibling of parent.children) if (sibling.kind === 'part' && ++parts > 1) return false;
  return true;
}

/** The part of an article that is its own text (see isIntro), if it has one. */
export function introOf(article: Provision): Provision | undefined {
  if (article.kind !== 'article') return undefined;
  const parts = article.children.filter((c) => c.kind === 'part');
  return parts.length === 1 ? parts[0] : undefined;
}
