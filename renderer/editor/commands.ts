import { Fragment, type Node as PMNode, type NodeType, type ResolvedPos } from 'prosemirror-model';
import { Selection, TextSelection, type Command } from 'prosemirror-state';
import { DEFAULT_STUB, lawSchema, newUid, numberBetween, type Lang } from '../../shared/law';

/** How a command tells the drafter why it did nothing (shown in the status bar). */
export type Notify = (key: string, values?: Record<string, string>) => void;

const { body: BODY, heading: HEADING, hard_break: HARD_BREAK } = lawSchema.nodes as Record<string, NodeType>;

/** The unit around a text block position: the unit node, its depth, its parent and its index there. */
function unitAround($pos: ResolvedPos): { unit: PMNode; depth: number; parent: PMNode; index: number } | null {
  const depth = $pos.depth - 1;
  if (depth < 1) return null;
  return { unit: $pos.node(depth), depth, parent: $pos.node(depth - 1), index: $pos.index(depth - 1) };
}

/** A new unit node of a kind with a fresh uid, the given number and text. */
function newUnit(type: NodeType, num: string, content: Fragment = Fragment.empty): PMNode {
  return type.create({ uid: newUid(), num, repealed: false, notes: [] }, BODY?.create(null, content));
}

/** The number for a new unit placed after `prev` (null: first) among its siblings of the same type. */
function numberFor(type: NodeType, prev: PMNode | null, next: PMNode | null): string | null {
  if (type.name === 'part') return '';
  const prevNum = prev && prev.type === type ? (prev.attrs['num'] as string) : null;
  const nextNum = next && next.type === type ? (next.attrs['num'] as string) : null;
  return numberBetween(prevNum, nextNum);
}

/**
 * Enter in a unit's text: a new unit of the same kind right after it (after its own children),
 * numbered the Kazakh way (after 5 comes 5-1), taking the text after the cursor with it.
 */
