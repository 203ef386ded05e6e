import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../format';
import { uiTextLang } from '../i18n';
import { failure, say, type Phrase } from '../i18n/phrase';
import { call } from '../api';
import type { CoverageData, GapData } from '../../shared/ipc';
import { AnnotationEditor } from './AnnotationEditor';
import { RejectedList } from './RejectedList';
import { ReviewControls } from './ReviewControls';
import { structuralLabel, type Amendment } from '../../shared/amend';
import type { CounterpartStatus } from '../parity/counterpart';
import type { DiffOp } from '../../shared/diff/ops';
import type { Lang } from '../../shared/law';

/** Around each change, this many characters of unchanged text are kept in the compact diff. */
const CONTEXT = 40;

/** A word diff shortened to the changes and a little context on each side. */
function CompactDiff({ ops }: { ops: readonly DiffOp[] }) {
  return (
    <span className="compact-diff">
      {ops.map(([op, text], i) => {
        // A word struck and the next one inserted are two words, also to a screen reader and a copy.
        if (op === -1) return <Fragment key={i}><del>{text}</del>{ops[i + 1]?.[0] === 1 && !/\s$/u.test(text) ? ' ' : ''}</Fragment>;
        if (op === 1) return <ins key={i}>{text}</ins>;
        const first = i === 0;
        const last = i === ops.length - 1;
        if (text.length <= CONTEXT * 2) return <span key={i}>{text}</span>;
        return <span key={i}>{first ? `…${text.slice(-CONTEXT)}` : last ? `${text.slice(0, CONTEXT)}…` : `${text.slice(0, CONTEXT)} … ${text.slice(-CONTEXT)}`}</span>;
      })}
    </span>
  );
}

/** What an entry says of its counterpart in the other official language (parity/counterpart.ts), by language and status. */
const COUNTERPART = {
  ru: { same: 'amendments.counterpart.ru.same', unchanged: 'amendments.counterpart.ru.unchanged', open: 'amendments.counterpart.ru.open' },
  kk: { same: 'amendments.counterpart.kk.same', unchanged: 'amendments.counterpart.kk.unchanged', open: 'amendments.counterpart.kk.open' },
} as const;

/**
 * The amendments of the draft, one per changed provision, in the law's order: the structural
 * element, the kind and the words changed. A click brings the provision into view.
 */
