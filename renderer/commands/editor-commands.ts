import { redo, undo } from 'prosemirror-history';
import { TextSelection, type Command } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { Lang } from '../../shared/law';
import { openFindBar } from '../components/FindBar';
import { goToChange } from '../editor/change-navigation';
import { insertChildUnit, insertUnitAfter, moveToArticle, moveToUnit, repealUnit, type Notify } from '../editor/commands';
import { moveUnit } from '../editor/move-unit';
import { numberAsPractice } from '../editor/renumber';
import { MARKUP_VIEWS, type MarkupView } from '../review/markup';
import type { AppCommand } from './registry';

/** What the commands of an open text need from its view. */
export interface EditorCommandContext {
  view(): EditorView | null;
  lang: Lang;
  notify: Notify;
  /** Whether the text can be edited now (a draft, in a view that shows its changes). */
  editable(): boolean;
}

/** A ProseMirror command run on the view at its selection; the editor gets the focus back (a toolbar or the palette had it). */
function onView(ctx: EditorCommandContext, command: Command): () => void {
  return () => {
    const v = ctx.view();
    if (!v) return;
    command(v.state, v.dispatch, v);
    v.focus();
  };
}

/**
 * A structure command acts on the unit the drafter put the cursor in: with the editor not focused
 * (the page just opened, the cursor never placed: it stands at the start of the text), it says so
 * instead of changing the first unit of the law.
 */
function atCursor(ctx: EditorCommandContext, run: () => void): () => void {
  return () => {
    const v = ctx.view();
    if (!v) return;
    if (!v.hasFocus()) {
      ctx.notify('commands.placeCursor');
      return;
    }
    run();
  };
}

/** Whether the cursor stands in a unit's heading or text. */
function inUnit(ctx: EditorCommandContext): boolean {
  const $from = ctx.view()?.state.selection.$from;
  return !!$from && $from.parent.isTextblock && $from.depth >= 2;
}

/** Enter from a button: a new unit after the current one's text, not splitting it where the cursor is. */
function unitAfter(ctx: EditorCommandContext): () => void {
  return () => {
    const v = ctx.view();
    if (!v) return;
    const { $from } = v.state.selection;
    if ($from.parent.isTextblock) v.dispatch(v.state.tr.setSelection(TextSelection.create(v.state.doc, $from.end())).setMeta('addToHistory', false));
    insertUnitAfter(ctx.notify)(v.state, v.dispatch, v);
    v.focus();
  };
}

/**
 * The commands of an open law or draft: the structure commands (new unit after, new child, repeal,
 * move up / down), moving through units, articles and changes, undo / redo, find and replace. The
 * keys are the editor's own (editor/state.ts); a button or the palette runs the same command.
 */
export function editorCommands(ctx: EditorCommandContext): AppCommand[] {
  const edit = () => ctx.editable() && inUnit(ctx);
  return [
    { id: 'unit.after', title: 'commands.unitAfter', keys: 'Enter', group: 'structure', enabled: edit, run: atCursor(ctx, unitAfter(ctx)) },
    { id: 'unit.child', title: 'commands.unitChild', keys: 'Ctrl+Enter', group: 'structure', enabled: edit, run: atCursor(ctx, onView(ctx, insertChildUnit(ctx.notify))) },
    { id: 'unit.repeal', title: 'commands.repeal', keys: 'Ctrl+Shift+Backspace', group: 'structure', enabled: edit, run: atCursor(ctx, onView(ctx, repealUnit(ctx.lang, ctx.notify))) },
    { id: 'unit.moveUp', title: 'commands.moveUp', keys: 'Alt+Shift+↑', group: 'structure', enabled: edit, run: atCursor(ctx, onView(ctx, moveUnit(-1, ctx.notify))) },
    { id: 'unit.moveDown', title: 'commands.moveDown', keys: 'Alt+Shift+↓', group: 'structure', enabled: edit, run: atCursor(ctx, onView(ctx, moveUnit(1, ctx.notify))) },
    { id: 'unit.renumber', title: 'commands.renumber', group: 'structure', enabled: edit, run: atCursor(ctx, onView(ctx, numberAsPractice(ctx.notify))) },
    { id: 'edit.undo', title: 'commands.undo', keys: 'Ctrl+Z', group: 'structure', enabled: ctx.editable, run: onView(ctx, undo) },
    { id: 'edit.redo', title: 'commands.redo', keys: 'Ctrl+Y', group: 'structure', enabled: ctx.editable, run: onView(ctx, redo) },
    { id: 'nav.nextUnit', title: 'commands.nextUnit', keys: 'Alt+↓', group: 'navigate', run: onView(ctx, moveToUnit(1)) },
    { id: 'nav.prevUnit', title: 'commands.prevUnit', keys: 'Alt+↑', group: 'navigate', run: onView(ctx, moveToUnit(-1)) },
    { id: 'nav.nextArticle', title: 'commands.nextArticle', keys: 'Ctrl+Alt+↓', group: 'navigate', run: onView(ctx, moveToArticle(1)) },
    { id: 'nav.prevArticle', title: 'commands.prevArticle', keys: 'Ctrl+Alt+↑', group: 'navigate', run: onView(ctx, moveToArticle(-1)) },
    { id: 'find.open', title: 'commands.find', keys: 'Ctrl+F', group: 'find', run: () => openFindBar(false) },
    { id: 'find.replace', title: 'commands.replace', keys: 'Ctrl+H', group: 'find', enabled: ctx.editable, run: () => openFindBar(true) },
  ];
}

/** The markup views of a draft as commands (`choose` switches to one; the help page lists them with nothing to switch). */
export function markupCommands(choose: (view: MarkupView) => void): AppCommand[] {
  return MARKUP_VIEWS.map((v) => ({ id: `view.markup.${v}`, title: `markup.${v}`, group: 'view', run: () => choose(v) }));
}

/** Next and previous change in a draft (Alt+PageDown / Alt+PageUp); `none` says there is none that way. */
export function changeCommands(ctx: EditorCommandContext, none: () => void): AppCommand[] {
  const go = (direction: 1 | -1) => () => {
    const v = ctx.view();
    if (v && !goToChange(v, direction)) none();
  };
  return [
    { id: 'review.nextChange', title: 'commands.nextChange', keys: 'Alt+PageDown', group: 'review', run: go(1) },
    { id: 'review.prevChange', title: 'commands.prevChange', keys: 'Alt+PageUp', group: 'review', run: go(-1) },
  ];
}