export function insertUnitAfter(notify: Notify): Command {
  return (state, dispatch) => {
    const { $from, $to } = state.selection;
    if ($from.parent.type !== BODY || !$from.sameParent($to)) return false;
    const around = unitAround($from);
    if (!around) return false;
    const { unit, depth, parent, index } = around;
    const next = parent.maybeChild(index + 1);
    const num = numberFor(unit.type, unit, next);
    if (num === null) {
      notify('editor.cannotNumber', { next: String(next?.attrs['num'] ?? '') });
      return true;
    }
    const created = newUnit(unit.type, num, $to.parent.content.cut($to.parentOffset));
    if (!parent.canReplace(index + 1, index + 1, Fragment.from(created))) {
      notify('editor.cannotInsert', { kind: unit.type.name });
      return true;
    }
    if (dispatch) {
      const tr = state.tr.delete($from.pos, $from.end());
      const at = tr.mapping.map($from.after(depth));
      tr.insert(at, created);
      tr.setSelection(TextSelection.create(tr.doc, at + 2));
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/** Enter in a heading: into the unit's first text; an article without content gets a first part. */
export const enterFromHeading: Command = (state, dispatch) => {
  const { $from } = state.selection;
  if ($from.parent.type !== HEADING) return false;
  const after = $from.after();
  const unit = $from.node($from.depth - 1);
  if (dispatch) {
    const tr = state.tr;
    if (unit.childCount === 1 && unit.type.name === 'article') {
      tr.insert(after, newUnit(lawSchema.nodes['part'] as NodeType, ''));
      tr.setSelection(TextSelection.create(tr.doc, after + 2));
    } else {
      const found = Selection.findFrom(state.doc.resolve(after), 1, true);
      if (found) tr.setSelection(found);
    }
    dispatch(tr.scrollIntoView());
  }
  return true;
};

/**
 * Ctrl+Enter: a new last child of the current unit: a subparagraph in a paragraph or part, a
 * paragraph in an article (from its heading). Numbered after the last one.
 */
export function insertChildUnit(notify: Notify): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    if ($from.parent.type !== BODY && $from.parent.type !== HEADING) return false;
    const depth = $from.depth - 1;
    const unit = $from.node(depth);
    const childName = unit.type.name === 'article' ? 'paragraph' : unit.type.name === 'paragraph' || unit.type.name === 'part' ? 'subparagraph' : null;
    if (!childName) {
      notify('editor.cannotInsert', { kind: unit.type.name === 'subparagraph' ? 'subparagraph' : unit.type.name });
      return true;
    }
    const type = lawSchema.nodes[childName] as NodeType;
    let last: PMNode | null = null;
    unit.forEach((child) => {
      if (child.type === type) last = child;
    });
    const num = numberFor(type, last, null) as string;
    const created = newUnit(type, num);
    if (!unit.canReplace(unit.childCount, unit.childCount, Fragment.from(created))) {
      notify('editor.cannotInsert', { kind: childName });
      return true;
    }
    if (dispatch) {
      const at = $from.end(depth);
      const tr = state.tr.insert(at, created);
      tr.setSelection(TextSelection.create(tr.doc, at + 2));
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/** Backspace in an empty unit without children: removes the unit, if its parent can do without it. */
export const deleteEmptyUnit: Command = (state, dispatch) => {
  const { $from, empty } = state.selection;
  if (!empty || $from.parent.type !== BODY || $from.parent.content.size > 0) return false;
  const around = unitAround($from);
  if (!around || around.unit.childCount > 1) return false;
  if (!around.parent.canReplace(around.index, around.index + 1, Fragment.empty)) return false;
  if (dispatch) {
    const start = $from.before(around.depth);
    const tr = state.tr.delete(start, $from.after(around.depth));
    tr.setSelection(Selection.near(tr.doc.resolve(Math.max(0, start - 1)), -1));
    dispatch(tr.scrollIntoView());
  }
  return true;
};

/** Shift+Enter: a new line (абзац) inside the same unit. */
export const insertLineBreak: Command = (state, dispatch) => {
  if (state.selection.$from.parent.type !== BODY || !HARD_BREAK) return false;
  if (dispatch) dispatch(state.tr.replaceSelectionWith(HARD_BREAK.create()).scrollIntoView());
  return true;
};

/** Alt+↓ / Alt+↑: the start of the next or previous provision's text. */
export function moveToUnit(direction: 1 | -1): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    if (!$from.parent.isTextblock) return false;
    const from = direction > 0 ? $from.after() : $from.before();
    const found = Selection.findFrom(state.doc.resolve(from), direction, true);
    if (!found) return true;
    if (dispatch) dispatch(state.tr.setSelection(TextSelection.create(state.doc, found.$from.start())).scrollIntoView());
    return true;
  };
}

/**
 * Ctrl+Alt+↓ / Ctrl+Alt+↑: the heading of the next article, or of the article before the cursor
 * (from inside an article's text, ↑ first goes to its own heading). Articles are not descended into.
 */
export function moveToArticle(direction: 1 | -1): Command {
  return (state, dispatch) => {
    const here = state.selection.from;
    let target: number | null = null;
    state.doc.descendants((node, pos) => {
      if (node.type.name !== 'article') return true;
      const headingStart = pos + 2;
      if (direction > 0 ? headingStart > here && target === null : headingStart < here) target = headingStart;
      return false;
    });
    if (target !== null && dispatch) dispatch(state.tr.setSelection(TextSelection.create(state.doc, target)).scrollIntoView());
    return true;
  };
}


/**
 * Ctrl+Shift+Backspace: repeals the unit the cursor is in. Kazakh technique keeps a repealed unit
 * as a stub with its number ("Исключен."), so the unit stays, marked repealed, and its content goes.
 * Sections and chapters are not repealed this way (their articles are).
 */
export function repealUnit(lang: Lang, notify: Notify): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    if ($from.parent.type !== BODY && $from.parent.type !== HEADING) return false;
    const depth = $from.depth - 1;
    const unit = $from.node(depth);
    if (unit.type.name === 'section' || unit.type.name === 'chapter') {
      notify('editor.cannotRepeal', { kind: unit.type.name });
      return true;
    }
    if (unit.attrs['repealed']) return true;
    const block = (unit.type.name === 'article' ? HEADING : BODY) as NodeType;
    const stub = unit.type.create({ ...unit.attrs, repealed: true }, block.create(null, lawSchema.text(DEFAULT_STUB[lang])));
    if (dispatch) {
      const start = $from.before(depth);
      const tr = state.tr.replaceWith(start, start + unit.nodeSize, stub);
      tr.setSelection(TextSelection.create(tr.doc, start + 2 + DEFAULT_STUB[lang].length));
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}
