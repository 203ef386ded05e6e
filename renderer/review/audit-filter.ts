import { AUDIT_ACTIONS } from './audit-actions';
import type { AuditRow } from './audit-rows';

/** What the audit view is filtered by: an action, a person (by name), a provision (uid), words. Null or empty: no filter. */
export interface AuditFilter {
  action: string | null;
  actor: string | null;
  uid: string | null;
  text: string;
}

/** No filter: every entry. */
export const NO_AUDIT_FILTER: AuditFilter = { action: null, actor: null, uid: null, text: '' };

/** The text of a row the words are looked for in, as shown (its summary, actor and role, provision, action), made comparable. */
export function searchable(parts: readonly (string | null)[]): string {
  return parts.filter(Boolean).join('\n').toLocaleLowerCase();
}

/**
 * The rows the filter keeps, in their order. Words match when each of them is in the row's text
 * (`textOf`: searchable(), in the interface language of the moment), in any order and case.
 */
export function filterAudit(rows: readonly AuditRow[], filter: AuditFilter, textOf: (row: AuditRow) => string): AuditRow[] {
  const words = filter.text.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter(
    (row) =>
      (filter.action === null || row.entry.action === filter.action) &&
      (filter.actor === null || row.entry.actor === filter.actor) &&
      (filter.uid === null || row.units.includes(filter.uid)) &&
      (words.length === 0 || words.every((w) => textOf(row).includes(w))),
  );
}

/**
 * What the filter's lists offer: the actions the rows have (in the order of AUDIT_ACTIONS, any
 * action of a newer build after them) and the people who made them (by name, "" for entries made
 * before anyone was named), each once.
 */
export function auditChoices(rows: readonly AuditRow[]): { actions: string[]; actors: string[] } {
  const actions = new Set(rows.map((r) => r.entry.action));
  const order = (a: string) => {
    const i = (AUDIT_ACTIONS as readonly string[]).indexOf(a);
    return i < 0 ? AUDIT_ACTIONS.length : i;
  };
  return {
    actions: [...actions].sort((a, b) => order(a) - order(b) || a.localeCompare(b)),
    actors: [...new Set(rows.map((r) => r.entry.actor))].sort((a, b) => a.localeCompare(b)),
  };
}
