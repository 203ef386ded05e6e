import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../shared/ipc';
import { call } from '../api';
import { formatMoment } from '../format';
import { navigate } from '../router';

type Notes = OutputOf<'searchNotes'>;

/** A note's text with the matched words marked. */
function Marked({ text, matches }: { text: string; matches: Notes['hits'][number]['matches'] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const m of matches) {
    if (m.start > at) parts.push(text.slice(at, m.start));
    parts.push(<mark key={m.start}>{text.slice(m.start, m.end)}</mark>);
    at = m.end;
  }
  parts.push(text.slice(at));
  return <span>{parts}</span>;
}

/**
 * The search page's results in what people wrote: reviewers' comments and the justifications of
 * amendments, newest first; a click opens the draft on the amendment. Asked for a moment after the
 * query stops changing, like the texts' results.
 */
export function NoteHits({ query }: { query: string }) {
  const { t, i18n } = useTranslation();
  const [notes, setNotes] = useState<Notes | null>(null);
  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setNotes(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => void call('searchNotes', { query: q, limit: 100 }).then((found) => live && setNotes(found), () => live && setNotes(null)), 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);
  if (!notes || notes.hits.length === 0) return null;
  return (
    <section className="search-group" data-testid="note-hits">
      <h2>{t('search.notes', { count: notes.total })}</h2>
      <ul className="search-hits">
        {notes.hits.map((n, i) => (
          <li key={`${n.kind}:${n.packageId}:${n.uid}:${i}`}>
            <button
              type="button"
              className="search-hit"
              disabled={!n.versionId}
              onClick={() => {
                if (!n.versionId) return;
                sessionStorage.setItem('zan.reveal', n.uid);
                navigate({ view: 'draft', packageId: n.packageId, versionId: n.versionId });
              }}
              data-testid="note-hit"
            >
              <span className="search-hit-label">
                {t(n.kind === 'comment' ? 'search.comment' : 'search.justification')} · {n.lawTitle ? `${n.lawTitle}, ` : ''}
                {n.label || n.packageTitle}
              </span>
              <Marked text={n.text} matches={n.matches} />
              <span className="hint">
                {n.packageTitle} · {n.author ? `${n.author}, ` : ''}
                {formatMoment(n.at, i18n.language)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
