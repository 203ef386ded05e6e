import type { EditorView } from 'prosemirror-view';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryStems } from '../../shared/search/terms';
import { clearFindHighlight, matchRanges, replaceMatches, revealMatch } from '../editor/reveal';
import { useSearch } from '../use-search';

/** One occurrence the find bar steps through: a unit, and which of its matches. */
interface Occurrence {
  uid: string;
  nth: number;
}

const OPEN_FIND_EVENT = 'zan-open-find';

/** Opens the find bar of the open law or draft (with the replacement, in a draft, if `replace`), as Ctrl+F / Ctrl+H do. */
export function openFindBar(replace: boolean): void {
  window.dispatchEvent(new CustomEvent(OPEN_FIND_EVENT, { detail: { replace } }));
}

/**
 * Find in a law or a draft (Ctrl+F): the query's words in any of their forms, through the library's
 * search index (the whole text, drawn or not), stepped through with Enter / Shift+Enter or the
 * arrows; each occurrence is scrolled to just below the document's header and marked. Esc closes.
 * A word found in more than a thousand units is counted as "1000+" (the first thousand, in order).
 * In a draft, Ctrl+H adds a replacement: one occurrence at a time (whatever its form), or all those
 * in the form typed at once, as one undo step (every form, each confirmed: the package's replacement
 * throughout).
 */
export function FindBar({ versionId, view, editable = false, refresh }: { versionId: string; view: () => EditorView | null; editable?: boolean; refresh?: unknown }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [replacing, setReplacing] = useState(false);
  const [replacement, setReplacement] = useState('');
  const [replaced, setReplaced] = useState<{ replaced: number; otherForms: number } | null>(null);
  const [query, setQuery] = useState('');
  const [at, setAt] = useState(-1);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const show = (replace: boolean) => {
      setOpen(true);
      setReplacing(replace && editable);
      requestAnimationFrame(() => input.current?.select());
    };
    const onKey = (e: KeyboardEvent) => {
      const key = e.key.toLowerCase();
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && (key === 'f' || (key === 'h' && editable))) {
        e.preventDefault();
        show(key === 'h');
      }
    };
    // The palette, the toolbar and the context menu open it too (openFindBar).
    const onOpen = (e: Event) => show((e as CustomEvent<{ replace: boolean }>).detail.replace);
    window.addEventListener('keydown', onKey);
    window.addEventListener(OPEN_FIND_EVENT, onOpen);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(OPEN_FIND_EVENT, onOpen);
    };
  }, [editable]);

  // A draft's search index follows its saves: asked again after each, so what was typed is found.
  const { result, error } = useSearch(open ? query : null, { versionIds: [versionId], limit: 1000 }, 180, undefined, refresh);
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

  /** Replaces the occurrence shown (or the next, if none is), then shows the next. */
  const replaceOne = () => {
    const v = view();
    const o = occurrences[at];
    if (!v || !o) return go(1);
    const ranges = matchRanges(v.state.doc, o.uid, stems) ?? [];
    const range = ranges[Math.min(o.nth, ranges.length - 1)];
    if (range) v.dispatch(v.state.tr.insertText(replacement, range.from, range.to).scrollIntoView());
    setReplaced({ replaced: range ? 1 : 0, otherForms: 0 });
    go(1);
  };

  /** Replaces every occurrence in the text, as one step that Ctrl+Z takes back. */
  const replaceAll = () => {
    const v = view();
    if (!v || !hits) return;
    setReplaced(replaceMatches(v, [...new Set(hits.map((h) => h.uid))], stems, query, replacement));
  };

  const close = () => {
    setOpen(false);
    clearFindHighlight(view());
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
      <button type="button" className="button" onClick={close} aria-label={t('find.close')} title={`${t('find.close')} (Esc)`} data-testid="find-close">
        ×
      </button>
      {editable && replacing && (
        <div className="find-replace">
          <input type="text" value={replacement} placeholder={t('find.replaceWith')} aria-label={t('find.replaceWith')} data-testid="replace-input" onChange={(e) => setReplacement(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), close())} />
          <button type="button" className="button" onClick={replaceOne} disabled={occurrences.length === 0} data-testid="replace-one">
            {t('find.replace')}
          </button>
          <button type="button" className="button" onClick={replaceAll} disabled={occurrences.length === 0} data-testid="replace-all">
            {t('find.replaceAll')}
          </button>
          {replaced !== null && (
            <span className="find-count" data-testid="replaced" aria-live="polite">
              {t('find.replaced', { count: replaced.replaced })}
              {replaced.otherForms > 0 && ` ${t('find.otherForms', { count: replaced.otherForms })}`}
            </span>
          )}
        </div>
      )}
    </div>
  );
}
