import type { Node as PMNode } from 'prosemirror-model';
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { isUnitNode } from '../../shared/law';
import { isDrawnLazily } from './lazy-articles';

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
  el.scrollIntoView({ block: 'start', behavior: isDrawnLazily(view.state) ? 'auto' : 'smooth' });
  el.classList.add('is-flash');
  window.setTimeout(() => el.classList.remove('is-flash'), 1200);
  return true;
}
