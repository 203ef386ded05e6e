import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { Derivation, indexBase, type Amendment, type DiffCache } from '../../shared/amend';
import type { DiffOp } from '../../shared/diff/ops';
import { docToLaw, inlineToText, isUnitNode, type LawDoc } from '../../shared/law';
import { touchedUnits } from './touched-units';

/** The plugin's state: the live amendment list and the marks it puts on the text. */
export interface ChangeMarksState {
  derivation: Derivation;
  decorations: DecorationSet;
  /** Increases whenever the amendment list may have changed (the panel re-renders on it). */
  generation: number;
  /**
   * A structural edit is waiting for its re-derivation, which runs once the edit is painted and
   * the page is idle (the marks are mapped until then): Enter in a 2 MB code paints first, then re-marks.
   */
  pending: boolean;
  /** The amendments a reviewer approved (by uid): their units are marked as approved. */
  approved: ReadonlySet<string>;
}

/** The meta of the transaction that runs a pending re-derivation. */
const REDERIVE = 'rederive';

/** The meta of a transaction that says which amendments are approved. */
interface ApprovedMeta {
  approved: ReadonlySet<string>;
}

/** The plugin's key, to read the amendments from an editor state. */
export const changeMarksKey = new PluginKey<ChangeMarksState>('zan-change-marks');

/**
 * Marks the draft's changes against the text in force, as the drafter types: deleted words struck
 * through (as widgets, since they are no longer in the text), inserted words underlined, and each
 * changed unit flagged by its kind (inserted, repealed, moved, renumbered, reworded).
 * Decorations live in the plugin state and are mapped forward; a text edit re-derives and re-marks
 * only the units it touched. A structural edit rebuilds both, with the diff cache sparing the
 * unchanged texts and the text in force indexed once — just after the edit is painted, so that
 * Enter in a big code is not slower than a key (the panel follows when it lands).
 */
export function changeMarksPlugin(base: LawDoc): Plugin<ChangeMarksState> {
  const cache: DiffCache = new Map();
  const indexed = indexBase(base);
  const rebuild = (doc: PMNode, generation: number, approved: ReadonlySet<string>): ChangeMarksState => {
    const derivation = new Derivation(indexed, docToLaw(doc, base.lang), {}, cache);
    return { derivation, decorations: decorateAll(doc, derivation, approved), generation, pending: false, approved };
  };
  return new Plugin<ChangeMarksState>({
    key: changeMarksKey,
    state: {
      init: (_config, state) => rebuild(state.doc, 0, new Set()),
      apply(tr, previous) {
        const meta = tr.getMeta(changeMarksKey) as typeof REDERIVE | ApprovedMeta | undefined;
        if (meta === REDERIVE) return previous.pending ? rebuild(tr.doc, previous.generation + 1, previous.approved) : previous;
        if (meta && !tr.docChanged) {
          // Only the marks change (no re-derivation): the units approved are flagged as such.
          return { ...previous, approved: meta.approved, decorations: previous.pending ? previous.decorations : decorateAll(tr.doc, previous.derivation, meta.approved) };
        }
        if (!tr.docChanged) return previous;
        const touched = touchedUnits(tr);
        // A structural edit: marks follow the text now, the amendments just after the paint.
        if (!touched) return { ...previous, decorations: previous.decorations.map(tr.mapping, tr.doc), pending: true };
        // Typing while a re-derivation waits: the derivation does not know the new units yet.
        if (previous.pending) return rebuild(tr.doc, previous.generation + 1, previous.approved);
        let decorations = previous.decorations.map(tr.mapping, tr.doc);
        for (const { uid, pos, node } of touched) {
          const heading = node.firstChild?.type.name === 'heading' ? node.firstChild.textContent : '';
          const text = node.firstChild?.type.name === 'body' ? inlineToText(node.firstChild) : '';
          if (!previous.derivation.updateText(uid, heading, text)) return rebuild(tr.doc, previous.generation + 1, previous.approved);
          decorations = decorations.remove(decorations.find(pos, pos + node.nodeSize, (spec: { uid?: string }) => spec.uid === uid));
          decorations = decorations.add(tr.doc, marksFor(node, pos, previous.derivation, previous.approved));
        }
        return { derivation: previous.derivation, decorations, generation: previous.generation + 1, pending: false, approved: previous.approved };
      },
    },
    props: {
      decorations: (state) => changeMarksKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
    view: () => {
      let idle: number | null = null;
      let frame = 0;
      return {
        update(view) {
          if (!changeMarksKey.getState(view.state)?.pending || idle !== null || frame) return;
          // After the frame that paints the edit, when the page is idle (the tasks that frame
          // queued, input included, go first); at the latest 250 ms on. A key typed meanwhile
          // re-derives in its own transaction (see apply).
          frame = requestAnimationFrame(() => {
            frame = 0;
            idle = requestIdleCallback(
              () => {
                idle = null;
                if (changeMarksKey.getState(view.state)?.pending) view.dispatch(rederive(view.state));
              },
              { timeout: 250 },
            );
          });
        },
        destroy() {
          cancelAnimationFrame(frame);
          if (idle !== null) cancelIdleCallback(idle);
        },
      };
    },
  });
}

/** The transaction that runs a pending re-derivation now (the plugin's view sends it after the paint, when idle). */
export function rederive(state: EditorState): Transaction {
  return state.tr.setMeta(changeMarksKey, REDERIVE).setMeta('addToHistory', false);
}

/** The transaction that marks the units of these amendments as approved (and no others). */
export function markApproved(state: EditorState, approved: ReadonlySet<string>): Transaction {
  const meta: ApprovedMeta = { approved };
  return state.tr.setMeta(changeMarksKey, meta).setMeta('addToHistory', false);
}

/** The approved amendments an editor state marks. */
export function approvedOf(state: EditorState): ReadonlySet<string> {
  return changeMarksKey.getState(state)?.approved ?? new Set();
}

/** Whether an editor state waits for a re-derivation after a structural edit. */
export function rederivationPending(state: EditorState): boolean {
  return changeMarksKey.getState(state)?.pending === true;
}

/** The amendments of an editor state, in the law's order. */
export function amendmentsOf(state: EditorState): Amendment[] {
  return changeMarksKey.getState(state)?.derivation.list() ?? [];
}

/** Marks for every amendment: one walk over the units of the document (structural edits only). */
function decorateAll(doc: PMNode, derivation: Derivation, approved: ReadonlySet<string>): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!isUnitNode(node)) return false;
    decorations.push(...marksFor(node, pos, derivation, approved));
    return true;
  });
  return DecorationSet.create(doc, decorations);
}

