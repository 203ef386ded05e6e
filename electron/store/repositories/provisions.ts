import type { Database, Statement } from 'better-sqlite3';
import type { ProvisionRow, RowChanges } from '../../../shared/law';
import { StagedProvisions } from './provision-staging';

interface StoredRow {
  uid: string;
  parent_uid: string | null;
  ord: number;
  kind: ProvisionRow['kind'];
  num: string;
  heading: string;
  text: string;
  repealed: number;
  notes: string;
}

/** Provisions of versions, one row per unit. */
export class ProvisionRepository {
  private readonly upsertStmt: Statement;
  private readonly deleteStmt: Statement;

  constructor(private readonly db: Database) {
    this.upsertStmt = db.prepare(
      `INSERT INTO provision (version_id, uid, parent_uid, ord, kind, num, heading, text, repealed, notes)
       VALUES (@versionId, @uid, @parentUid, @ord, @kind, @num, @heading, @text, @repealed, @notes)
       ON CONFLICT (version_id, uid) DO UPDATE SET parent_uid = excluded.parent_uid, ord = excluded.ord,
         kind = excluded.kind, num = excluded.num, heading = excluded.heading, text = excluded.text,
         repealed = excluded.repealed, notes = excluded.notes`,
    );
    this.deleteStmt = db.prepare('DELETE FROM provision WHERE version_id = ? AND uid = ?');
  }

  /** All rows of a version, in one ordered query. */
  load(versionId: string): ProvisionRow[] {
    const rows = this.db
      .prepare('SELECT uid, parent_uid, ord, kind, num, heading, text, repealed, notes FROM provision WHERE version_id = ? ORDER BY parent_uid, ord')
      .all(versionId) as StoredRow[];
    return rows.map(fromStored);
  }

  /**
   * Rows of a version in uid order after `afterUid` (null: from the first), at most `limit`: a
   * long read in steps, each its own query (what changes between steps is the caller's to notice).
   */
  page(versionId: string, afterUid: string | null, limit: number): ProvisionRow[] {
    const rows = this.db
      .prepare('SELECT uid, parent_uid, ord, kind, num, heading, text, repealed, notes FROM provision WHERE version_id = ? AND uid > ? ORDER BY uid LIMIT ?')
      .all(versionId, afterUid ?? '', limit) as StoredRow[];
    return rows.map(fromStored);
  }

  /** The shape of a version without its texts: every unit's parent, place, kind and number. */
  outline(versionId: string): { uid: string; parentUid: string | null; ord: number; kind: ProvisionRow['kind']; num: string }[] {
    return this.db.prepare('SELECT uid, parent_uid AS parentUid, ord, kind, num FROM provision WHERE version_id = ?').all(versionId) as {
      uid: string;
      parentUid: string | null;
      ord: number;
      kind: ProvisionRow['kind'];
      num: string;
    }[];
  }

  /** Some rows of a version, by uid (those that exist). */
  rows(versionId: string, uids: readonly string[]): Map<string, ProvisionRow> {
    const one = this.db.prepare('SELECT uid, parent_uid, ord, kind, num, heading, text, repealed, notes FROM provision WHERE version_id = ? AND uid = ?');
    const out = new Map<string, ProvisionRow>();
    for (const uid of uids) {
      const r = one.get(versionId, uid) as StoredRow | undefined;
      if (r) out.set(uid, fromStored(r));
    }
    return out;
  }

  /** Writes new and changed rows and removes deleted ones. Call inside a transaction. */
  apply(versionId: string, changes: RowChanges): void {
    for (const uid of changes.deletes) this.deleteStmt.run(versionId, uid);
    for (const row of changes.upserts) {
      this.upsertStmt.run({ ...row, versionId, repealed: row.repealed ? 1 : 0, notes: JSON.stringify(row.notes) });
    }
  }

  /** Starts staging the rows of a version about to be saved (see StagedProvisions). */
  stage(): StagedProvisions {
    return new StagedProvisions(this.db);
  }

  /** Freezes a draft's rows into a snapshot. */
  snapshot(snapshotId: string, versionId: string): void {
    this.db
      .prepare(
        `INSERT INTO snapshot_provision (snapshot_id, version_id, uid, parent_uid, ord, kind, num, heading, text, repealed, notes)
         SELECT ?, version_id, uid, parent_uid, ord, kind, num, heading, text, repealed, notes FROM provision WHERE version_id = ?`,
      )
      .run(snapshotId, versionId);
  }

  /** The rows of one draft as a snapshot froze them. */
  loadSnapshot(snapshotId: string, versionId: string): ProvisionRow[] {
    const rows = this.db
      .prepare('SELECT uid, parent_uid, ord, kind, num, heading, text, repealed, notes FROM snapshot_provision WHERE snapshot_id = ? AND version_id = ?')
      .all(snapshotId, versionId) as StoredRow[];
    return rows.map((r) => ({ uid: r.uid, parentUid: r.parent_uid, ord: r.ord, kind: r.kind, num: r.num, heading: r.heading, text: r.text, repealed: r.repealed === 1, notes: JSON.parse(r.notes) as string[] }));
  }

  /** Copies every row of one version into another (a draft starts as a copy, keeping the uids). */
  copy(fromVersionId: string, toVersionId: string): void {
    this.db
      .prepare(
        `INSERT INTO provision (version_id, uid, parent_uid, ord, kind, num, heading, text, repealed, notes)
         SELECT ?, uid, parent_uid, ord, kind, num, heading, text, repealed, notes FROM provision WHERE version_id = ?`,
      )
      .run(toVersionId, fromVersionId);
  }
}

function fromStored(r: StoredRow): ProvisionRow {
  return {
    uid: r.uid,
    parentUid: r.parent_uid,
    ord: r.ord,
    kind: r.kind,
    num: r.num,
    heading: r.heading,
    text: r.text,
    repealed: r.repealed === 1,
    notes: JSON.parse(r.notes) as string[],
  };
}
