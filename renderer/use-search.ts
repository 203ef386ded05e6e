import { useEffect, useState } from 'react';
import type { InputOf, SearchResultData } from '../shared/ipc';
import { call } from './api';
import { failure, say, type Phrase } from './i18n/phrase';

/**
 * Searches as the user types: `query` (null: no search; under two characters: none yet) is sent
 * `delay` ms after the last change, with `scope` (versions, limit); a newer query wins over an
 * older answer. `onSent` runs as each query goes (the search page keeps it in the address). A new
 * `refresh` asks again for the same query (the text it searches was saved since).
 */
export function useSearch(query: string | null, scope: Omit<InputOf<'search'>, 'query'>, delay: number, onSent?: (query: string) => void, refresh?: unknown): { result: SearchResultData | null; error: string | null } {
  const [result, setResult] = useState<SearchResultData | null>(null);
  const [error, setError] = useState<Phrase | null>(null);
  const key = JSON.stringify(scope);
  useEffect(() => {
    const q = query?.trim() ?? '';
    if (q.length < 2) {
      setResult(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      onSent?.(q);
      call('search', { ...(JSON.parse(key) as Omit<InputOf<'search'>, 'query'>), query: q })
        .then((found) => {
          if (!live) return;
          setResult(found);
          setError(null);
        })
        .catch((e: unknown) => live && setError(failure(e)));
    }, delay);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // onSent is read when the query goes; a new function each render must not restart the wait.
  }, [query, key, delay, refresh]);
  // Said while the caller renders, so that an error follows a change of interface language.
  return { result, error: error && say(error) };
}