/** The marks of one unit: its amendment's, or "new" for a unit inside an inserted one. */
function marksFor(node: PMNode, pos: number, derivation: Derivation, approved: ReadonlySet<string>): Decoration[] {
  const uid = node.attrs['uid'] as string;
  const own = derivation.amendmentOf(uid);
  if (own) return decorateUnit(node, pos, own, approved.has(uid));
  // Units under an inserted one are new too, without amendments of their own.
  if (derivation.isNew(uid)) return [Decoration.node(pos, pos + node.nodeSize, { class: 'zan-am zan-am-insert' }, { uid })];
  return [];
}

/** The marks of one unit's amendment: a flag on the unit and the word changes in its heading and text. */
function decorateUnit(node: PMNode, pos: number, a: Amendment, approved: boolean): Decoration[] {
  const uid = node.attrs['uid'] as string;
  // The kind and, once a reviewer approved it, "approved": the markup views and the styles read these.
  const attrs: Record<string, string> = { class: `zan-am zan-am-${a.kind}${approved ? ' zan-approved' : ''}` };
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
      // <ins> and <del>: a screen reader says "inserted" and "deleted", not one run of words.
      out.push(Decoration.inline(at, at + text.length, { nodeName: 'ins', class: 'zan-ins' }, { uid }));
      at += text.length;
    } else {
      // Diffs put a deletion before the insertion that replaces it; the other order is kept apart too.
      const previous = ops[i - 1];
      const gaps = { before: previous?.[0] === 1 && needsGap(previous[1], text), after: needsGap(text, ops[i + 1]?.[1]) };
      out.push(
        Decoration.widget(at, () => deletedWords(text, gaps), { uid, side: -1, key: `del-${uid}-${i}-${gaps.before ? 'b' : ''}${gaps.after ? 'a' : ''}-${text}`, ignoreSelection: true, marks: [] }),
      );
    }
  });
  return out;
}

/**
 * Whether two texts shown one after the other would touch: "органа" struck, then "Исключен."
 * inserted, must not read (to a screen reader, or in `innerText`) as "органаИсключен.".
 */
function needsGap(first: string, next: string | undefined): boolean {
  return first !== '' && next !== undefined && next !== '' && !/\s$/u.test(first) && !/^\s/u.test(next);
}

/**
 * The deleted words, struck through, where they stood: a `<del>` (a screen reader says "deletion")
 * and, where a word next to it would touch it, a real space between them, outside the `<del>`
 * (styles.css hides it in the markup views that hide one of the two). A margin only looks like a
 * space: readers and `innerText` run the two words together.
 */
function deletedWords(text: string, gaps: { before: boolean; after: boolean }): HTMLElement {
  const del = document.createElement('del');
  del.className = 'zan-del';
  del.textContent = text;
  if (!gaps.before && !gaps.after) {
    del.contentEditable = 'false';
    return del;
  }
  const widget = document.createElement('span');
  widget.className = 'zan-del-widget';
  widget.contentEditable = 'false';
  if (gaps.before) widget.append(gap());
  widget.append(del);
  if (gaps.after) widget.append(gap());
  return widget;
}

function gap(): HTMLElement {
  const space = document.createElement('span');
  space.className = 'zan-del-gap';
  space.textContent = ' ';
  return space;
}
