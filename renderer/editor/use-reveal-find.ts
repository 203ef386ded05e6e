import type { EditorView } from 'prosemirror-view';
import { useEffect } from 'react';
import { queryStems } from '../../shared/search/terms';
import type { Find } from '../router';
import { revealMatch } from './reveal';

/**
 * Brings the unit a search found into view once the editor exists, its words marked (a text
 * opened from the search page, or another hit of the same text chosen there).
 */
export function useRevealFind(view: EditorView | null, find: Find | undefined): void {
  const uid = find?.uid;
  const query = find?.query ?? '';
  useEffect(() => {
    if (!view || !uid) return;
    const frame = requestAnimationFrame(() => revealMatch(view, uid, queryStems(query)));
    return () => cancelAnimationFrame(frame);
  }, [view, uid, query]);
}
