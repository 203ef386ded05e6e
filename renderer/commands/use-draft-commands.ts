import type { EditorView } from 'prosemirror-view';
import { useMemo, useRef } from 'react';
import type { Lang } from '../../shared/law';
import type { Notify } from '../editor/commands';
import { editableIn, type MarkupView } from '../review/markup';
import { auditCommand } from './audit-command';
import { changeCommands, editorCommands, markupCommands } from './editor-commands';
import { useRegisterCommands, type AppCommand } from './registry';

/** What the commands of an open draft act on. */
export interface DraftCommandInput {
  view: () => EditorView | null;
  lang: Lang;
  editable: boolean;
  notify: Notify;
  markup: MarkupView;
  chooseMarkup(view: MarkupView): void;
  save(): void;
  openDocuments(): void;
  /** Opens the package's audit log. */
  openAudit(): void;
  /** The commands about the other official language (parity-commands.ts). */
  parity: AppCommand[];
}

/**
 * The commands of an open draft — structure, moving through the text and its changes, the markup
 * views, save, the package's documents and its audit log — offered to the palette while the draft
 * is open and returned for its toolbar and context menu.
 */
export function useDraftCommands(input: DraftCommandInput): AppCommand[] {
  const { view, lang, editable, notify, chooseMarkup, save, openDocuments, openAudit, parity } = input;
  // Read when a command runs: switching views does not make a new list.
  const markup = useRef(input.markup);
  markup.current = input.markup;
  const commands = useMemo<AppCommand[]>(() => {
    const ctx = { view, lang, notify, editable: () => editable && editableIn(markup.current) };
    return [
      ...editorCommands(ctx),
      ...changeCommands(ctx, () => notify('commands.noMoreChanges')),
      ...markupCommands(chooseMarkup),
      ...parity,
      { id: 'app.save', title: 'commands.save', keys: 'Ctrl+S', group: 'app', run: save },
      { id: 'app.documents', title: 'commands.documents', group: 'app', run: openDocuments },
      auditCommand(openAudit),
    ];
  }, [view, lang, editable, notify, chooseMarkup, save, openDocuments, openAudit, parity]);
  useRegisterCommands('draft', commands);
  return commands;
}
