import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictData } from '../../shared/ipc';
import { lineLabel, type Lang } from '../../shared/law';
import { call } from '../api';
import { failure, say, type Phrase } from '../i18n/phrase';
import { useAsync } from '../useAsync';

type State = ConflictData['base'];

function Wording({ lang, state, empty }: { lang: Lang; state: State; empty: string }) {
  if (!state) return <p className="hint">{empty}</p>;
  return (
    <p>
      <b>{lineLabel(lang, state.kind, state.num)}</b>
      {state.heading || state.text}
    </p>
  );
}

/**
 * The provisions a rebase onto a new text in force could not merge by itself: for each, the
 * wording before, in the new law (what the draft holds now) and in the draft, and the drafter's
 * choice. On a team server (`team`) the same choice, worded for another drafter's change that
 * reached the server first (a push refused as stale). "Use my wording" saves it into the draft (made on the revision the editor last saved,
 * after its pending edits are saved), then the view reloads.
 */
export function ConflictsPanel({ versionId, lang, prepare, revision, onChanged, team = false }: { versionId: string; lang: Lang; prepare(): Promise<void>; revision(): number; onChanged(): void; team?: boolean }) {
  const { t } = useTranslation();
  // A draft on a team server: its conflicts are another drafter's wording that reached the server first.
  const heading = (count: number) => (team ? t('conflicts.team.heading', { count }) : t('conflicts.heading', { count }));
  const theirs = team ? t('conflicts.team.theirs') : t('conflicts.theirs');
  const keepTheirs = team ? t('conflicts.team.keepTheirs') : t('conflicts.keepTheirs');
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<Phrase | null>(null);
  const conflicts = useAsync(() => call('listConflicts', { versionId }), [versionId, version]);
  if (conflicts.state !== 'done' || conflicts.value.length === 0) return null;

  async function resolve(conflictId: string, keep: 'theirs' | 'mine') {
    setError(null);
    try {
      await prepare();
      await call('resolveConflict', { conflictId, keep, revision: revision() });
      if (keep === 'mine') onChanged();
      else setVersion((n) => n + 1);
    } catch (e) {
      setError(failure(e));
    }
  }

  return (
    <section className="conflicts" role="region" aria-label={heading(conflicts.value.length)} data-testid="conflicts">
      <h2>{heading(conflicts.value.length)}</h2>
      {error && (
        <p className="error-text" role="alert">
          {say(error)}
        </p>
      )}
      {conflicts.value.map((c) => (
        <div key={c.id} className="conflict" data-testid="conflict">
          <p>
            <strong>{c.label}</strong> — {team && c.reason === 'both-changed' ? t('conflicts.team.bothChanged') : t(`conflicts.reason.${c.reason}`)}
          </p>
          <div className="conflict-grid">
            <div>
              <h3>{t('conflicts.base')}</h3>
              <Wording lang={lang} state={c.base} empty={t('conflicts.none')} />
            </div>
            <div>
              <h3>{theirs}</h3>
              <Wording lang={lang} state={c.theirs} empty={t('conflicts.none')} />
            </div>
            <div>
              <h3>{t('conflicts.mine')}</h3>
              <Wording lang={lang} state={c.mine} empty={t('conflicts.none')} />
            </div>
          </div>
          <div className="export-row">
            <button type="button" className="button" onClick={() => void resolve(c.id, 'theirs')} data-testid="keep-theirs">
              {keepTheirs}
            </button>
            <button type="button" className="button button-primary" onClick={() => void resolve(c.id, 'mine')} data-testid="keep-mine">
              {t('conflicts.keepMine')}
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}
