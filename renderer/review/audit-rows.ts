import type { OutputOf } from '../../shared/ipc';
import type { Lang } from '../../shared/law';
import { eIdLabel } from '../../shared/amend/label';
import { parseDetail, summarizeAudit, type AuditDetail, type AuditNames, type AuditSummary } from './audit-summary';

/** One entry of the audit trail as the main process sends it (detail: a JSON text). */
export type AuditEntry = OutputOf<'getAuditTrail'>[number];

/** An entry read once for the audit view: its detail parsed, the provisions it concerns, its provision's label, its summary. */
export interface AuditRow {
  entry: AuditEntry;
  detail: AuditDetail;
  /** The provisions (uids) it is about: its own, and for a save every unit it changed or deleted. */
  units: readonly string[];
  /** The provision it is shown against: its own, or the one unit a save changed (uid); null for an entry about the package. */
  provision: string | null;
  /** The structural label of that provision ("Статья 5, пункт 1"), when it is known. */
  label: string | null;
  summary: AuditSummary;
}

/** How the view names provisions: the labels it has by uid, and the language to name an eId in when it has none. */
export interface AuditLabels {
  byUid: ReadonlyMap<string, string>;
  lang: Lang;
}

/**
 * The labels of a package's provisions by uid, from what the renderer loads anyway: the coverage's
 * amendments (a uid is amended in each language of the package: the label in `lang` is preferred)
 * and the rejected amendments, which are no longer in the coverage.
 */
export function labelsByUid(amendments: readonly { uid: string; label: string; lang: string }[], rejected: readonly { uid: string; label: string }[], lang: string): Map<string, string> {
  const labels = new Map<string, string>();
  for (const r of rejected) labels.set(r.uid, r.label);
  for (const a of amendments) if (!labels.has(a.uid) || a.lang === lang) labels.set(a.uid, a.label);
  return labels;
}

/** The uids of a save's units (`units: [[uid, fingerprint], …]`) and deletions (`deleted: [uid, …]`). */
function savedUnits(detail: AuditDetail): string[] {
  const units = Array.isArray(detail['units']) ? detail['units'].flatMap((u: unknown) => (Array.isArray(u) && typeof u[0] === 'string' ? [u[0]] : [])) : [];
  const deleted = Array.isArray(detail['deleted']) ? detail['deleted'].filter((u: unknown): u is string => typeof u === 'string') : [];
  return [...units, ...deleted];
}

function labelOf(uid: string | null, detail: AuditDetail, labels: AuditLabels): string | null {
  if (!uid) return null;
  const known = labels.byUid.get(uid);
  if (known) return known;
  // A decision names its provision by eId too: the label can be made from it when the amendment is gone.
  const eId = detail['eId'];
  return typeof eId === 'string' && eId ? eIdLabel(eId, labels.lang) : null;
}

/** The rows of the audit view, newest first, each entry's detail parsed once (a few thousand entries are filtered as one types). */
export function auditRows(entries: readonly AuditEntry[], names: AuditNames, labels: AuditLabels): AuditRow[] {
  return [...entries]
    .sort((a, b) => b.seq - a.seq)
    .map((entry) => {
      const detail = parseDetail(entry.detail);
      const units = entry.action === 'save' ? savedUnits(detail) : [];
      const provision = entry.uid ?? (units.length === 1 ? (units[0] as string) : null);
      return { entry, detail, units: entry.uid ? [entry.uid, ...units] : units, provision, label: labelOf(provision, detail, labels), summary: summarizeAudit(entry.action, detail, names) };
    });
}
