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
 * as Akoma Ntoso does for unnumbered elements.
 */
export function assignEIds(units: Provision[], parentEId = ''): void {
  let partIndex = 0;
  for (const unit of units) {
    const label = unit.kind === 'part' ? String(++partIndex) : unit.num;
    const own = `${EID_PREFIX[unit.kind]}_${label}`;
    unit.eId = parentEId ? `${parentEId}__${own}` : own;
    assignEIds(unit.children, unit.eId);
  }
}
