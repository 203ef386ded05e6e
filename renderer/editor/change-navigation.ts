import type { EditorView } from 'prosemirror-view';
import { isUnitNode } from '../../shared/law';
import { amendmentsOf } from './change-marks';
import { revealUnit } from './reveal';

/**
 * Next / previous change (Alt+PageDown / Alt+PageUp), as Word's review pane moves between revisions:
 * the cursor goes to the next unit after it (or the one before) that an amendment changed, and the
 * unit is brought into view below the header. Says false when there is none that way.
 */
export function goToChange(view: EditorView, direction: 1 | -1): boolean {
  const changed = new Set(amendmentsOf(view.state).filter((a) => a.proposed !== null).map((a) => a.uid));
  if (changed.size === 0) return false;
  const here = view.state.selection.from;
  // The unit the cursor is in counts as passed: from inside a change, "next" is the one after it.
  const $here = view.state.selection.$from;
  const current = $here.depth >= 2 ? ($here.node($here.depth - 1).attrs['uid'] as string | undefined) : undefined;
  let target: string | null = null;
  view.state.doc.descendants((node, pos) => {
    if (!isUnitNode(node)) return false;
    const uid = node.attrs['uid'] as string;
    if (changed.has(uid) && uid !== current) {
      if (direction > 0 && pos > here && target === null) target = uid;
      if (direction < 0 && pos < here) target = uid;
    }
    return direction > 0 ? target === null : true;
  });
  return target !== null && revealUnit(view, target);
}
