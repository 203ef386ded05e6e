import { useCallback, useEffect, useRef } from 'react';

/**
 * Scrolling two columns together, unit against unit: the unit at the top of the column scrolled
 * is brought to the same height in the other (its counterpart: the same uid, the texts of one law
 * sharing their lineage, or the unit in the same place).
 */

/**
 * The innermost unit at the top of a scrolling column, and how far below the top it starts (a
 * unit starting a little below the top when none is cut by it). Units are in document order,
 * where their tops only grow: the first one reaching below the top is found by halving (a code
 * has thousands, and this runs on every frame of a scroll), then its innermost descendant there.
 */
export function unitAtTop(column: HTMLElement): { uid: string; offset: number } | null {
  const top = column.getBoundingClientRect().top;
  const units = [...column.querySelectorAll<HTMLElement>('[data-uid]')];
  let lo = 0;
  let hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((units[mid] as HTMLElement).getBoundingClientRect().top <= top + 4) lo = mid + 1;
    else hi = mid;
  }
  // units[lo - 1] is the last to start at or above the top; it or one of its ancestors holds the top.
  let found: HTMLElement | null = null;
  for (let i = lo - 1; i >= 0 && !found; i--) {
    const box = (units[i] as HTMLElement).getBoundingClientRect();
    if (box.bottom > top && box.height > 0) found = units[i] as HTMLElement;
  }
  found ??= units[lo] ?? null;
  return found ? { uid: found.dataset['uid'] ?? '', offset: found.getBoundingClientRect().top - top } : null;
}

/** Scrolls a column so that the unit (by uid) starts `offset` px below its top; whether the unit was there. */
export function bringToOffset(column: HTMLElement, uid: string, offset: number): boolean {
  const el = column.querySelector<HTMLElement>(`[data-uid="${CSS.escape(uid)}"]`);
  if (!el) return false;
  column.scrollTop += el.getBoundingClientRect().top - column.getBoundingClientRect().top - offset;
  return true;
}

/** How long after a column was scrolled to follow the other its own scroll events are not followed back. */
const FOLLOW_QUIET_MS = 120;

/**
 * Two columns scrolled together (while `linked`): `follow(from)` on a column's scroll brings the
 * other to the same unit, once per frame; the scroll that makes is not followed back.
 */
export function useLinkedScroll(scroller: (lang: 'ru' | 'kk') => HTMLElement | null, linked: boolean): (from: 'ru' | 'kk') => void {
  const quiet = useRef({ ru: 0, kk: 0 });
  const frame = useRef(0);
  // The latest way to find a column, read when the frame runs.
  const find = useRef(scroller);
  find.current = scroller;
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  return useCallback(
    (from: 'ru' | 'kk') => {
      if (!linked || performance.now() < quiet.current[from]) return;
      cancelAnimationFrame(frame.current);
      frame.current = requestAnimationFrame(() => {
        const to = from === 'ru' ? 'kk' : 'ru';
        const a = find.current(from);
        const b = find.current(to);
        const top = a && unitAtTop(a);
        if (!b || !top) return;
        quiet.current[to] = performance.now() + FOLLOW_QUIET_MS;
        bringToOffset(b, top.uid, top.offset);
      });
    },
    [linked],
  );
}
