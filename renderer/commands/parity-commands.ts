import type { EditorView } from 'prosemirror-view';
import type { AppCommand } from './registry';

/** What the parity commands of an open draft act on. */
export interface ParityCommandContext {
  view(): EditorView | null;
  /** Whether the draft's law is amended in both official languages in this package. */
  available(): boolean;
  /** Marks the unit (uid) "unchanged in this language", or takes the mark away. */
  toggleUnchanged(uid: string): void;
  /** Opens the law's Kazakh and Russian drafts side by side. */
  openParallel(): void;
}

/** The unit the cursor is in (its uid), if any. */
function unitAtCursor(view: EditorView | null): string | null {
  const $from = view?.state.selection.$from;
  return $from && $from.depth >= 2 ? (($from.node($from.depth - 1).attrs['uid'] as string | undefined) ?? null) : null;
}

/** The commands about a draft's other official language: mark a unit unchanged in this language, open both texts side by side. */
export function parityCommands(ctx: ParityCommandContext): AppCommand[] {
  return [
    {
      id: 'parity.unchanged',
      title: 'commands.markUnchanged',
      group: 'review',
      enabled: () => ctx.available() && unitAtCursor(ctx.view()) !== null,
      run: () => {
        const uid = unitAtCursor(ctx.view());
        if (uid) ctx.toggleUnchanged(uid);
      },
    },
    { id: 'parity.parallel', title: 'commands.parallel', group: 'view', enabled: ctx.available, run: ctx.openParallel },
  ];
}
