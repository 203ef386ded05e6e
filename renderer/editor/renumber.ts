import type { Command } from 'prosemirror-state';
import { numberBetween } from '../../shared/law';
import { changeMarksKey } from './change-marks';
import type { Notify } from './commands';

/**
 * "Number as practice requires": a unit the draft adds takes the number Kazakh technique gives a unit
 * inserted there — after 5 comes 5-1, after 5-1 comes 5-2 — rather than one that would renumber
 * the units in force after it (a drafter who typed "6" between 5 and 6, or moved a new unit). A
 * unit in force keeps its number: renumbering the law in force is not how it is amended.
 */
export function numberAsPractice(notify: Notify): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    if (!$from.parent.isTextblock || $from.depth < 2) return false;
    const depth = $from.depth - 1;
    const unit = $from.node(depth);
    const uid = unit.attrs['uid'] as string;
    const derivation = changeMarksKey.getState(state)?.derivation;
    const isNew = derivation?.isNew(uid) ?? false;
    if (!isNew) {
      notify('editor.numberInForce');
      return true;
    }
    const parent = $from.node(depth - 1);
    const index = $from.index(depth - 1);
    // The number between its neighbours of the same kind (a part has none).
    let prev: string | null = null;
    for (let i = index - 1; i >= 0 && prev === null; i--) if (parent.child(i).type === unit.type) prev = parent.child(i).attrs['num'] as string;
    let next: string | null = null;
    for (let i = index + 1; i < parent.childCount && next === null; i++) if (parent.child(i).type === unit.type) next = parent.child(i).attrs['num'] as string;
    const num = unit.type.name === 'part' ? '' : numberBetween(prev, next);
    if (num === null) {
      notify('editor.cannotNumber', { next: next ?? '' });
      return true;
    }
    if (num === unit.attrs['num']) return true;
    if (dispatch) dispatch(state.tr.setNodeMarkup($from.before(depth), undefined, { ...unit.attrs, num }).scrollIntoView());
    return true;
  };
}
