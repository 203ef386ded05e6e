/** One step of a diff: -1 deleted, 0 kept, 1 inserted, with its text (diff-match-patch's convention). */
export type DiffOp = [op: -1 | 0 | 1, text: string];

/** The base text of a diff (what was kept and deleted). */
export function baseOf(ops: readonly DiffOp[]): string {
  return ops.filter(([op]) => op !== 1).map(([, t]) => t).join('');
}

/** The proposed text of a diff (what was kept and inserted). */
export function proposedOf(ops: readonly DiffOp[]): string {
  return ops.filter(([op]) => op !== -1).map(([, t]) => t).join('');
}

/** Whether a diff changes anything. */
export function isUnchanged(ops: readonly DiffOp[]): boolean {
  return ops.every(([op]) => op === 0);
}
