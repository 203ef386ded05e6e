import { baseKeymap, chainCommands } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import type { Node as PMNode } from 'prosemirror-model';
import { EditorState, type Command } from 'prosemirror-state';
import type { Lang, LawDoc } from '../../shared/law';
import { changeMarksPlugin } from './change-marks';
import {
  deleteEmptyUnit,
  enterFromHeading,
  insertChildUnit,
  insertLineBreak,
  insertUnitAfter,
  moveToArticle,
  moveToUnit,
  repealUnit,
  type Notify,
} from './commands';
import { goToChange } from './change-navigation';
import { copyWithNumbersPlugin } from './copy-with-numbers';
import { findHighlightPlugin } from './find-highlight';
import { drawsLazily, lazyArticlesPlugin } from './lazy-articles';
import { moveUnit } from './move-unit';
import { parityFlagsPlugin } from './parity-flags';
import { spellcheckFocusPlugin } from './spellcheck-focus';
import { teamLeasesPlugin, type TeamLeaseHooks } from './team-leases';
import { unitIdentityPlugin } from './unit-identity';

/** What the editor state needs from its surroundings. */
export interface EditorHooks {
  notify: Notify;
  /** Ctrl+S: save now. */
  save(): void;
}

/**
 * The editor state of a law document: undo history, the law's own keys before ProseMirror's base
 * keymap, unit identity, (for a draft) the marks of its changes against `base`, the text in
 * force, a big law drawn lazily (lazy-articles.ts), spellcheck on the unit being edited only and, for a draft on a team server, its provision leases. Every shortcut is listed in the UI (i18n key draft.shortcutList).
 */
export function createLawEditorState(doc: PMNode, hooks: EditorHooks, options: { lang: Lang; base?: LawDoc | undefined; leases?: TeamLeaseHooks | undefined }): EditorState {
  const { lang, base, leases } = options;
  const save: Command = () => {
    hooks.save();
    return true;
  };
  return EditorState.create({
    doc,
    plugins: [
      history(),
      keymap({
        'Mod-z': undo,
        'Shift-Mod-z': redo,
        'Mod-y': redo,
        'Mod-s': save,
        Enter: chainCommands(enterFromHeading, insertUnitAfter(hooks.notify)),
        'Mod-Enter': insertChildUnit(hooks.notify),
        'Shift-Enter': insertLineBreak,
        Backspace: deleteEmptyUnit,
        'Alt-ArrowDown': moveToUnit(1),
        'Alt-ArrowUp': moveToUnit(-1),
        'Mod-Alt-ArrowDown': moveToArticle(1),
        'Mod-Alt-ArrowUp': moveToArticle(-1),
        'Shift-Mod-Backspace': repealUnit(lang, hooks.notify),
        'Shift-Alt-ArrowUp': moveUnit(-1, hooks.notify),
        'Shift-Alt-ArrowDown': moveUnit(1, hooks.notify),
        'Alt-PageDown': (_state, _dispatch, view) => (view ? goToChange(view, 1) || true : false),
        'Alt-PageUp': (_state, _dispatch, view) => (view ? goToChange(view, -1) || true : false),
      }),
      keymap(baseKeymap),
      unitIdentityPlugin(),
      ...(base ? [changeMarksPlugin(base)] : []),
      lazyArticlesPlugin(lang, drawsLazily(doc)),
      spellcheckFocusPlugin(),
      copyWithNumbersPlugin(lang),
      findHighlightPlugin(),
      parityFlagsPlugin(),
      // A draft on a team server: others' provisions read-only, a lease taken on typing (team-leases.ts).
      ...(leases ? [teamLeasesPlugin(leases)] : []),
    ],
  });
}
