import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverageData, OutputOf } from '../../shared/ipc';
import { call } from '../api';
import { formatMoment } from '../format';
import { failure, say, type Phrase } from '../i18n/phrase';
import { navigate } from '../router';
import { useTeamStatus } from '../team/team-status';

type Comments = OutputOf<'listComments'>;

/**
 * A reviewer's controls on one amendment: approve (the change stays in the draft, shown as approved;
 * the approval can be withdrawn), reject after a confirmation (the wording in force comes back; the
 * rejection can be taken back), and the comment thread. Every action is signed and logged by the
 * main process.
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
  /** The draft changed under the editor (a rejection, with its id to take it back): reopen it. */
  onRejected(rejectionId: string | null, uid: string): void;
  /** Runs first: pending edits are saved, so the decision applies to the text as it stands. */
  prepare(): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const [comments, setComments] = useState<Comments | null>(null);
  const [history, setHistory] = useState<OutputOf<'getAuditTrail'> | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<Phrase | null>(null);
  const [confirming, setConfirming] = useState(false);
  /** The comment being reworded here, with its new text; or the one whose deletion awaits a yes. */
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const act = async (fn: () => Promise<void>) => {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(failure(e));
    }
  };
  const decide = (decision: 'accept' | 'reject' | 'reset') =>
    act(async () => {
      setConfirming(false);
      await prepare();
      const { coverage, rejectionId } = await call('reviewAmendment', { packageId, uid, decision });
      onCoverage(coverage);
      if (decision === 'reject') onRejected(rejectionId, uid);
    });
  const load = () => act(async () => setComments(await call('listComments', { packageId, uid })));
  // Open, they follow what arrives from the team server (others' comments, live).
  const teamSeq = useTeamStatus().seq;
  const open = comments !== null;
  useEffect(() => {
    if (open) void call('listComments', { packageId, uid }).then(setComments, () => undefined);
  }, [teamSeq, open, packageId, uid]);
  // Pending edits saved first: the log opens with their entry in it.
  const openAudit = async () => {
    await prepare();
    navigate({ view: 'audit', packageId, uid });
  };
  const send = () =>
    act(async () => {
      await call('addComment', { packageId, uid, parentId: comments?.[0]?.id ?? null, text });
      setText('');
      setComments(await call('listComments', { packageId, uid }));
    });
  const saveEdit = () =>
    act(async () => {
      if (!editing) return;
      await call('editComment', { packageId, commentId: editing.id, text: editing.text });
      setEditing(null);
      setComments(await call('listComments', { packageId, uid }));
    });
  const remove = (commentId: string) =>
    act(async () => {
      setDeleting(null);
      await call('deleteComment', { packageId, commentId });
      setComments(await call('listComments', { packageId, uid }));
    });
  return (
    <div className="review-controls">
      {status === 'accepted' && (
        <span className="badge badge-approved" title={t('review.acceptHint')} data-testid="approved">
          ✓ {t('review.accepted')}
        </span>
      )}
      {status === 'accepted' ? (
        <button type="button" className="link-button" onClick={() => void decide('reset')} data-testid="unapprove">
          {t('review.unapprove')}
        </button>
      ) : (
        <button type="button" className="link-button" title={t('review.acceptHint')} onClick={() => void decide('accept')} data-testid="accept">
          {t('review.accept')}
        </button>
      )}
      {confirming ? (
        <span className="confirm" role="group" aria-label={t('review.confirmReject')}>
          {t('review.confirmReject')}{' '}
          <button type="button" className="link-button danger" onClick={() => void decide('reject')} autoFocus data-testid="confirm-reject">
            {t('review.confirmYes')}
          </button>{' '}
          <button type="button" className="link-button" onClick={() => setConfirming(false)}>
            {t('review.confirmNo')}
          </button>
        </span>
      ) : (
        <button type="button" className="link-button danger" title={t('review.rejectHint')} onClick={() => setConfirming(true)} data-testid="reject">
          {t('review.reject')}
        </button>
      )}
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
      {history && (
        // The whole log of this provision — the saves of its text too, each with its detail — is in the audit view.
        <button type="button" className="link-button" onClick={() => void act(openAudit)} data-testid="history-audit">
          {t('audit.openForProvision')}
        </button>
      )}
      {error && <p className="error-text">{say(error)}</p>}
      {comments && (
        <div className="comments" data-testid="comment-thread">
          {comments.map((c) => (
            <div key={c.id} className={c.parentId ? 'comment reply' : 'comment'} data-testid="comment">
              <b>{c.author}</b>{' '}
              <span className="hint">
                {c.role} · {formatMoment(c.createdAt, i18n.language)}
                {c.editedAt && ` · ${t('review.edited', { date: formatMoment(c.editedAt, i18n.language) })}`}
              </span>
              {c.mine && editing?.id !== c.id && (
                <>
                  {' '}
                  <button type="button" className="link-button" onClick={() => setEditing({ id: c.id, text: c.text })} data-testid="comment-edit">
                    {t('review.editComment')}
                  </button>{' '}
                  {deleting === c.id ? (
                    <span className="confirm" role="group" aria-label={t('review.confirmDeleteComment')}>
                      {t('review.confirmDeleteComment')}{' '}
                      <button type="button" className="link-button danger" onClick={() => void remove(c.id)} autoFocus data-testid="comment-delete-yes">
                        {t('review.confirmYes')}
                      </button>{' '}
                      <button type="button" className="link-button" onClick={() => setDeleting(null)}>
                        {t('review.confirmNo')}
                      </button>
                    </span>
                  ) : (
                    <button type="button" className="link-button danger" onClick={() => setDeleting(c.id)} data-testid="comment-delete">
                      {t('review.deleteComment')}
                    </button>
                  )}
                </>
              )}
              <br />
              {editing?.id === c.id ? (
                <>
                  <textarea
                    value={editing.text}
                    onChange={(e) => setEditing({ id: c.id, text: e.target.value })}
                    onKeyDown={(e) => {
                      // Ctrl+Enter saves, Escape leaves the wording as it was.
                      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void saveEdit();
                      if (e.key === 'Escape') setEditing(null);
                    }}
                    rows={2}
                    aria-label={t('review.editComment')}
                    autoFocus
                    data-testid="comment-edit-text"
                  />
                  <button type="button" className="button" disabled={!editing.text.trim()} onClick={() => void saveEdit()} data-testid="comment-edit-save">
                    {t('review.saveComment')}
                  </button>{' '}
                  <button type="button" className="link-button" onClick={() => setEditing(null)}>
                    {t('review.cancelEdit')}
                  </button>
                </>
              ) : (
                c.text
              )}
            </div>
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
