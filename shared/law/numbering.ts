/**
 * Kazakh numbering of structural units. A unit inserted after 5 is numbered 5-1 (then 5-2), so
 * numbers are sequences of integers: `\d+(-\d+)*`. Units are not renumbered when one is inserted
 * or repealed, so numbers among siblings increase but may have gaps.
 */

/** The textual form of a unit number, anchored nowhere: use it inside larger patterns. */
export const NUM_PATTERN = '\\d+(?:-\\d+)*';

const WHOLE_NUM = new RegExp(`^${NUM_PATTERN}$`);

/** Whether a string is a well-formed unit number (`5`, `5-1`, `5-1-1`). */
export function isValidNum(num: string): boolean {
  return WHOLE_NUM.test(num);
}

/** The integer segments of a number: `"17-1"` gives `[17, 1]`. Throws RangeError on a malformed one. */
export function numSegments(num: string): number[] {
  if (!isValidNum(num)) throw new RangeError(`Not a unit number: "${num}"`);
  return num.split('-').map(Number);
}

/**
 * Orders two numbers as the law orders them: 5 < 5-1 < 5-1-1 < 5-2 < 6.
 * Returns a negative number, zero or a positive number.
 */
export function compareNums(a: string, b: string): number {
  const x = numSegments(a);
  const y = numSegments(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i] as number) - (y[i] as number);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/**
 * The number a unit inserted between `prev` and `next` gets under Kazakh technique, or null when
 * no such number exists and the drafter has to renumber (inserting before the first unit, or
 * between 5 and an existing 5-1).
 * - at the end: the next whole number (after 7 or 7-2 comes 8);
 * - after an inserted unit: its next sibling number (after 5-1 comes 5-2), if still before `next`;
 * - otherwise one level deeper (after 5 comes 5-1; between 5-1 and 5-2 comes 5-1-1).
 */
export function numberBetween(prev: string | null, next: string | null): string | null {
  if (prev === null) return next === null ? '1' : null;
  const segs = numSegments(prev);
  if (next === null) return String((segs[0] as number) + 1);
  if (segs.length > 1) {
    const bumped = [...segs.slice(0, -1), (segs[segs.length - 1] as number) + 1].join('-');
    if (compareNums(bumped, next) < 0) return bumped;
  }
  const deeper = `${prev}-1`;
  return compareNums(deeper, next) < 0 ? deeper : null;
}
