import type { EditorView } from 'prosemirror-view';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryStems } from '../../shared/search/terms';
import { clearFindHighlight, revealMatch } from '../editor/reveal';
import { useSearch } from '../use-search';

/** One occurrence the find bar steps through: a unit, and which of its matches. */
interface Occurrence {
  uid: string;
  nth: number;
}

/**
 * Find in a law or a draft (Ctrl+F): the query's words in any of their forms, through the library's
 * search index (the whole text, drawn or not), stepped through with Enter / Shift+Enter or the
 * arrows; each occurrence is scrolled to just below the document's header and marked. Esc closes.
 * A word found in more than a thousand units is counted as "1000+" (the first thousand, in order).
 */
export function FindBar({ versionId, view }: { versionId: string; view: () => EditorView | null }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [at, setAt] = useState(-1);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        setOpen(true);
        requestAnimationFrame(() => input.current?.select());
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const { result, error } = useSearch(open ? query : null, { versionIds: [versionId], limit: 1000 }, 180);
  const hits = result?.hits ?? null;
  const truncated = result?.truncated ?? false;
  // A new answer starts the stepping over.
  useEffect(() => setAt(-1), [result]);

  const occurrences = useMemo<Occurrence[]>(() => (hits ?? []).flatMap((h) => h.matches.map((_, nth) => ({ uid: h.uid, nth }))), [hits]);
  const stems = useMemo(() => queryStems(query), [query]);

  const go = (delta: number) => {
    const v = view();
    if (!v || occurrences.length === 0) return;
    const next = at < 0 ? (delta > 0 ? 0 : occurrences.length - 1) : (at + delta + occurrences.length) % occurrences.length;
    setAt(next);
    const o = occurrences[next] as Occurrence;
    revealMatch(v, o.uid, stems, o.nth);
  };

  const close = () => {
    setOpen(false);
    clearFindHighlight();
    view()?.focus();
  };

  if (!open) return null;
  const count = hits === null ? '' : occurrences.length === 0 ? t('find.none') : t('find.position', { at: at < 0 ? 0 : at + 1, count: occurrences.length, more: truncated ? '+' : '' });
  return (
    <div className="find-bar" role="search" data-testid="find-bar">
      <input
        ref={input}
        type="search"
        value={query}
        placeholder={t('find.placeholder')}
        aria-label={t('find.label')}
        data-testid="find-input"
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            go(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            close();
          }
        }}
      />
      <span className="find-count" data-testid="find-count" aria-live="polite">
        {error ?? count}
      </span>
      <button type="button" className="button" onClick={() => go(-1)} disabled={occurrences.length === 0} aria-label={t('find.previous')} title={`${t('find.previous')} (Shift+Enter)`}>
        ↑
      </button>
      <button type="button" className="button" onClick={() => go(1)} disabled={occurrences.length === 0} aria-label={t('find.next')} title={`${t('find.next')} (Enter)`} data-testid="find-next">
        ↓
      </button>
      <button type="button" className="button" onClick={close} aria-label={t('find.close')} title={`${t('find.close')} (Esc)`}>
        ×
      </button>
    </div>
  );
}
