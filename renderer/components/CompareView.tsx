import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf, OutputOf, PackageSummary } from '../../shared/ipc';
import { LEASES_RELEASED_SNAPSHOT } from '../../shared/team/views';
import { call } from '../api';
import { ErrorBanner } from './ErrorBanner';
import { formatMoment } from '../format';
import { uiTextLang } from '../i18n';
import { failure, phrase, say, type Phrase } from '../i18n/phrase';
import { useAsync } from '../useAsync';
import { useWork } from '../work';
import { RetryCancelled, WorkProgress } from './WorkProgress';
import { ReviewControls } from './ReviewControls';
import { Windowed, type WindowedHandle } from './Windowed';

type Source = InputOf<'compare'>['left'];
type Comparison = OutputOf<'compare'>;
type Runs = Comparison['rows'][number]['current'];
/** A text to compare, as the lists offer it: what it is is kept, its label is made when drawn (in the language of the moment). */
type Choice = { source: Source } & ({ kind: 'inForce' | 'current' } | { kind: 'snapshot'; name: string; at: string } | { kind: 'otherPackage'; name: string });

function Cell({ lines }: { lines: Runs }) {
  return (
    <>
      {lines.map((line, i) => (
        <p key={i}>{line.map((r, j) => (r.bold ? <b key={j}>{r.text}</b> : <span key={j}>{r.text}</span>))}</p>
      ))}
    </>
  );
}

function Inline({ ops }: { ops: Comparison['rows'][number]['inline'] }) {
  return (
    <p className="inline-diff">
      {ops.map(([op, text], i) => (op === -1 ? <del key={i}>{text}</del> : op === 1 ? <ins key={i}>{text}</ins> : <span key={i}>{text}</span>))}
    </p>
  );
}

/** The height a row of the comparison is expected to take before it is drawn (its longer side's lines). */
function rowHeight(r: Comparison['rows'][number], mode: 'side' | 'inline'): number {
  const chars = (lines: Runs) => lines.reduce((n, line) => n + line.reduce((m, run) => m + run.text.length, 0) + 40, 0);
  const longest = mode === 'side' ? Math.max(chars(r.current), chars(r.proposed)) / 48 : r.inline.reduce((n, [, text]) => n + text.length, 0) / 100;
  return 64 + 22 * Math.max(1, Math.ceil(longest));
}

/**
 * Compares any two versions of a law the package amends: the text in force, the current draft, a
 * snapshot, or another package's draft of the same text. Side by side or inline; a contents list of
 * the changed provisions; J / K (or Alt+↓ / Alt+↑) move from change to change. The columns are
 * headed with the two texts compared; the draft against the text in force can be reviewed row by
 * row (approve, reject, comment), as in the amendments panel.
 */