export function AmendmentsPanel({
  amendments,
  lang,
  onSelect,
  annotations,
  activeUid,
  counterpart,
}: {
  amendments: readonly Amendment[];
  lang: Lang;
  onSelect(uid: string): void;
  /** Gaps and justifications, when the draft belongs to a package (the editor's text is always live; these follow saves). */
  annotations?: { packageId: string; coverage: CoverageData; gaps: GapData[]; onCoverage(c: CoverageData): void; prepare(): Promise<void>; onRejected(rejectionId: string | null, uid?: string): void };
  /** The provision the cursor is in: its entry is highlighted and brought into view, ready to annotate. */
  activeUid?: string | null;
  /** Where each amendment stands in the law's other official text (parity/counterpart.ts); none for a law in one language. */
  counterpart?: ((a: Amendment) => { lang: 'ru' | 'kk'; status: CounterpartStatus } | null) | undefined;
}) {
  const { t, i18n } = useTranslation();
  const ui = uiTextLang(i18n.language);
  const [editing, setEditing] = useState<string | null>(null);
  const [filter, setFilter] = useState<string>('');
  const [author, setAuthor] = useState<string>('');
  // Amendments ticked for one decision on all of them.
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [batchError, setBatchError] = useState<Phrase | null>(null);
  const [confirmingBatch, setConfirmingBatch] = useState(false);
  const decideAll = async (decision: 'accept' | 'reject') => {
    if (!annotations || selected.size === 0) return;
    setBatchError(null);
    setConfirmingBatch(false);
    try {
      await annotations.prepare();
      const { coverage, rejectionId } = await call('reviewAmendments', { packageId: annotations.packageId, uids: [...selected], decision });
      annotations.onCoverage(coverage);
      setSelected(new Set());
      if (decision === 'reject') annotations.onRejected(rejectionId, [...selected][0]);
    } catch (e) {
      setBatchError(failure(e));
    }
  };
  const byUid = new Map((annotations?.coverage.amendments ?? []).map((a) => [a.uid, a]));
  const gapName = new Map((annotations?.gaps ?? []).map((g) => [g.code, g.names[ui]]));
  const authors = [...new Set((annotations?.coverage.amendments ?? []).map((a) => a.author).filter((x): x is string => !!x))].sort();
  const shown = amendments.filter((a) => {
    if (author && byUid.get(a.uid)?.author !== author) return false;
    if (!filter) return true;
    const codes = byUid.get(a.uid)?.gapCodes ?? [];
    return filter === '-' ? codes.length === 0 : codes.includes(filter);
  });
  return (
    <aside className="amendments-panel" aria-label={t('amendments.title')} data-testid="amendments-panel">
      <h2 className="panel-title">
        {t('amendments.title')} <span className="count">{amendments.length}</span>
      </h2>
      {annotations && amendments.length > 0 && (
        <select className="gap-filter" value={filter} onChange={(e) => setFilter(e.target.value)} aria-label={t('gaps.filter')} data-testid="gap-filter">
          <option value="">{t('gaps.all')}</option>
          <option value="-">{t('gaps.none')}</option>
          {annotations.gaps.filter((g) => !g.retired).map((g) => (
            <option key={g.code} value={g.code}>
              {g.names[ui]}
            </option>
          ))}
        </select>
      )}
      {annotations && authors.length > 1 && (
        <select className="gap-filter" value={author} onChange={(e) => setAuthor(e.target.value)} aria-label={t('amendments.byAuthor')} data-testid="author-filter">
          <option value="">{t('amendments.allAuthors')}</option>
          {authors.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      )}
      {annotations && selected.size > 0 && (
        <div className="batch-bar" role="toolbar" data-testid="batch-bar">
          <span>{t('amendments.selected', { count: selected.size })}</span>
          <button type="button" className="link-button" onClick={() => void decideAll('accept')} data-testid="accept-selected">
            {t('review.accept')}
          </button>
          {confirmingBatch ? (
            <span className="confirm">
              {t('review.confirmReject')}{' '}
              <button type="button" className="link-button danger" onClick={() => void decideAll('reject')} autoFocus data-testid="confirm-reject-selected">
                {t('review.confirmYes')}
              </button>{' '}
              <button type="button" className="link-button" onClick={() => setConfirmingBatch(false)}>
                {t('review.confirmNo')}
              </button>
            </span>
          ) : (
            <button type="button" className="link-button danger" onClick={() => setConfirmingBatch(true)} data-testid="reject-selected">
              {t('review.reject')}
            </button>
          )}
          <button type="button" className="link-button" onClick={() => setSelected(new Set())}>
            {t('amendments.clearSelection')}
          </button>
          {batchError && <span className="error-text">{say(batchError)}</span>}
        </div>
      )}
      {amendments.length === 0 && <p className="hint">{t('amendments.none')}</p>}
      <ol className="amendment-list">
        {shown.map((a) => {
          const note = byUid.get(a.uid);
          const removed = a.proposed === null;
          const headingChanged = a.headingOps.some(([op]) => op !== 0);
          return (
            <li
              key={a.uid}
              className={a.uid === activeUid ? 'is-active' : ''}
              ref={(el) => {
                if (el && a.uid === activeUid) el.scrollIntoView({ block: 'nearest' });
              }}
            >
              <button type="button" className={`amendment amendment-${a.kind}`} disabled={removed} onClick={() => onSelect(a.uid)} data-testid="amendment" data-kind={a.kind} data-eid={a.eId}>
                <span className="amendment-head">
                  <span className="amendment-label">{structuralLabel(a.path, lang)}</span>
                  <span className={`badge badge-am-${a.kind}`}>{t(`amendments.kind.${a.kind}`)}</span>
                </span>
                {a.base && a.proposed && a.base.num !== a.proposed.num && (
                  <span className="amendment-renumber">
                    {t('amendments.number')}: <del>{a.base.num}</del> → <ins>{a.proposed.num}</ins>
                  </span>
                )}
                {headingChanged && <CompactDiff ops={a.headingOps} />}
                {a.ops.some(([op]) => op !== 0) && <CompactDiff ops={a.ops} />}
                {a.dropped.length > 0 && <span className="amendment-note">{t('amendments.dropped', { count: a.dropped.length })}</span>}
                {(() => {
                  const other = counterpart?.(a);
                  return other && <span className={`amendment-counterpart counterpart-${other.status}`} data-testid="amendment-counterpart" data-status={other.status}>{t(COUNTERPART[other.lang][other.status])}</span>;
                })()}
              </button>
              {annotations && (
                <div className="amendment-annotation">
                  <label className="select-amendment" title={t('amendments.select')}>
                    <input
                      type="checkbox"
                      checked={selected.has(a.uid)}
                      onChange={(e) => {
                        const next = new Set(selected);
                        if (e.target.checked) next.add(a.uid);
                        else next.delete(a.uid);
                        setSelected(next);
                      }}
                      aria-label={t('amendments.select')}
                      data-testid="select-amendment"
                    />
                  </label>
                  {(note?.gapCodes ?? []).map((c) => (
                    <span key={c} className="gap-chip" data-testid="gap-chip">
                      {gapName.get(c) ?? c}
                    </span>
                  ))}
                  {note?.justification && <span className="amendment-why">{note.justification}</span>}
                  {note?.author && (
                    <span className="amendment-author" data-testid="amendment-author">
                      {t('amendments.changedBy', { author: note.author, date: formatDate(note.changedAt ?? null, i18n.language) })}
                    </span>
                  )}
                  {note && (
                    <ReviewControls packageId={annotations.packageId} uid={a.uid} status={note.status} onCoverage={annotations.onCoverage} onRejected={annotations.onRejected} prepare={annotations.prepare} />
                  )}
                  {editing !== a.uid && (
                    <button type="button" className="link-button" onClick={() => setEditing(a.uid)} data-testid="annotate">
                      {note && (note.gapCodes.length || note.justification) ? t('gaps.edit') : t('gaps.annotate')}
                    </button>
                  )}
                  {editing === a.uid && (
                    <AnnotationEditor
                      packageId={annotations.packageId}
                      uid={a.uid}
                      current={note}
                      gaps={annotations.gaps}
                      onSaved={annotations.onCoverage}
                      onClose={() => setEditing(null)}
                      prepare={annotations.prepare}
                    />
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {annotations && <RejectedList packageId={annotations.packageId} coverage={annotations.coverage} onCoverage={annotations.onCoverage} onRestored={() => annotations.onRejected(null)} prepare={annotations.prepare} />}
    </aside>
  );
}
