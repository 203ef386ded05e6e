import { useTranslation } from 'react-i18next';
import { structuralLabel, type Amendment } from '../../shared/amend';
import type { DiffOp } from '../../shared/diff/ops';
import type { Lang } from '../../shared/law';

/** Around each change, this many characters of unchanged text are kept in the compact diff. */
const CONTEXT = 40;

/** A word diff shortened to the changes and a little context on each side. */
function CompactDiff({ ops }: { ops: readonly DiffOp[] }) {
  return (
    <span className="compact-diff">
      {ops.map(([op, text], i) => {
        if (op === -1) return <del key={i}>{text}</del>;
        if (op === 1) return <ins key={i}>{text}</ins>;
        const first = i === 0;
        const last = i === ops.length - 1;
        if (text.length <= CONTEXT * 2) return <span key={i}>{text}</span>;
        return <span key={i}>{first ? `…${text.slice(-CONTEXT)}` : last ? `${text.slice(0, CONTEXT)}…` : `${text.slice(0, CONTEXT)} … ${text.slice(-CONTEXT)}`}</span>;
      })}
    </span>
  );
}

/**
 * The amendments of the draft, one per changed provision, in the law's order: the structural
 * element, the kind and the words changed. A click brings the provision into view.
 */
export function AmendmentsPanel({ amendments, lang, onSelect }: { amendments: readonly Amendment[]; lang: Lang; onSelect(uid: string): void }) {
  const { t } = useTranslation();
  return (
    <aside className="amendments-panel" aria-label={t('amendments.title')} data-testid="amendments-panel">
      <h2 className="panel-title">
        {t('amendments.title')} <span className="count">{amendments.length}</span>
      </h2>
      {amendments.length === 0 && <p className="hint">{t('amendments.none')}</p>}
      <ol className="amendment-list">
        {amendments.map((a) => {
          const removed = a.proposed === null;
          const headingChanged = a.headingOps.some(([op]) => op !== 0);
          return (
            <li key={a.uid}>
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
              </button>
            </li>
          );
        })}
      </ol>
    </aside>
  );
}
