import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import type { Work } from '../work';

/** How long a job may run before its progress is shown (a quick one never flickers a bar). */
const SHOW_AFTER_MS = 400;
const POLL_MS = 250;

/**
 * The progress of a long call running in the main process's worker thread, with a button that
 * cancels it (the call then fails with CANCELLED and nothing is kept). Shows nothing for a call
 * that ends quickly.
 *
 * @param steps false when the work does not count its steps: the bar only moves.
 */
export function WorkProgress({ jobId, label, steps = true }: { jobId: string | null; label: string; steps?: boolean }) {
  const { t } = useTranslation();
  const [percent, setPercent] = useState<number | null>(null);
  const [detail, setDetail] = useState<string | null>(null);
  const [queued, setQueued] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  useEffect(() => {
    setPercent(null);
    setDetail(null);
    setQueued(false);
    setCancelling(false);
    if (!jobId) return;
    let timer = 0;
    let live = true;
    const poll = async () => {
      try {
        const [state] = await call('workProgress', { jobIds: [jobId] });
        if (!live) return;
        if (state && state.state !== 'unknown') {
          setPercent(state.percent);
          setDetail(state.label);
          setQueued(state.state === 'queued');
        }
      } catch {
        // A failed poll is tried again; the call itself reports its own failure.
      }
      if (live) timer = window.setTimeout(() => void poll(), POLL_MS);
    };
    timer = window.setTimeout(() => void poll(), SHOW_AFTER_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [jobId]);
  if (!jobId || percent === null) return null;
  return (
    <div className="work-progress" data-testid="work-progress">
      {steps ? <progress max={100} value={percent} aria-label={label} /> : <progress aria-label={label} />}
      <span role="status">{queued ? t('work.queued', { label }) : steps ? t('work.running', { label, percent, detail: detail ?? '' }) : label}</span>
      <button
        type="button"
        className="button"
        disabled={cancelling}
        onClick={() => {
          setCancelling(true);
          void call('cancelWork', { jobId }).catch(() => setCancelling(false));
        }}
        data-testid="work-cancel"
      >
        {t('work.cancel')}
      </button>
    </div>
  );
}

/** After a cancelled run: the button that runs it again (nothing when the last run was not cancelled). */
export function RetryCancelled({ work }: { work: Pick<Work<unknown>, 'cancelled' | 'retry'> }) {
  const { t } = useTranslation();
  if (!work.cancelled) return null;
  return (
    <button type="button" className="button" onClick={work.retry} data-testid="work-retry">
      {t('work.retry')}
    </button>
  );
}
