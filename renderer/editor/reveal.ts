import type { Node as PMNode } from 'prosemirror-model';
import { TextSelection } from 'prosemirror-state';
import { DecorationSet, type EditorView } from 'prosemirror-view';
import { isUnitNode } from '../../shared/law';
import { findTerms } from '../../shared/search/terms';
import { scrollParent } from '../scroll-parent';
import { findHighlightKey, setFindHighlight } from './find-highlight';
import { isDrawnLazily } from './lazy-articles';

/** Room left above a unit or a match brought into view, below the sticky header, in px. */
const ABOVE = 12;

/**
 * Scrolls an element's scroll container so that `top` (a viewport y) is just below the sticky
 * header of the view (the document's title bar stays over the text: what a jump lands on must
 * not be under it).
 */
export function scrollBelowHeader(el: Element, top: number): void {
  const scroller = scrollParent(el);
  const header = scroller?.querySelector(':scope > .document-header');
  const limit = (header ? header.getBoundingClientRect().bottom : (scroller?.getBoundingClientRect().top ?? 0)) + ABOVE;
  if (scroller) scroller.scrollTop += top - limit;
  else window.scrollBy(0, top - limit);
}

/** Where a unit starts in the editor's document, by uid; null when it is not there. */
export function unitPosition(doc: PMNode, uid: string): number | null {
  let found: number | null = null;
  doc.descendants((node, pos) => {
    if (found !== null) return false;
    if (!isUnitNode(node)) return false;
    if (node.attrs['uid'] === uid) {
      found = pos;
      return false;
    }
    return true;
  });
  return found;
}

/**
 * Brings a unit into view and puts the cursor (and the focus) at the start of its heading or text (the outline,
 * the amendments panel, a link from the coverage view). In a big law drawn lazily the unit's
 * article is drawn first — the cursor in it is what draws it — then scrolled to, without smooth
 * scrolling across placeholders. Returns false when the unit is not in the document.
 */
export function revealUnit(view: EditorView, uid: string): boolean {
  const pos = unitPosition(view.state.doc, uid);
  if (pos === null) return false;
  const inside = Math.min(pos + 2, view.state.doc.content.size);
  view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(inside))).setMeta('addToHistory', false));
  // As Word's navigation pane does: the drafter can type at once where the jump landed.
  view.focus();
  const el = view.nodeDOM(pos);
  if (!(el instanceof HTMLElement)) return true;
  if (isDrawnLazily(view.state)) scrollBelowHeader(el, el.getBoundingClientRect().top);
  else {
    // Smooth in a short law, to just below the header (scroll-margin-top, measured now).
    const header = scrollParent(el)?.querySelector(':scope > .document-header');
    el.style.scrollMarginTop = `${(header?.getBoundingClientRect().height ?? 0) + ABOVE}px`;
    el.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }
  el.classList.add('is-flash');
  window.setTimeout(() => el.classList.remove('is-flash'), 1200);
  return true;
}

/** Where a unit's heading or text block starts in the document (inside it), if the unit has one. */
function blockStart(doc: PMNode, unitPos: number, field: 'heading' | 'text'): { pos: number; text: string } | null {
  const unit = doc.nodeAt(unitPos);
  if (!unit) return null;
  let found: { pos: number; text: string } | null = null;
  unit.forEach((child, offset) => {
    if (found) return;
    if ((field === 'heading' && child.type.name === 'heading') || (field === 'text' && child.type.name === 'body')) found = { pos: unitPos + 1 + offset + 1, text: child.textContent };
  });
  return found;
}

/**
 * Where a query's stems match in a unit's heading and text as the document has them now, in
 * order (document positions); null when the unit is not in the document.
 */
export function matchRanges(doc: PMNode, uid: string, stems: readonly string[]): { from: number; to: number }[] | null {
  const pos = unitPosition(doc, uid);
  if (pos === null) return null;
  const ranges: { from: number; to: number }[] = [];
  for (const field of ['heading', 'text'] as const) {
    const block = blockStart(doc, pos, field);
    if (block) for (const m of findTerms(block.text, stems)) ranges.push({ from: block.pos + m.start, to: block.pos + m.end });
  }
  return ranges;
}

/** A phrase as compared for "the same form": lower case, ё as е, spaces collapsed. */
const sameForm = (text: string) => text.toLowerCase().replace(/ё/g, 'е').replace(/\s+/gu, ' ').trim();

/**
 * Replaces the matches of a query's stems in the units given with `replacement` (the words as
 * typed), in one transaction — one undo step, and the amendments follow as for typing — but only
 * those in the form the query was typed in ("организаций" replaces "организаций", not
 * "организация"): one replacement in every form would break the grammar of the others, which is
 * what the package's replacement throughout (each form confirmed) is for. Returns how many were
 * replaced and how many other forms were left.
 */
export function replaceMatches(view: EditorView, uids: readonly string[], stems: readonly string[], query: string, replacement: string): { replaced: number; otherForms: number } {
  const doc = view.state.doc;
  const all = uids.flatMap((uid) => matchRanges(doc, uid, stems) ?? []);
  const ranges = all.filter((r) => sameForm(doc.textBetween(r.from, r.to, ' ')) === sameForm(query)).sort((a, b) => b.from - a.from);
  if (ranges.length === 0) return { replaced: 0, otherForms: all.length };
  const tr = view.state.tr;
  // From the end backwards, so that the positions before each replacement stay right.
  for (const r of ranges) tr.insertText(replacement, r.from, r.to);
  view.dispatch(tr.scrollIntoView());
  return { replaced: ranges.length, otherForms: all.length - ranges.length };
}

/**
 * Brings a search hit into view and marks it: the words matching the query's stems in the unit's
 * heading or text as they are now in the editor (a draft may have changed since it was saved),
 * selected in an editable view and highlighted in any. Returns false when the unit is gone.
 */
export function revealMatch(view: EditorView, uid: string, stems: readonly string[], nth = 0): boolean {
  const ranges = matchRanges(view.state.doc, uid, stems);
  if (ranges === null) return false;
  const range = ranges[Math.min(nth, ranges.length - 1)];
  if (!range) return revealUnit(view, uid);
  // The selection draws the unit's article (a big law is drawn lazily) before its DOM is measured;
  // the occurrence is marked in the editor's own state, so it stays marked as the text is redrawn.
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, range.from, range.to)).setMeta(findHighlightKey, range).setMeta('addToHistory', false));
  const start = view.domAtPos(range.from);
  const end = view.domAtPos(range.to);
  const dom = document.createRange();
  dom.setStart(start.node, start.offset);
  dom.setEnd(end.node, end.offset);
  scrollBelowHeader(view.dom, dom.getBoundingClientRect().top);
  return true;
}

/** Takes the find highlight away (the find bar closed). */
export function clearFindHighlight(view: EditorView | null): void {
  if (view && findHighlightKey.getState(view.state) !== DecorationSet.empty) view.dispatch(setFindHighlight(view.state, null));
}
