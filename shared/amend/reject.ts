import { diffRows, lawToRows, rowsToLaw, type Lang, type ProvisionRow, type RowChanges } from '../law';
import { validateLaw } from '../law/validate';
import { restoreUnit } from './restore';
import type { Amendment } from './types';

/**
 * What rejecting an amendment changes in its draft: the provision's wording in force back (text,
 * heading, number, and the units a repeal had dropped), an inserted unit removed with everything
 * under it, a unit moved or taken out put back where the law in force has it (its neighbours
 * renumbered in place). Pure: the desktop works it out to save it, the team server works it out
 * again from its own rows to check a reviewer's rejection does exactly this and nothing else.
 * Throws RestoreError or LawStructureError when the unit cannot go back by itself.
 */
export function rejectionOf(input: { amendment: Amendment; base: readonly ProvisionRow[]; draft: readonly ProvisionRow[]; lang: Lang }): RowChanges {
  const { amendment: a, base, draft, lang } = input;
  if ((a.placement && a.base) || !a.proposed) {
    const restored = restoreUnit(rowsToLaw(base, lang), rowsToLaw(draft, lang), a);
    validateLaw(restored);
    return diffRows(draft, lawToRows(restored));
  }
  if (!a.base) {
    // An inserted unit goes, with everything under it.
    const doomed = new Set([a.uid]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const r of draft) {
        if (r.parentUid && doomed.has(r.parentUid) && !doomed.has(r.uid)) {
          doomed.add(r.uid);
          grew = true;
        }
      }
    }
    return { upserts: [], deletes: [...doomed] };
  }
  const row = draft.find((r) => r.uid === a.uid);
  if (!row) return { upserts: [], deletes: [] };
  const inForce = new Map(base.map((r) => [r.uid, r]));
  const upserts: ProvisionRow[] = [{ ...row, num: a.base.num, heading: a.base.heading, text: a.base.text, repealed: a.base.repealed }];
  for (const d of a.dropped) {
    const unit = inForce.get(d.uid);
    if (unit) upserts.push(unit);
  }
  return { upserts, deletes: [] };
}
