import type { Database } from 'better-sqlite3';

/** A named, dated, immutable copy of a package's drafts. */
export interface SnapshotRecord {
  id: string;
  packageId: string;
  name: string;
  createdAt: string;
  createdBy: string;
}

/** Snapshots of packages (their provisions are kept by ProvisionRepository.snapshot). */
export class SnapshotRepository {
  constructor(private readonly db: Database) {}

  /** Records a snapshot. Call inside the transaction that copies its provisions. */
  insert(s: SnapshotRecord): void {
    this.db.prepare('INSERT INTO snapshot (id, package_id, name, created_at, created_by) VALUES (?, ?, ?, ?, ?)').run(s.id, s.packageId, s.name, s.createdAt, s.createdBy);
  }

  /** The snapshots of a package, newest first. */
  listByPackage(packageId: string): SnapshotRecord[] {
    return this.db
      .prepare('SELECT id, package_id AS packageId, name, created_at AS createdAt, created_by AS createdBy FROM snapshot WHERE package_id = ? ORDER BY created_at DESC, rowid DESC')
      .all(packageId) as SnapshotRecord[];
  }
}
