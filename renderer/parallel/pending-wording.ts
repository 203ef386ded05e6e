import type { ProvisionRow } from '../../shared/law';

/**
 * The rows of a draft read again from the store (after a save in the other language made a
 * structural change in it), with the words typed in this editor and not yet saved put back: a
 * unit's heading and text, where the unit still exists. What was typed is not lost to the reload;
 * the editor saves it again on the new revision.
 */
export function keepPendingWording(stored: readonly ProvisionRow[], saved: readonly ProvisionRow[], current: readonly ProvisionRow[]): { rows: ProvisionRow[]; kept: boolean } {
  const before = new Map(saved.map((r) => [r.uid, r]));
  const typed = new Map<string, ProvisionRow>();
  for (const row of current) {
    const was = before.get(row.uid);
    if (was && (was.heading !== row.heading || was.text !== row.text)) typed.set(row.uid, row);
  }
  let kept = false;
  const rows = stored.map((row) => {
    const mine = typed.get(row.uid);
    if (!mine) return row;
    kept = true;
    return { ...row, heading: mine.heading, text: mine.text };
  });
  return { rows, kept };
}
