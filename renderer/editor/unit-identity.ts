import { Plugin, type Transaction } from 'prosemirror-state';
import { ReplaceAroundStep, ReplaceStep } from 'prosemirror-transform';
import { isUnitNode, newUid } from '../../shared/law';
import { isInlineSlice } from './slices';

/** Whether a transaction may have created unit nodes (a paste, a split, a drop), as opposed to typing. */
function mayCreateUnits(tr: Transaction): boolean {
  return tr.steps.some((step) => {
    if (step instanceof ReplaceAroundStep) return true;
    if (!(step instanceof ReplaceStep)) return false;
    return !isInlineSlice(step.slice);
  });
}

/**
 * Keeps every unit's uid present and unique. A uid is a provision's lineage, so a pasted or
 * duplicated unit must get its own, or two provisions would be one amendment. Plain typing cannot
 * create units, so the document is scanned only after structural steps, never on each keystroke.
 */
export function unitIdentityPlugin(): Plugin {
  return new Plugin({
    appendTransaction(transactions, _old, state) {
      if (!transactions.some((tr) => tr.docChanged && mayCreateUnits(tr))) return null;
      const seen = new Set<string>();
      const fixes: { pos: number; attrs: Record<string, unknown> }[] = [];
      state.doc.descendants((node, pos) => {
        if (!isUnitNode(node)) return false;
        const uid = node.attrs['uid'] as string;
        if (!uid || seen.has(uid)) fixes.push({ pos, attrs: { ...node.attrs, uid: newUid() } });
        else seen.add(uid);
        return true;
      });
      if (fixes.length === 0) return null;
      const tr = state.tr;
      for (const fix of fixes) tr.setNodeMarkup(fix.pos, undefined, fix.attrs);
      return tr.setMeta('addToHistory', false);
    },
  });
}
