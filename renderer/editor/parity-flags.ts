import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { isUnitNode } from '../../shared/law';

/** A unit to flag: what its parity finding is (styles.css reads `data-parity`) and what it says, for the tooltip. */
export interface ParityFlag {
  kind: string;
  title: string;
}

/** The plugin's key (its state: the flags as decorations). */
export const parityFlagsKey = new PluginKey<DecorationSet>('zan-parity-flags');

/**
 * The units of this text whose counterpart in the other official language is not in step (issue
 * 15): flagged on the unit (`zan-parity`) until the finding is cleared. Node decorations, as the
 * change marks are: they live in the editor state and follow the text as it is edited and redrawn.
 */
export function parityFlagsPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: parityFlagsKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, previous) {
        const flags = tr.getMeta(parityFlagsKey) as ReadonlyMap<string, ParityFlag> | undefined;
        if (flags) return decorate(tr.doc, flags);
        return tr.docChanged ? previous.map(tr.mapping, tr.doc) : previous;
      },
    },
    props: { decorations: (state) => parityFlagsKey.getState(state) ?? DecorationSet.empty },
  });
}

function decorate(doc: PMNode, flags: ReadonlyMap<string, ParityFlag>): DecorationSet {
  if (flags.size === 0) return DecorationSet.empty;
  const out: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!isUnitNode(node)) return false;
    const flag = flags.get(node.attrs['uid'] as string);
    if (flag) out.push(Decoration.node(pos, pos + node.nodeSize, { class: 'zan-parity', 'data-parity': flag.kind, title: flag.title }));
    return true;
  });
  return DecorationSet.create(doc, out);
}

/** A transaction that flags these units (by uid) and no others. */
export function setParityFlags(state: EditorState, flags: ReadonlyMap<string, ParityFlag>): Transaction {
  return state.tr.setMeta(parityFlagsKey, flags).setMeta('addToHistory', false);
}
