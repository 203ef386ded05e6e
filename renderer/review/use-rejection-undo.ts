import { undoDepth } from 'prosemirror-history';
import type { EditorView } from 'prosemirror-view';
import { useEffect } from 'react';

/**
 * Ctrl+Z right after a rejection takes the rejection back, as Word's undo takes back a reject: the
 * rejection reopened the draft in a new editor, whose own history is empty, so a Ctrl+Z with nothing
 * of the editor's own to undo goes to `restore`. Typing after the rejection is undone first (the
 * editor's history has it), then the rejection.
 */
export function useRejectionUndo(view: () => EditorView | null, rejectionId: string | null, restore: (rejectionId: string) => void): void {
  useEffect(() => {
    if (!rejectionId) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey || event.key.toLowerCase() !== 'z') return;
      const v = view();
      if (v && undoDepth(v.state) > 0) return;
      // A Ctrl+Z typed in another field (a comment, the find bar) is that field's.
      const target = event.target as HTMLElement | null;
      if (target && target !== document.body && !v?.dom.contains(target)) return;
      event.preventDefault();
      event.stopPropagation();
      restore(rejectionId);
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [view, rejectionId, restore]);
}
