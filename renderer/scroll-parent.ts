/** The nearest ancestor of an element that scrolls (null: the document's own scrolling). */
export function scrollParent(el: Element | null): HTMLElement | null {
  for (let at = el?.parentElement ?? null; at; at = at.parentElement) {
    if (/(auto|scroll)/.test(getComputedStyle(at).overflowY)) return at;
  }
  return null;
}
