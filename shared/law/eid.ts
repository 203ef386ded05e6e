import { isIntro } from './intro';
import type { ProvisionKind } from './kinds';
import type { Provision } from './provision';

/** Akoma Ntoso element-name abbreviations used in eIds. */
const EID_PREFIX: Record<ProvisionKind, string> = {
  section: 'sec',
  chapter: 'chp',
  article: 'art',
  part: 'part',
  paragraph: 'para',
  subparagraph: 'subpara',
};

/**
 * Recomputes the eId of every unit in place from kinds and numbers: `chp_2__art_5-1__para_2__subpara_3`.
 * Parts have no number, so they take their position among the parts of their parent (`part_2`),
 * as Akoma Ntoso does for unnumbered elements. An article's own text (its only part, intro.ts) is
 * its `intro`, and what stands under it is named from the article, as Akoma Ntoso names the points
 * after an intro: `art_1__intro`, `art_1__subpara_2`.
 */
export function assignEIds(units: Provision[], parentEId = '', parent: Provision | null = null): void {
  let partIndex = 0;
  for (const unit of units) {
    if (isIntro(unit, parent)) {
      unit.eId = `${parentEId}__intro`;
      assignEIds(unit.children, parentEId, unit);
      continue;
    }
    const label = unit.kind === 'part' ? String(++partIndex) : unit.num;
    const own = `${EID_PREFIX[unit.kind]}_${label}`;
    unit.eId = parentEId ? `${parentEId}__${own}` : own;
    assignEIds(unit.children, unit.eId, unit);
  }
}
