import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverageData, OutputOf } from '../../shared/ipc';
import { call } from '../api';
import { formatMoment } from '../format';
import { failure, say, type Phrase } from '../i18n/phrase';

type Rejected = OutputOf<'listRejected'>;

/**
 * The amendments rejected in a package, kept listed after the rejection took them out of the draft:
 * what was proposed, who rejected it and when, and "restore" to put it back as it was proposed.
 * Read again whenever the coverage changes (every decision gives a new one).
 */
export function RejectedList({ packageId, coverage, onCoverage, onRestored, prepare }: { packageId: string; coverage: CoverageData; onCoverage(c: CoverageData): void; onRestored(): void; prepare(): Promise<void> }) {
  const { t, i18n } = useTranslation();
  const [rejected, setRejected] = useState<Rejected>([]);
  const [error, setError] = useState<Phrase | null>(null);
  useEffect(() => {
    let current = true;
    call('listRejected', { packageId }).then(
      (list) => current && setRejected(list),
      (e: unknown) => current && setError(failure(e)),
    );
    return () => {
      current = false;
    };
  }, [packageId, coverage]);

  async function restore(operationId: string) {
    setError(null);
    try {
      await prepare();
      onCoverage(await call('restoreRejected', { packageId, operationId }));
      onRestored();
    } catch (e) {
      setError(failure(e));
    }
  }

  if (rejected.length === 0 && !error) return null;
  return (
    <section className="rejected-list" aria-labelledby="rejected-heading" data-testid="rejected-list">
      <h3 id="rejected-heading" className="panel-subtitle">
        {t('review.rejectedList')} <span className="count">{rejected.length}</span>
      </h3>
      {error && <p className="error-text">{say(error)}</p>}
      <ol>
        {rejected.map((r) => (
          <li key={`${r.operationId}:${r.uid}`} data-testid="rejected-amendment" data-eid={r.eId}>
            <span className="amendment-head">
              <span className="amendment-label">{r.label}</span>
              <span className={`badge badge-am-${r.kind}`}>{t(`amendments.kind.${r.kind}`, { defaultValue: r.kind })}</span>
            </span>
            {r.proposed !== null && (
              <span className="compact-diff">
                <s>{r.proposed.length > 160 ? `${r.proposed.slice(0, 160)}…` : r.proposed}</s>
              </span>
            )}
            <span className="hint">{t('review.rejectedBy', { author: r.rejectedBy, date: formatMoment(r.rejectedAt, i18n.language) })}</span>
            <button type="button" className="link-button" onClick={() => void restore(r.operationId)} data-testid="restore-rejected">
              {t('review.restore')}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
