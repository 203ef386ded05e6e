import type { ProvisionKind } from '../law/kinds';
import type { Lang } from '../law/language';
import type { Provision } from '../law/provision';
import { headingLabel } from '../law/text/markers';
import { parseLaw } from '../law/text/parse';
import { printLaw } from '../law/text/print';
import { newUid } from '../law/uid';

/**
 * A unit as an amending law quotes it: the plain-text format of the unit and everything under it,
 * without footnotes (they belong to consolidated texts, not to the amending law).
 */
export function printUnit(unit: Provision, lang: Lang): string {
  const strip = (p: Provision): Provision => ({ ...p, notes: [], children: p.children.map(strip) });
  return printLaw({ lang, body: [strip(unit)] }).replace(/\n$/, '');
}

/**
 * Reads a quoted unit back. The text is parsed inside a minimal frame that gives it a parent of the
 * right kind (a paragraph needs an article, a subparagraph a paragraph), so the law's own parser,
 * with its checks, reads it. Throws if the text is not one unit of the expected kind.
 */
export function parseUnit(content: string, kind: ProvisionKind, lang: Lang, makeUid: () => string = newUid): Provision {
  const article = headingLabel(lang, 'article', '1');
  const frame: Record<ProvisionKind, [string, number]> = {
    section: ['', 0],
    chapter: ['', 0],
    article: ['', 0],
    paragraph: [`${article}\n`, 1],
    part: [`${article}\n`, 1],
    subparagraph: [`${article}\n1. -\n`, 2],
  };
  const [prefix, depth] = frame[kind];
  const doc = parseLaw(`${prefix}${content}\n`, { lang, makeUid, allowNoArticle: true });
  let units = doc.body;
  for (let i = 0; i < depth; i++) units = units[0]?.children ?? [];
  const unit = units[0];
  if (!unit || unit.kind !== kind || units.length !== 1) throw new RangeError(`The quoted text is not one ${kind}.`);
  return unit;
}

/**
 * The units of one quoted text that holds several of them ("дополнить пунктами 4 и 5 следующего
 * содержания: «4. …\n5. …»"), each as it would be quoted alone; null when the text does not hold
 * exactly those units, in that order, each starting a line (parts: as many as named, each from a
 * line that is not a subparagraph).
 */
export function splitQuotedUnits(content: string, kind: ProvisionKind, nums: readonly string[], lang: Lang): string[] | null {
  const lines = content.split('\n');
  if (kind === 'part') {
    // Parts are not numbered: each starts with a line that is not one of its subparagraphs.
    const starts = lines.flatMap((line, k) => (/^\d+(?:-\d+)*\)(\s|$)/u.test(line) ? [] : [k]));
    if (starts.length !== nums.length || starts[0] !== 0) return null;
    return starts.map((start, k) => lines.slice(start, starts[k + 1] ?? lines.length).join('\n'));
  }
  const starts = (line: string, num: string) => {
    if (kind === 'paragraph') return line.startsWith(`${num}. `) || line === `${num}.`;
    if (kind === 'subparagraph') return line.startsWith(`${num}) `) || line === `${num})`;
    if (kind === 'article' || kind === 'chapter' || kind === 'section') return line.startsWith(headingLabel(lang, kind, num));
    return false;
  };
  const at: number[] = [];
  let from = 0;
  for (const num of nums) {
    const i = lines.findIndex((line, k) => k >= from && starts(line, num));
    if (i < 0 || (at.length === 0 && i !== 0)) return null;
    at.push(i);
    from = i + 1;
  }
  return at.map((start, k) => lines.slice(start, at[k + 1] ?? lines.length).join('\n'));
}

/** The lines of one quoted text that holds several ("дополнить абзацами третьим и четвертым"): exactly `count`, or null. */
export function splitQuotedLines(content: string, count: number): string[] | null {
  const lines = content.split('\n');
  return lines.length === count ? lines : null;
}
