import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

/** The plugin's key (its state: the highlighted occurrence, if any). */
export const findHighlightKey = new PluginKey<DecorationSet>('zan-find-highlight');

/**
 * The occurrence the find bar stands on, marked in the text (`zan-find-hit`) as a decoration: it
 * lives in the editor's state and follows the text as it is redrawn and edited (a DOM range or a CSS
 * highlight over it is lost the moment the editor redraws the paragraph, as a draft's marks do).
 */
export function findHighlightPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: findHighlightKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, previous) {
        const meta = tr.getMeta(findHighlightKey) as { from: number; to: number } | null | undefined;
        if (meta === null) return DecorationSet.empty;
        if (meta) return DecorationSet.create(tr.doc, [Decoration.inline(meta.from, meta.to, { class: 'zan-find-hit' })]);
        return tr.docChanged ? previous.map(tr.mapping, tr.doc) : previous;
      },
    },
    props: { decorations: (state) => findHighlightKey.getState(state) ?? DecorationSet.empty },
  });
}

/** A transaction that marks the occurrence from `from` to `to` (null: none). */
export function setFindHighlight(state: EditorState, range: { from: number; to: number } | null): Transaction {
  return state.tr.setMeta(findHighlightKey, range).setMeta('addToHistory', false);
}
