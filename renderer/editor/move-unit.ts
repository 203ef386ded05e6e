import type { Command } from 'prosemirror-state';
import { TextSelection } from 'prosemirror-state';
import type { Notify } from './commands';

/**
 * Alt+Shift+↑ / Alt+Shift+↓: the unit the cursor is in changes place with the unit of the same kind
 * before or after it, and the two swap numbers, so that the numbering still runs in order ("пункт 3"
 * moved up becomes "пункт 2", the old 2 becomes 3): the amending law then states the renumbering as
 * practice does. The cursor stays where it was in the moved unit.
 */
export function moveUnit(direction: 1 | -1, notify: Notify): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    if (!$from.parent.isTextblock || $from.depth < 2) return false;
    const depth = $from.depth - 1;
    const unit = $from.node(depth);
    const parent = $from.node(depth - 1);
    const index = $from.index(depth - 1);
    const other = parent.maybeChild(index + direction);
    if (!other || other.type !== unit.type) {
      notify('editor.cannotMove', { kind: unit.type.name });
      return true;
    }
    if (dispatch) {
      const unitStart = $from.before(depth);
      const first = direction < 0 ? unitStart - other.nodeSize : unitStart;
      const swappedUnit = unit.type.create({ ...unit.attrs, num: other.attrs['num'] }, unit.content, unit.marks);
      const swappedOther = other.type.create({ ...other.attrs, num: unit.attrs['num'] }, other.content, other.marks);
      const pair = direction < 0 ? [swappedUnit, swappedOther] : [swappedOther, swappedUnit];
      const tr = state.tr.replaceWith(first, first + unit.nodeSize + other.nodeSize, pair);
      const offset = $from.pos - unitStart;
      const newStart = direction < 0 ? first : first + other.nodeSize;
      tr.setSelection(TextSelection.create(tr.doc, newStart + offset));
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}
