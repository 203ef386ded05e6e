import { assignEIds } from './eid';
import { isProvisionKind, type ProvisionKind } from './kinds';
import type { Lang } from './language';
import type { LawDoc, Provision } from './provision';
import { LawStructureError } from './structure-error';
import { validateLaw } from './validate';

/**
 * A provision as one row of the store: the tree flattened by parent uid and position among
 * siblings. Loading a version is one ordered query; saving touches only rows that changed.
 */
export interface ProvisionRow {
  uid: string;
  parentUid: string | null;
  ord: number;
  kind: ProvisionKind;
  num: string;
  heading: string;
  text: string;
  repealed: boolean;
  notes: string[];
}

/** Flattens a law into rows, in document order. */
export function lawToRows(doc: LawDoc): ProvisionRow[] {
  const rows: ProvisionRow[] = [];
  const flatten = (units: readonly Provision[], parentUid: string | null): void => {
    units.forEach((u, ord) => {
      rows.push({ uid: u.uid, parentUid, ord, kind: u.kind, num: u.num, heading: u.heading, text: u.text, repealed: u.repealed, notes: [...u.notes] });
      flatten(u.children, u.uid);
    });
  };
  flatten(doc.body, null);
  return rows;
}

/**
 * Rebuilds a law from rows in any order, then validates it. Throws LawStructureError
 * (code BAD_SHAPE) when rows point at a missing parent, form a cycle or collide on position.
 */
export function rowsToLaw(rows: readonly ProvisionRow[], lang: Lang): LawDoc {
  const byParent = new Map<string | null, ProvisionRow[]>();
  const uids = new Set<string>();
  for (const row of rows) {
    if (!isProvisionKind(row.kind)) throw new LawStructureError('BAD_SHAPE', `Row ${row.uid} has unknown kind "${row.kind}".`);
    if (uids.has(row.uid)) throw new LawStructureError('DUPLICATE_UID', `Row ${row.uid} occurs twice.`);
    uids.add(row.uid);
    const list = byParent.get(row.parentUid) ?? [];
    list.push(row);
    byParent.set(row.parentUid, list);
  }
  let placed = 0;
  const build = (parentUid: string | null): Provision[] => {
    const list = (byParent.get(parentUid) ?? []).sort((a, b) => a.ord - b.ord);
    return list.map((row, i) => {
      if (i > 0 && list[i - 1]?.ord === row.ord) {
        throw new LawStructureError('BAD_SHAPE', `Rows ${list[i - 1]?.uid} and ${row.uid} share position ${row.ord}.`);
      }
      placed += 1;
      return { uid: row.uid, eId: '', kind: row.kind, num: row.num, heading: row.heading, text: row.text, repealed: row.repealed, notes: [...row.notes], children: build(row.uid) };
    });
  };
  const body = build(null);
  // Rows whose parent is missing (or that form a cycle) are never reached from the top.
  if (placed !== rows.length) throw new LawStructureError('BAD_SHAPE', `${rows.length - placed} rows are not attached to the law.`);
  const doc: LawDoc = { lang, body };
  assignEIds(doc.body);
  validateLaw(doc);
  return doc;
}

/** What a save sends: rows that are new or changed, and uids of rows that are gone. */
export interface RowChanges {
  upserts: ProvisionRow[];
  deletes: string[];
}

/** Whether two rows store the same thing. */
export function sameRow(a: ProvisionRow, b: ProvisionRow): boolean {
  return (
    a.uid === b.uid && a.parentUid === b.parentUid && a.ord === b.ord && a.kind === b.kind && a.num === b.num &&
    a.heading === b.heading && a.text === b.text && a.repealed === b.repealed &&
    a.notes.length === b.notes.length && a.notes.every((n, i) => n === b.notes[i])
  );
}

/** The rows to write to turn the saved rows `before` into `after`. */
export function diffRows(before: readonly ProvisionRow[], after: readonly ProvisionRow[]): RowChanges {
  const old = new Map(before.map((r) => [r.uid, r]));
  const upserts: ProvisionRow[] = [];
  for (const row of after) {
    const prev = old.get(row.uid);
    if (!prev || !sameRow(prev, row)) upserts.push(row);
    old.delete(row.uid);
  }
  return { upserts, deletes: [...old.keys()] };
}

/** Rows with changes made to them (`diffRows`' output applied): the changed rows replaced, the deleted left out, in the same order, new ones last. */
export function applyRowChanges(rows: readonly ProvisionRow[], changes: RowChanges): ProvisionRow[] {
  const changed = new Map(changes.upserts.map((r) => [r.uid, r]));
  const gone = new Set(changes.deletes);
  const out: ProvisionRow[] = [];
  for (const row of rows) {
    if (gone.has(row.uid)) continue;
    const fresh = changed.get(row.uid);
    out.push(fresh ?? row);
    changed.delete(row.uid);
  }
  out.push(...changed.values());
  return out;
}
