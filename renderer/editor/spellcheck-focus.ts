import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { isUnitNode } from '../../shared/law';

const key = new PluginKey<DecorationSet>('zan-spellcheck-focus');

/** The innermost unit the cursor is in, as a decoration that turns the spellchecker on for it alone. */
function focusDecoration(state: EditorState): DecorationSet {
  const $head = state.selection.$head;
  for (let d = $head.depth; d > 0; d--) {
    const node = $head.node(d);
    if (!isUnitNode(node)) continue;
    const from = $head.before(d);
    return DecorationSet.create(state.doc, [Decoration.node(from, from + node.nodeSize, { spellcheck: 'true' }, { uid: node.attrs['uid'] as string })]);
  }
  return DecorationSet.empty;
}

/**
 * Spellcheck for the unit being edited only: the editor's root has it off, the unit the cursor is
 * in has it on. The browser's spellchecker then reads one provision after a pause in typing, not
 * the whole law (on a 2 MB code that was a quarter of a second each time). The dictionaries are the
 * operating system's (README, "Spelling").
 */
export function spellcheckFocusPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: (_config, state) => focusDecoration(state),
      apply(tr, previous, _old, state) {
        if (!tr.docChanged && !tr.selectionSet) return previous;
        const mapped = tr.docChanged ? previous.map(tr.mapping, tr.doc) : previous;
        const [current] = mapped.find();
        const $head = state.selection.$head;
        // Still in the same unit (typing): keep the mapped decoration, so nothing is redrawn.
        if (current && current.from < $head.pos && $head.pos < current.to) {
          let inner = false;
          for (let d = $head.depth; d > 0; d--) {
            if (isUnitNode($head.node(d))) {
              inner = $head.before(d) === current.from;
              break;
            }
          }
          if (inner) return mapped;
        }
        return focusDecoration(state);
      },
    },
    props: { decorations: (state) => key.getState(state) },
  });
}
