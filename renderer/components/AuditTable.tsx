import { memo, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { langBadge } from '../format';
import { actionName } from '../review/audit-actions';
import type { AuditRow } from '../review/audit-rows';
import { Windowed } from './Windowed';

const COLUMNS = 6;

/** The height an entry is expected to take before it is drawn: one line, or its stored record's lines when open. */
function entryHeight(row: AuditRow, open: boolean): number {
  return open ? 56 + 17 * Math.min(24, row.entry.detail.length / 60 + 4) : 42;
}

/** The stored detail, laid out to read (as stored when it is not JSON). */
function rawDetail(row: AuditRow): string {
  try {
    return JSON.stringify(JSON.parse(row.entry.detail), null, 2);
  } catch {
    return row.entry.detail;
  }
}

/** What the view has said of an entry in the interface language of the moment: its time and its summary. */
export interface AuditSaid {
  at: string;
  summary: string;
}

/**
 * One entry: a row group of its own (its stored record opens in a second row under it). Memoised:
 * the windowed list draws its rows again on every scroll and measure, and only the rows it adds
 * should cost anything (three thousand entries scroll without stutter).
 */
const AuditEntryRows = memo(function AuditEntryRows({
  row,
  said,
  isOpen,
  onToggle,
  onProvision,
  rowRef,
}: {
  row: AuditRow;
  said: AuditSaid;
  isOpen: boolean;
  onToggle(seq: number): void;
  onProvision(uid: string): void;
  rowRef: (el: HTMLElement | null) => void;
}) {
  const { t } = useTranslation();
  const { entry, summary } = row;
  return (
    <tbody ref={rowRef} className={isOpen ? 'is-open' : ''} data-testid="audit-entry" data-seq={entry.seq} data-action={entry.action}>
      <tr>
        <td className="audit-seq">
          <button type="button" className="link-button" aria-expanded={isOpen} aria-controls={isOpen ? `audit-raw-${entry.seq}` : undefined} aria-label={t('audit.showRaw', { seq: entry.seq })} onClick={() => onToggle(entry.seq)} data-testid="audit-expand">
            <span aria-hidden="true">{isOpen ? '▾' : '▸'}</span> {entry.seq}
          </button>
        </td>
        <td>
          <time dateTime={entry.at}>{said.at}</time>
        </td>
        <td data-testid="audit-who">
          {entry.actor ? <b>{entry.actor}</b> : <i className="audit-nobody">{t('audit.nobody')}</i>}
          {entry.role && <span className="audit-role">{entry.role}</span>}
        </td>
        <td data-testid="audit-what">{actionName(t, entry.action)}</td>
        <td>
          {row.provision ? (
            <button type="button" className="link-button audit-provision-link" title={t('audit.filterProvision')} onClick={() => onProvision(row.provision as string)} data-testid="audit-entry-provision">
              {row.label ?? <code>{row.provision}</code>}
            </button>
          ) : (
            <span className="audit-none">—</span>
          )}
        </td>
        <td data-testid="audit-summary">
          {summary.lang && <span className="badge badge-lang">{langBadge(summary.lang)}</span>} {said.summary}
        </td>
      </tr>
      {isOpen && (
        <tr className="audit-raw" id={`audit-raw-${entry.seq}`}>
          <td colSpan={COLUMNS}>
            <pre data-testid="audit-raw">{rawDetail(row)}</pre>
          </td>
        </tr>
      )}
    </tbody>
  );
});

const NOTHING_SAID: AuditSaid = { at: '', summary: '' };

/**
 * The entries of the audit log, one row each (newest first, as given): number, time to the second,
 * who and in what role, the action, the provision, what the detail says. The number opens the
 * entry's stored record (its detail as JSON); a provision filters the log by it. Drawn near the
 * visible part only (Windowed).
 */
export function AuditTable({ rows, said, onProvision }: { rows: readonly AuditRow[]; said: ReadonlyMap<AuditRow, AuditSaid>; onProvision(uid: string): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const toggle = useCallback(
    (seq: number) =>
      setOpen((was) => {
        const next = new Set(was);
        if (!next.delete(seq)) next.add(seq);
        return next;
      }),
    [],
  );
  return (
    <table className="audit-table" data-testid="audit-table">
      <colgroup>
        <col className="audit-col-seq" />
        <col className="audit-col-at" />
        <col className="audit-col-who" />
        <col className="audit-col-action" />
        <col className="audit-col-provision" />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">{t('audit.columns.seq')}</th>
          <th scope="col">{t('audit.columns.at')}</th>
          <th scope="col">{t('audit.columns.who')}</th>
          <th scope="col">{t('audit.columns.action')}</th>
          <th scope="col">{t('audit.columns.provision')}</th>
          <th scope="col">{t('audit.columns.detail')}</th>
        </tr>
      </thead>
      <Windowed
        items={rows}
        keyOf={(row) => String(row.entry.seq)}
        estimate={(row) => entryHeight(row, open.has(row.entry.seq))}
        spacer={(height, _where, ref) => (
          <tbody ref={ref} aria-hidden="true" className="windowed-spacer">
            <tr style={{ height }}>
              <td colSpan={COLUMNS} />
            </tr>
          </tbody>
        )}
        render={(row, _i, ref) => <AuditEntryRows row={row} said={said.get(row) ?? NOTHING_SAID} isOpen={open.has(row.entry.seq)} onToggle={toggle} onProvision={onProvision} rowRef={ref} />}
      />
    </table>
  );
}
