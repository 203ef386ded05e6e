import { Fragment, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type Ref } from 'react';
import { scrollParent } from '../scroll-parent';

/** Below this many items every item is drawn (the list is short; find-in-page sees it all). */
export const WINDOWED_FROM = 150;

/** How far beyond the visible part of the scroll container items are drawn, in pixels. */
const OVERSCAN = 1200;

/** How many items are drawn before the list has been measured against its scroll container. */
const FIRST_DRAW = 40;

/** What a windowed list can be asked to do. */
export interface WindowedHandle {
  /** Scrolls so that item `index` is in view (drawing it first), centred. */
  scrollToIndex(index: number): void;
}

/** The props of a windowed list. */
export interface WindowedProps<T> {
  items: readonly T[];
  /** A stable key per item (its height is remembered by it). */
  keyOf(item: T): string;
  /** The height an item is expected to take before it has been drawn, in pixels. */
  estimate(item: T): number;
  /** Draws an item; `ref` must go on its outermost element (the one measured). */
  render(item: T, index: number, ref: (el: HTMLElement | null) => void): ReactNode;
  /**
   * Draws the empty space that stands for undrawn items (a `<tr>` in a table, a `<div>` elsewhere).
   * `ref` goes on the spacer before the items, drawn in every windowed list (0 px at the top): it marks where the list starts.
   */
  spacer?(height: number, where: 'before' | 'after', ref?: (el: HTMLElement | null) => void): ReactNode;
  handle?: Ref<WindowedHandle>;
}

function defaultSpacer(height: number, where: 'before' | 'after', ref?: (el: HTMLElement | null) => void): ReactNode {
  return <div ref={ref} aria-hidden="true" style={{ height }} data-windowed-spacer={where} />;
}

/** The first index whose item ends below `y` (binary search over the items' start offsets). */
function indexAt(starts: Float64Array, y: number): number {
  let lo = 0;
  let hi = starts.length - 1; // starts has one more entry than items: the list's end
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid + 1]! <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A long list drawn near its visible part only (the compare view and the comparative table of a
 * package with a thousand changes): the items around the scroll container's view, with empty space
 * of the right height for the others, in the normal flow of the page (so a table stays a table).
 * Heights are estimated, then measured as items are drawn (a ResizeObserver). A short list is drawn
 * whole. The callbacks may be new functions on every render: the list reads the latest through refs,
 * so a parent's re-render does not start a measuring round.
 */
export function Windowed<T>({ items, keyOf, estimate, render, spacer = defaultSpacer, handle }: WindowedProps<T>) {
  const windowed = items.length >= WINDOWED_FROM;
  const heights = useRef(new Map<string, number>());
  const latest = useRef({ keyOf, estimate });
  latest.current = { keyOf, estimate };
  /** The spacer before the drawn items: where the list starts. */
  const start = useRef<HTMLElement | null>(null);
  const [range, setRange] = useState({ from: 0, to: FIRST_DRAW });
  const [measured, setMeasured] = useState(0);
  const observer = useRef<ResizeObserver | null>(null);
  const keyOfElement = useRef(new WeakMap<Element, string>());

  // Where each item starts from the top of the list, plus the list's end; new when items or heights change.
  const starts = useMemo(() => {
    const out = new Float64Array(items.length + 1);
    const { keyOf: key, estimate: guess } = latest.current;
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as T;
      out[i + 1] = out[i]! + (heights.current.get(key(item)) ?? guess(item));
    }
    return out;
  }, [items, measured]);

  const update = useCallback(() => {
    const marker = start.current;
    if (!windowed || !marker) return;
    const scroller = scrollParent(marker);
    const view = scroller ? scroller.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
    const listTop = marker.getBoundingClientRect().top;
    const from = indexAt(starts, Math.max(0, view.top - listTop - OVERSCAN));
    const to = Math.min(items.length, indexAt(starts, Math.max(0, view.bottom - listTop + OVERSCAN)) + 1);
    setRange((r) => (r.from === from && r.to === to ? r : { from, to: Math.max(to, from + 1) }));
  }, [windowed, items.length, starts]);

  useEffect(() => {
    if (!windowed) return;
    const target: HTMLElement | Window = scrollParent(start.current) ?? window;
    target.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      target.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, [windowed, update]);
  useLayoutEffect(update, [update]);

  /** The drawn items' elements by key: what the observer watches. */
  const attached = useRef(new Map<string, HTMLElement>());
  /**
   * The ResizeObserver, made when first needed: ref callbacks run before effects, so the first
   * rows would otherwise be drawn before there is an observer to watch them. A new observer (after
   * StrictMode's unmount and mount) watches every element already drawn.
   */
  const observerOf = (): ResizeObserver => {
    if (observer.current) return observer.current;
    const made = new ResizeObserver((entries) => {
      let changed = false;
      for (const entry of entries) {
        const key = keyOfElement.current.get(entry.target);
        // The space an item takes in the list is its border box and its margins (a row's gap below it).
        const style = getComputedStyle(entry.target);
        const box = entry.borderBoxSize[0]?.blockSize;
        const size = box === undefined ? undefined : box + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
        if (key !== undefined && size && Math.abs((heights.current.get(key) ?? -1) - size) >= 0.5) {
          heights.current.set(key, size);
          changed = true;
        }
      }
      if (changed) setMeasured((n) => n + 1);
    });
    for (const el of attached.current.values()) made.observe(el);
    observer.current = made;
    return made;
  };
  useEffect(() => {
    const made = observerOf();
    return () => {
      made.disconnect();
      observer.current = null;
    };
    // Made once per mount; observerOf reads only refs.
  }, []);

  useImperativeHandle(
    handle,
    () => ({
      scrollToIndex(index: number) {
        const marker = start.current;
        if (!marker || index < 0 || index >= items.length) return;
        const scroller = scrollParent(marker);
        const view = scroller ? scroller.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
        const listTop = marker.getBoundingClientRect().top;
        const middle = listTop + (starts[index]! + starts[index + 1]!) / 2;
        const by = middle - (view.top + view.bottom) / 2;
        if (scroller) scroller.scrollBy({ top: by });
        else window.scrollBy({ top: by });
      },
    }),
    [items.length, starts],
  );

  const from = windowed ? Math.min(range.from, Math.max(0, items.length - 1)) : 0;
  const to = windowed ? Math.min(range.to, items.length) : items.length;
  // One ref callback per drawn key, kept across renders (a new callback would detach and attach every row on each render).
  const refs = useRef(new Map<string, (el: HTMLElement | null) => void>());
  const refFor = (key: string) => {
    let ref = refs.current.get(key);
    if (!ref) {
      ref = (el) => {
        if (!el) {
          // The row left the drawn part: stop watching it (and let it go).
          const gone = attached.current.get(key);
          if (gone) observer.current?.unobserve(gone);
          attached.current.delete(key);
          return;
        }
        keyOfElement.current.set(el, key);
        attached.current.set(key, el);
        observerOf().observe(el);
      };
      refs.current.set(key, ref);
    }
    return ref;
  };
  const before = windowed ? starts[from]! : 0;
  const after = windowed ? starts[items.length]! - starts[to]! : 0;
  const startMarker = useCallback((el: HTMLElement | null) => void (el && (start.current = el)), []);
  return (
    <>
      {windowed && spacer(before, 'before', startMarker)}
      {items.slice(from, to).map((item, k) => {
        const key = keyOf(item);
        return <Fragment key={key}>{render(item, from + k, refFor(key))}</Fragment>;
      })}
      {after > 0 && spacer(after, 'after')}
    </>
  );
}

