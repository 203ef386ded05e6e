import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { Derivation, type Amendment, type DiffCache } from '../../shared/amend';
import type { DiffOp } from '../../shared/diff/ops';
import { docToLaw, inlineToText, isUnitNode, type LawDoc } from '../../shared/law';
import { touchedUnits } from './touched-units';

/** The plugin's state: the live amendment list and the marks it puts on the text. */
export interface ChangeMarksState {
  derivation: Derivation;
  decorations: DecorationSet;
  /** Increases whenever the amendment list may have changed (the panel re-renders on it). */
  generation: number;
}

/** The plugin's key, to read the amendments from an editor state. */
export const changeMarksKey = new PluginKey<ChangeMarksState>('zan-change-marks');

/**
 * Marks the draft's changes against the text in force, as the drafter types: deleted words struck
 * through (as widgets, since they are no longer in the text), inserted words underlined, and each
 * changed unit flagged by its kind (inserted, repealed, moved, renumbered, reworded).
 * Decorations live in the plugin state and are mapped forward; a text edit re-derives and re-marks
 * only the units it touched. A structural edit rebuilds both, with the diff cache sparing the
 * unchanged texts.
 */
export function changeMarksPlugin(base: LawDoc): Plugin<ChangeMarksState> {
  const cache: DiffCache = new Map();
  const rebuild = (doc: PMNode, generation: number): ChangeMarksState => {
    const derivation = new Derivation(base, docToLaw(doc, base.lang), {}, cache);
    return { derivation, decorations: decorateAll(doc, derivation), generation };
  };
  return new Plugin<ChangeMarksState>({
    key: changeMarksKey,
    state: {
      init: (_config, state) => rebuild(state.doc, 0),
      apply(tr, previous) {
        if (!tr.docChanged) return previous;
        const touched = touchedUnits(tr);
        if (!touched) return rebuild(tr.doc, previous.generation + 1);
        let decorations = previous.decorations.map(tr.mapping, tr.doc);
        for (const { uid, pos, node } of touched) {
          const heading = node.firstChild?.type.name === 'heading' ? node.firstChild.textContent : '';
          const text = node.firstChild?.type.name === 'body' ? inlineToText(node.firstChild) : '';
          if (!previous.derivation.updateText(uid, heading, text)) return rebuild(tr.doc, previous.generation + 1);
          decorations = decorations.remove(decorations.find(pos, pos + node.nodeSize, (spec: { uid?: string }) => spec.uid === uid));
          decorations = decorations.add(tr.doc, marksFor(node, pos, previous.derivation));
        }
        return { derivation: previous.derivation, decorations, generation: previous.generation + 1 };
      },
    },
    props: {
      decorations: (state) => changeMarksKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
  });
}

/** The amendments of an editor state, in the law's order. */
export function amendmentsOf(state: EditorState): Amendment[] {
  return changeMarksKey.getState(state)?.derivation.list() ?? [];
}

/** Marks for every amendment: one walk over the units of the document (structural edits only). */
function decorateAll(doc: PMNode, derivation: Derivation): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!isUnitNode(node)) return false;
    decorations.push(...marksFor(node, pos, derivation));
    return true;
  });
  return DecorationSet.create(doc, decorations);
}

/** The marks of one unit: its amendment's, or "new" for a unit inside an inserted one. */
function marksFor(node: PMNode, pos: number, derivation: Derivation): Decoration[] {
  const uid = node.attrs['uid'] as string;
  const own = derivation.amendmentOf(uid);
  if (own) return decorateUnit(node, pos, own);
  // Units under an inserted one are new too, without amendments of their own.
  if (derivation.isNew(uid)) return [Decoration.node(pos, pos + node.nodeSize, { class: 'zan-am zan-am-insert' }, { uid })];
  return [];
}

/** The marks of one unit's amendment: a flag on the unit and the word changes in its heading and text. */
function decorateUnit(node: PMNode, pos: number, a: Amendment): Decoration[] {
  const uid = node.attrs['uid'] as string;
  const attrs: Record<string, string> = { class: `zan-am zan-am-${a.kind}` };
  if (a.base && a.proposed && a.base.num !== a.proposed.num) attrs['data-old-num'] = a.base.num;
  const out: Decoration[] = [Decoration.node(pos, pos + node.nodeSize, attrs, { uid })];
  const first = node.firstChild;
  if (!first) return out;
  const start = pos + 2; // inside the unit, inside its heading or text block
  if (a.kind === 'insert') return out;
  out.push(...wordMarks(start, first.type.name === 'heading' ? a.headingOps : a.ops, uid));
  return out;
}

/** Underlines inserted words and shows deleted ones, struck through, where they stood. */
function wordMarks(start: number, ops: readonly DiffOp[], uid: string): Decoration[] {
  const out: Decoration[] = [];
  let at = start;
  ops.forEach(([op, text], i) => {
    if (op === 0) at += text.length;
    else if (op === 1) {
      out.push(Decoration.inline(at, at + text.length, { class: 'zan-ins' }, { uid }));
      at += text.length;
    } else {
      out.push(
        Decoration.widget(at, () => deletedWords(text), { uid, side: -1, key: `del-${uid}-${i}-${text}`, ignoreSelection: true, marks: [] }),
      );
    }
  });
  return out;
}

function deletedWords(text: string): HTMLElement {
  const span = document.createElement('del');
  span.className = 'zan-del';
  span.textContent = text;
  span.contentEditable = 'false';
  return span;
}
