import type { Database } from 'better-sqlite3';
import type { ProvisionRow } from '../../../shared/law';

/** What kind of command made a reversible change. */
export type ReversibleKind = 'throughout' | 'reject';

/** One draft's share of a command that can be taken back (migration 010). */
export interface ReversibleChange {
  id: string;
  operationId: string;
  kind: ReversibleKind;
  packageId: string;
  versionId: string;
  /** The amendment a rejection was about; null for a replacement throughout. */
  uid: string | null;
  /** What the command was, as JSON the service reads (a replacement's words, a rejected amendment). */
  detail: string;
  createdAt: string;
  createdBy: string;
}

/** A provision row a change touched: as it was (null: the change made it) and as the change left it (null: removed). */
export interface ReversibleRow {
  uid: string;
  before: ProvisionRow | null;
  after: ProvisionRow | null;
}

const COLUMNS = 'id, operation_id AS operationId, kind, package_id AS packageId, version_id AS versionId, uid, detail, created_at AS createdAt, created_by AS createdBy';

/** The reversible changes of drafts, with the rows each touched. */
export class ReversibleRepository {
  constructor(private readonly db: Database) {}

  /** Records one draft's share of a command. Call inside the transaction that saves its rows. */
  add(change: ReversibleChange, rows: readonly ReversibleRow[]): void {
    this.db
      .prepare('INSERT INTO reversible_change (id, operation_id, kind, package_id, version_id, uid, detail, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(change.id, change.operationId, change.kind, change.packageId, change.versionId, change.uid, change.detail, change.createdAt, change.createdBy);
    const row = this.db.prepare('INSERT INTO reversible_row (change_id, uid, before, after) VALUES (?, ?, ?, ?)');
    for (const r of rows) row.run(change.id, r.uid, r.before ? JSON.stringify(r.before) : null, r.after ? JSON.stringify(r.after) : null);
  }

  /** The changes of one kind made to a draft, oldest first. */
  ofVersion(versionId: string, kind: ReversibleKind): ReversibleChange[] {
    return this.db.prepare(`SELECT ${COLUMNS} FROM reversible_change WHERE version_id = ? AND kind = ? ORDER BY created_at, rowid`).all(versionId, kind) as ReversibleChange[];
  }

  /** The changes of one kind made in a package, newest first. */
  ofPackage(packageId: string, kind: ReversibleKind): ReversibleChange[] {
    return this.db.prepare(`SELECT ${COLUMNS} FROM reversible_change WHERE package_id = ? AND kind = ? ORDER BY created_at DESC, rowid DESC`).all(packageId, kind) as ReversibleChange[];
  }

  /** Every draft's share of one command, with the rows each touched. */
  operation(operationId: string): { change: ReversibleChange; rows: ReversibleRow[] }[] {
    const changes = this.db.prepare(`SELECT ${COLUMNS} FROM reversible_change WHERE operation_id = ? ORDER BY rowid`).all(operationId) as ReversibleChange[];
    const rows = this.db.prepare('SELECT uid, before, after FROM reversible_row WHERE change_id = ? ORDER BY rowid');
    const parse = (json: string | null) => (json === null ? null : (JSON.parse(json) as ProvisionRow));
    return changes.map((change) => ({
      change,
      rows: (rows.all(change.id) as { uid: string; before: string | null; after: string | null }[]).map((r) => ({ uid: r.uid, before: parse(r.before), after: parse(r.after) })),
    }));
  }

  /** Forgets the rejections of one amendment of a draft (their decision lapsed: the provision changed since). */
  forgetRejections(versionId: string, uid: string): void {
    this.db.prepare("DELETE FROM reversible_change WHERE version_id = ? AND uid = ? AND kind = 'reject'").run(versionId, uid);
  }

  /** Forgets a command (it was taken back). */
  removeOperation(operationId: string): void {
    this.db.prepare('DELETE FROM reversible_change WHERE operation_id = ?').run(operationId);
  }
}
