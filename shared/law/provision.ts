import type { Lang } from './language';
import { isIntro } from './intro';
import type { ProvisionKind } from './kinds';

/**
 * One structural unit of a law and everything under it.
 * - `uid`: persistent random id, the unit's lineage across versions (see uid.ts);
 * - `eId`: Akoma Ntoso style path from kinds and numbers (`chp_2__art_5-1__para_2`), recomputed
 *   whenever numbers change (see eid.ts);
 * - `num`: the number as printed, without its punctuation (`5-1`, not `5-1.` or `5-1)`); `''` for a part;
 * - `heading`: the title of a section, chapter or article; `''` for other kinds;
 * - `text`: the normative text; lines of one unit (абзацы) are joined by `\n`;
 * - `repealed`: a stub kept with its number after the unit was excluded;
 * - `notes`: footnotes of the consolidated text (`Сноска. …`), kept as metadata, not as norm.
 */
export interface Provision {
  uid: string;
  eId: string;
  kind: ProvisionKind;
  num: string;
  heading: string;
  text: string;
  repealed: boolean;
  notes: string[];
  children: Provision[];
}

/** The text of one law in one language: its top-level units (preamble parts, sections, chapters or articles). */
export interface LawDoc {
  lang: Lang;
  body: Provision[];
}

/** Visits every unit of a list depth-first in document order, with its parent (null at the top). */
export function walkProvisions(
  units: readonly Provision[],
  visit: (unit: Provision, parent: Provision | null) => void,
  parent: Provision | null = null,
): void {
  for (const unit of units) {
    visit(unit, parent);
    walkProvisions(unit.children, visit, unit);
  }
}

/**
 * Counts the units of a law by kind (used by the import preview, `zan check` and tests). An
 * article's own text (its only part: its lead-in or whole content, see intro.ts) counts as `intro`,
 * not as a part: parts are counted only where an article has several.
 */
export function countByKind(doc: LawDoc): Record<ProvisionKind | 'intro', number> {
  const counts: Record<ProvisionKind | 'intro', number> = {
    section: 0,
    chapter: 0,
    article: 0,
    intro: 0,
    part: 0,
    paragraph: 0,
    subparagraph: 0,
  };
  walkProvisions(doc.body, (unit, parent) => {
    counts[isIntro(unit, parent) ? 'intro' : unit.kind] += 1;
  });
  return counts;
}
