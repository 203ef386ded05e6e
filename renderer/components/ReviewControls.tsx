import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverageData, OutputOf } from '../../shared/ipc';
import { call } from '../api';
import { formatMoment } from '../format';
import { errorMessage } from '../i18n';

type Comments = OutputOf<'listComments'>;

/**
 * A reviewer's controls on one amendment: accept, reject (which restores the wording in force in the
 * draft) and the comment thread. Every action is signed and logged by the main process.
 */
export function ReviewControls({
  packageId,
  uid,
  status,
  onCoverage,
  onRejected,
  prepare,
}: {
  packageId: string;
  uid: string;
  status: 'proposed' | 'accepted' | 'rejected';
  onCoverage(c: CoverageData): void;
  /** The draft changed under the editor: reopen it. */
  onRejected(): void;
  /** Runs first: pending edits are saved, so the decision applies to the text as it stands. */
  prepare(): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const [comments, setComments] = useState<Comments | null>(null);
  const [history, setHistory] = useState<OutputOf<'getAuditTrail'> | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const act = async (fn: () => Promise<void>) => {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const decide = (decision: 'accept' | 'reject') =>
    act(async () => {
      await prepare();
      onCoverage(await call('reviewAmendment', { packageId, uid, decision }));
      if (decision === 'reject') onRejected();
    });
  const load = () => act(async () => setComments(await call('listComments', { packageId, uid })));
  const send = () =>
    act(async () => {
      await call('addComment', { packageId, uid, parentId: comments?.[0]?.id ?? null, text });
      setText('');
      setComments(await call('listComments', { packageId, uid }));
    });
  return (
    <div className="review-controls">
      {status !== 'proposed' && <span className={`badge badge-${status === 'accepted' ? 'submitted' : 'muted'}`}>{t(`review.${status}`)}</span>}
      <button type="button" className="link-button" onClick={() => void decide('accept')} data-testid="accept">
        {t('review.accept')}
      </button>
      <button type="button" className="link-button danger" onClick={() => void decide('reject')} data-testid="reject">
        {t('review.reject')}
      </button>
      <button type="button" className="link-button" onClick={() => void (comments ? setComments(null) : load())} data-testid="comments">
        {t('review.comments')}
      </button>
      <button
        type="button"
        className="link-button"
        onClick={() => void (history ? setHistory(null) : act(async () => setHistory(await call('getAuditTrail', { packageId, uid }))))}
        data-testid="history"
      >
        {t('review.history')}
      </button>
      {history && (
        <ol className="history" data-testid="history-list">
          {history.map((h) => (
            <li key={h.seq}>
              {formatMoment(h.at, i18n.language)} · <b>{h.actor}</b> {h.role && `(${h.role})`} — {t(`review.actions.${h.action}`, { defaultValue: h.action })}
            </li>
          ))}
        </ol>
      )}
      {error && <p className="error-text">{error}</p>}
      {comments && (
        <div className="comments" data-testid="comment-thread">
          {comments.map((c) => (
            <p key={c.id} className={c.parentId ? 'reply' : ''}>
              <b>{c.author}</b> <span className="hint">{c.role} · {formatMoment(c.createdAt, i18n.language)}</span>
              <br />
              {c.text}
            </p>
          ))}
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={2} placeholder={t('review.write')} data-testid="comment-text" />
          <button type="button" className="button" disabled={!text.trim()} onClick={() => void send()} data-testid="comment-send">
            {t('review.send')}
          </button>
        </div>
      )}
    </div>
  );
}
