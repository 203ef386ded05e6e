import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHitData } from '../../shared/ipc';
import { ErrorBanner } from '../components/ErrorBanner';
import { NoteHits } from '../components/NoteHits';
import { langBadge } from '../format';
import { navigate, routeHash } from '../router';
import { useSearch } from '../use-search';

/** Units per page of results, and the most the search gives. */
const PAGE = 200;
const MOST = 1000;

/** How much text is shown on either side of a match. */
const CONTEXT = 70;

/** A hit's text around its first match, the matched words marked. */
function Snippet({ hit }: { hit: SearchHitData }) {
  const first = hit.matches[0];
  const source = first?.field === 'heading' ? hit.heading : hit.text;
  if (!first) return <span>{source.slice(0, CONTEXT * 2)}</span>;
  // Whole words on either side.
  const cut = Math.max(0, first.start - CONTEXT);
  const from = cut === 0 ? 0 : Math.min(first.start, source.indexOf(' ', cut) + 1 || first.start);
  const after = source.lastIndexOf(' ', first.end + CONTEXT);
  const to = first.end + CONTEXT >= source.length ? source.length : Math.max(first.end, after);
  const marks = hit.matches.filter((m) => m.field === first.field && m.start >= from && m.end <= to);
  const parts: React.ReactNode[] = [];
  let at = from;
  for (const m of marks) {
    if (m.start > at) parts.push(source.slice(at, m.start));
    parts.push(<mark key={m.start}>{source.slice(m.start, m.end)}</mark>);
    at = m.end;
  }
  parts.push(source.slice(at, to));
  return (
    <span>
      {from > 0 ? '… ' : ''}
      {parts}
      {to < source.length ? ' …' : ''}
    </span>
  );
}

/**
 * Search across the library: every law and draft, in any form of the words, results grouped by
 * text and in the law's order, each a click away (the text opens on it, the words marked). The
 * query stays in the address, so Back and a reload come back to the results.
 */
export function SearchView({ query }: { query: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(query);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  // The address follows the query without a history entry per key.
  // Results come a page at a time ("show more"); a new query starts at the first page.
  const [limit, setLimit] = useState(PAGE);
  useEffect(() => setLimit(PAGE), [text]);
  const { result, error } = useSearch(text, { limit }, 250, (q) => history.replaceState(null, '', routeHash({ view: 'search', query: q })));

  const groups = useMemo(() => {
    const out: { versionId: string; hits: SearchHitData[] }[] = [];
    for (const hit of result?.hits ?? []) {
      const last = out[out.length - 1];
      if (last?.versionId === hit.versionId) last.hits.push(hit);
      else out.push({ versionId: hit.versionId, hits: [hit] });
    }
    return out;
  }, [result]);

  const open = (hit: SearchHitData) => {
    const find = { uid: hit.uid, query: text.trim() };
    if (hit.status === 'draft' && hit.packageId) navigate({ view: 'draft', packageId: hit.packageId, versionId: hit.versionId, find });
    else navigate({ view: 'law', versionId: hit.versionId, find });
  };

  return (
    <div className="search-view">
      <h1>{t('search.heading')}</h1>
      <input
        ref={input}
        type="search"
        className="search-input"
        value={text}
        placeholder={t('search.placeholder')}
        aria-label={t('search.heading')}
        data-testid="search-input"
        onChange={(e) => setText(e.target.value)}
      />
      <p className="hint">{t('search.hint')}</p>
      {error && <ErrorBanner message={error} />}
      {result && (
        <p className="search-summary" data-testid="search-summary" aria-live="polite">
          {result.total === 0 ? t('search.none') : result.truncated ? t('search.first', { count: result.hits.length }) : t('search.found', { count: result.total })}
          {result.indexing && ` ${t('search.indexing')}`}
        </p>
      )}
      {groups.map((g) => {
        const head = g.hits[0] as SearchHitData;
        return (
          <section key={g.versionId} className="search-group" data-testid="search-group">
            <h2>
              <span className="badge badge-lang">{langBadge(head.lang)}</span> {head.title}
              <span className="badge badge-muted">{head.status === 'draft' ? t('search.draftOf', { title: head.packageTitle ?? '' }) : t('search.inForce')}</span>
            </h2>
            <ul className="search-hits">
              {g.hits.map((hit) => (
                <li key={hit.uid}>
                  <button type="button" className="search-hit" onClick={() => open(hit)} data-testid="search-hit">
                    <span className="search-hit-label">{hit.label}</span>
                    <Fragment>
                      <Snippet hit={hit} />
                    </Fragment>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {result?.truncated && limit < MOST && (
        <button type="button" className="button search-more" onClick={() => setLimit((n) => Math.min(MOST, n + PAGE))} data-testid="search-more">
          {t('search.more')}
        </button>
      )}
      <NoteHits query={text} />
    </div>
  );
}
