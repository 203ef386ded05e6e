import type { Notify } from '../editor/commands';
import { changeCommands, editorCommands, markupCommands } from './editor-commands';
import { parityCommands } from './parity-commands';
import type { AppCommand } from './registry';

/**
 * Every command of the workbench as the help page lists it, made from the same lists the views
 * register (with nothing to act on), so that the help cannot name a command or a key the app lacks.
 */
export function commandCatalogue(appCommands: readonly AppCommand[]): AppCommand[] {
  const none: Notify = () => undefined;
  const ctx = { view: () => null, lang: 'ru' as const, notify: none, editable: () => false };
  const parity = parityCommands({ view: () => null, available: () => false, toggleUnchanged: () => undefined, openParallel: () => undefined });
  return [...editorCommands(ctx), ...changeCommands(ctx, () => undefined), ...markupCommands(() => undefined), ...parity, ...appCommands];
}
