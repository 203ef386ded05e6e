import { rowsToLaw, type Lang, type LawDoc, type ProvisionRow } from '../../shared/law';

/**
 * A draft read again from the store (after a save in the other language made a structural change
 * in it), with what was typed in this editor and not yet saved put back on top: words, and units
 * added, moved or removed here. What was typed is not lost to the reload; the editor saves it
 * again on the new revision. Where the two cannot make one valid law (this editor added a unit
 * numbered as the one the other language just added), the words are kept and the rest is not,
 * and the caller says so.
 */
export function keepPendingEdits(stored: readonly ProvisionRow[], saved: readonly ProvisionRow[], current: readonly ProvisionRow[], lang: Lang): { law: LawDoc; kept: boolean; dropped: boolean } {
  const full = merge(stored, saved, current, false);
  try {
    return { law: rowsToLaw(full.rows, lang), kept: full.kept, dropped: false };
  } catch {
    const words = merge(stored, saved, current, true);
    return { law: rowsToLaw(words.rows, lang), kept: words.kept, dropped: true };
  }
}

const sameWording = (a: ProvisionRow, b: ProvisionRow) => a.heading === b.heading && a.text === b.text;
const samePlace = (a: ProvisionRow, b: ProvisionRow) => a.parentUid === b.parentUid && a.ord === b.ord && a.kind === b.kind && a.num === b.num && a.repealed === b.repealed && a.notes.join('\n') === b.notes.join('\n');

function merge(stored: readonly ProvisionRow[], saved: readonly ProvisionRow[], current: readonly ProvisionRow[], wordsOnly: boolean): { rows: ProvisionRow[]; kept: boolean } {
  const before = new Map(saved.map((r) => [r.uid, r]));
  const now = new Map(current.map((r) => [r.uid, r]));
  const rows = new Map(stored.map((r) => [r.uid, r]));
  let kept = false;
  for (const row of current) {
    const was = before.get(row.uid);
    if (was && sameWording(was, row) && samePlace(was, row)) continue;
    const there = rows.get(row.uid);
    if (was && there && samePlace(was, row)) {
      // Words typed here, on a unit the store still has: its place as the store now has it.
      if (!sameWording(was, row)) rows.set(row.uid, { ...there, heading: row.heading, text: row.text });
      kept = true;
    } else if (!wordsOnly && (row.parentUid === null || rows.has(row.parentUid) || now.has(row.parentUid))) {
      // A unit added or moved here: as this editor has it.
      rows.set(row.uid, row);
      kept = true;
    }
  }
  if (!wordsOnly) {
    for (const row of saved) {
      if (now.has(row.uid) || !rows.has(row.uid)) continue;
      rows.delete(row.uid);
      kept = true;
    }
  }
  return { rows: renumberPlaces([...rows.values()]), kept };
}

/** Each parent's children placed one after another again (a unit added here and one the store added may share a place). */
function renumberPlaces(rows: ProvisionRow[]): ProvisionRow[] {
  const byParent = new Map<string | null, ProvisionRow[]>();
  for (const r of rows) byParent.set(r.parentUid, [...(byParent.get(r.parentUid) ?? []), r]);
  const out: ProvisionRow[] = [];
  for (const list of byParent.values()) list.sort((a, b) => a.ord - b.ord).forEach((r, ord) => out.push(r.ord === ord ? r : { ...r, ord }));
  return out;
}