export function CompareView({ pkg }: { pkg: PackageSummary }) {
  const { t, i18n } = useTranslation();
  const [draftId, setDraftId] = useState(pkg.drafts[0]?.versionId ?? '');
  const draft = pkg.drafts.find((d) => d.versionId === draftId) ?? pkg.drafts[0];
  const [version, setVersion] = useState(0);
  const sources = useAsync(async () => {
    if (!draft) return [];
    const snapshots = await call('listSnapshots', { packageId: pkg.id });
    const others = (await call('listPackages', {})).filter((p) => p.id !== pkg.id).flatMap((p) => p.drafts.filter((d) => d.expressionId === draft.expressionId).map((d) => ({ p, d })));
    const list: Choice[] = [];
    if (draft.baseVersionId) list.push({ kind: 'inForce', source: { type: 'version', versionId: draft.baseVersionId } });
    list.push({ kind: 'current', source: { type: 'version', versionId: draft.versionId } });
    for (const s of snapshots) list.push({ kind: 'snapshot', name: s.name, at: s.createdAt, source: { type: 'snapshot', snapshotId: s.id, versionId: draft.versionId } });
    for (const { p, d } of others) list.push({ kind: 'otherPackage', name: p.title, source: { type: 'version', versionId: d.versionId } });
    return list;
  }, [pkg.id, draft?.versionId, version]);
  const [left, setLeft] = useState(0);
  const [right, setRight] = useState(1);
  const [mode, setMode] = useState<'side' | 'inline'>('side');
  const [kind, setKind] = useState('');
  const [gap, setGap] = useState('');
  const [status, setStatus] = useState('');
  // The unchanged units beside each change, as a diff's context lines.
  const [context, setContext] = useState(false);
  // Gaps and review status belong to the package's amendments (by provision uid).
  // Bumped by a review decision here: the coverage and the comparison are read again.
  const [decided, setDecided] = useState(0);
  const annotations = useAsync(async () => ({ coverage: await call('getCoverage', { packageId: pkg.id }), gaps: await call('listGaps', {}) }), [pkg.id, decided]);
  const byUid = new Map((annotations.state === 'done' ? annotations.value.coverage.amendments : []).map((a) => [a.uid, a]));
  const [snapshotName, setSnapshotName] = useState('');
  const [message, setMessage] = useState<Phrase | null>(null);
  const labelOf = (c: Choice) =>
    c.kind === 'snapshot' ? `${t('compare.snapshot')}: ${c.name === LEASES_RELEASED_SNAPSHOT ? t('compare.leasesReleasedSnapshot') : c.name} (${formatMoment(c.at, i18n.language)})` : c.kind === 'otherPackage' ? `${t('compare.otherPackage')}: ${c.name}` : t(c.kind === 'inForce' ? 'compare.inForce' : 'compare.current');
  const list = sources.state === 'done' ? sources.value : [];
  const pair = useMemo(() => (list[left] && list[right] ? { left: list[left].source, right: list[right].source } : null), [list, left, right]);
  const work = useWork(async (jobId) => (pair ? await call('compare', { ...pair, ...(context ? { context } : {}), jobId }) : null), [JSON.stringify(pair), decided, context]);
  // The draft against the text in force: each row is an amendment of this package, decided here as in the panel.
  const reviewing = list[left]?.kind === 'inForce' && list[right]?.kind === 'current';
  const comparison = work.loaded;
  const [at, setAt] = useState(0);
  const rowList = useRef<WindowedHandle>(null);
  const toc = useRef<WindowedHandle>(null);

  useEffect(() => setAt(0), [comparison.state]);
  const go = (i: number) => {
    const rows = comparison.state === 'done' ? (comparison.value?.rows.length ?? 0) : 0;
    if (rows === 0) return;
    const next = Math.max(0, Math.min(rows - 1, i));
    setAt(next);
    rowList.current?.scrollToIndex(next);
    toc.current?.scrollToIndex(next);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) return;
    if (e.key === 'j' || (e.altKey && e.key === 'ArrowDown')) (e.preventDefault(), go(at + 1));
    if (e.key === 'k' || (e.altKey && e.key === 'ArrowUp')) (e.preventDefault(), go(at - 1));
  };

  async function snapshot() {
    setMessage(null);
    try {
      const s = await call('createSnapshot', { packageId: pkg.id, name: snapshotName });
      setSnapshotName('');
      setMessage(phrase('compare.snapshotMade', { name: s.name }));
      setVersion((n) => n + 1);
    } catch (error) {
      setMessage(failure(error));
    }
  }

  const all = comparison.state === 'done' ? (comparison.value?.rows ?? []) : [];
  const changedCount = all.filter((r) => r.kind !== '').length;
  const rows = all.filter(
    (r) => r.kind === '' ? !kind && !gap && !status : (!kind || r.kind === kind) && (!gap || (byUid.get(r.uid)?.gapCodes ?? []).includes(gap)) && (!status || (byUid.get(r.uid)?.status ?? 'proposed') === status),
  );
  return (
    <div className="compare" tabIndex={0} onKeyDown={onKey} data-testid="compare">
      <div className="compare-controls">
        {pkg.drafts.length > 1 && (
          <select value={draftId} onChange={(e) => setDraftId(e.target.value)} aria-label={t('compare.law')}>
            {pkg.drafts.map((d) => (
              <option key={d.versionId} value={d.versionId}>
                {d.title} ({d.lang})
              </option>
            ))}
          </select>
        )}
        <select value={left} onChange={(e) => setLeft(Number(e.target.value))} aria-label={t('compare.left')} data-testid="compare-left">
          {list.map((s, i) => (
            <option key={i} value={i}>
              {labelOf(s)}
            </option>
          ))}
        </select>
        <span>↔</span>
        <select value={right} onChange={(e) => setRight(Number(e.target.value))} aria-label={t('compare.right')} data-testid="compare-right">
          {list.map((s, i) => (
            <option key={i} value={i}>
              {labelOf(s)}
            </option>
          ))}
        </select>
        <div className="segmented">
          {(['side', 'inline'] as const).map((m) => (
            <button key={m} type="button" className={mode === m ? 'is-active' : ''} onClick={() => setMode(m)} data-testid={`mode-${m}`}>
              {t(`compare.${m}`)}
            </button>
          ))}
        </div>
        <select value={kind} onChange={(e) => setKind(e.target.value)} aria-label={t('compare.kind')} data-testid="compare-kind">
          <option value="">{t('compare.allKinds')}</option>
          {['words', 'restate', 'insert', 'repeal', 'renumber', 'move'].map((k) => (
            <option key={k} value={k}>
              {t(`amendments.kind.${k}`)}
            </option>
          ))}
        </select>
        <select value={gap} onChange={(e) => setGap(e.target.value)} aria-label={t('gaps.filter')} data-testid="compare-gap">
          <option value="">{t('gaps.all')}</option>
          {(annotations.state === 'done' ? annotations.value.gaps : []).map((g) => (
            <option key={g.code} value={g.code}>
              {g.names[uiTextLang(i18n.language)]}
            </option>
          ))}
        </select>
        <select value={status} onChange={(e) => setStatus(e.target.value)} aria-label={t('compare.status')} data-testid="compare-status">
          <option value="">{t('compare.allStatuses')}</option>
          {/* A rejected amendment is no longer in the draft, so not in a comparison: the panel lists it. */}
          {(['proposed', 'accepted'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`review.${s}`)}
            </option>
          ))}
        </select>
        <label className="check">
          <input type="checkbox" checked={context} onChange={(e) => setContext(e.target.checked)} data-testid="compare-context" />
          {t('compare.context')}
        </label>
        <input value={snapshotName} onChange={(e) => setSnapshotName(e.target.value)} placeholder={t('compare.snapshotName')} data-testid="snapshot-name" />
        <button type="button" className="button" disabled={!snapshotName.trim()} onClick={() => void snapshot()} data-testid="snapshot-create">
          {t('compare.makeSnapshot')}
        </button>
        {message && (
          <span className="hint" role="status" data-testid="snapshot-status">
            {say(message)}
          </span>
        )}
      </div>
      <WorkProgress jobId={work.jobId} label={t('work.comparing')} />
      {comparison.state === 'error' && <ErrorBanner message={comparison.message} />}
      <RetryCancelled work={work} />
      <div className="compare-body">
        <nav className="compare-toc" aria-label={t('law.contents')}>
          <p className="hint">{t('compare.changes', { count: changedCount })} · J / K</p>
          <ol>
            <Windowed
              items={rows}
              keyOf={(r) => r.uid}
              estimate={() => 26}
              spacer={(height, _where, ref) => <li ref={ref} aria-hidden="true" style={{ height }} />}
              handle={toc}
              render={(r, i, ref) => (
                <li ref={ref}>
                  <button type="button" className={i === at ? 'is-active' : ''} onClick={() => go(i)}>
                    {r.element}
                  </button>
                </li>
              )}
            />
          </ol>
        </nav>
        <div className="compare-rows" data-testid="compare-rows">
          {mode === 'side' && list[left] && list[right] && (
            <div className="side-by-side compare-columns" aria-hidden="true" data-testid="compare-columns">
              <div>{labelOf(list[left])}</div>
              <div>{labelOf(list[right])}</div>
            </div>
          )}
          <Windowed
            items={rows}
            keyOf={(r) => `${mode}:${r.uid}`}
            estimate={(r) => rowHeight(r, mode)}
            handle={rowList}
            render={(r, i, ref) => (
              <section ref={ref} className={`compare-row${i === at ? ' is-current' : ''}${r.kind === '' ? ' is-unchanged' : ''}`} data-testid={r.kind === '' ? 'compare-context-row' : 'compare-row'} data-kind={r.kind}>
                <h3>
                  {r.element} {r.kind === '' ? <span className="badge badge-muted">{t('compare.unchanged')}</span> : <span className={`badge badge-am-${r.kind}`}>{t(`amendments.kind.${r.kind}`)}</span>}
                </h3>
                {mode === 'side' ? (
                  <div className="side-by-side">
                    <div aria-label={list[left] ? labelOf(list[left]) : undefined}>
                      <Cell lines={r.current} />
                    </div>
                    <div aria-label={list[right] ? labelOf(list[right]) : undefined}>
                      <Cell lines={r.proposed} />
                    </div>
                  </div>
                ) : (
                  <Inline ops={r.inline} />
                )}
                {reviewing && byUid.has(r.uid) && (
                  <ReviewControls
                    packageId={pkg.id}
                    uid={r.uid}
                    status={byUid.get(r.uid)?.status ?? 'proposed'}
                    onCoverage={() => setDecided((n) => n + 1)}
                    onRejected={() => setDecided((n) => n + 1)}
                    prepare={async () => undefined}
                  />
                )}
              </section>
            )}
          />
        </div>
      </div>
    </div>
  );
}
