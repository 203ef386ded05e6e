import type { Database } from 'better-sqlite3';
import type { RebaseConflict } from '../../../shared/amend';

/**
 * A conflict as recorded: from a rebase, with, for one of a team's move (a draft the owner moved
 * for the whole team), the revision the move left its provision on (`teamRevision`).
 */
export type ConflictToRecord = RebaseConflict & { teamRevision?: number };

/** A stored rebase conflict. */
export interface ConflictRecord extends ConflictToRecord {
  id: string;
  packageId: string;
  versionId: string;
  createdAt: string;
  resolvedAt: string | null;
  resolution: 'theirs' | 'mine' | null;
}

interface ConflictRow {
  id: string;
  package_id: string;
  version_id: string;
  uid: string;
  label: string;
  reason: RebaseConflict['reason'];
  detail: string;
  created_at: string;
  resolved_at: string | null;
  resolution: 'theirs' | 'mine' | null;
}

/** Conflicts left by rebasing drafts onto new texts in force, until drafters resolve them. */
export class ConflictRepository {
  constructor(private readonly db: Database) {}

  /** Records a conflict. */
  add(id: string, packageId: string, versionId: string, c: ConflictToRecord, at: string): void {
    const { uid, label, reason, ...detail } = c;
    this.db
      .prepare('INSERT INTO rebase_conflict (id, package_id, version_id, uid, label, reason, detail, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, packageId, versionId, uid, label, reason, JSON.stringify(detail), at);
  }

  /** A draft's conflicts, open ones only unless asked, oldest first. */
  forVersion(versionId: string, includeResolved = false): ConflictRecord[] {
    const rows = this.db
      .prepare(`SELECT * FROM rebase_conflict WHERE version_id = ? ${includeResolved ? '' : 'AND resolved_at IS NULL'} ORDER BY created_at, rowid`)
      .all(versionId) as ConflictRow[];
    return rows.map(fromRow);
  }

  /** One conflict, or undefined. */
  get(id: string): ConflictRecord | undefined {
    const row = this.db.prepare('SELECT * FROM rebase_conflict WHERE id = ?').get(id) as ConflictRow | undefined;
    return row && fromRow(row);
  }

  /** Marks a conflict resolved, the way the drafter chose. */
  resolve(id: string, resolution: 'theirs' | 'mine', at: string): void {
    this.db.prepare('UPDATE rebase_conflict SET resolved_at = ?, resolution = ? WHERE id = ? AND resolved_at IS NULL').run(at, resolution, id);
  }
}

function fromRow(r: ConflictRow): ConflictRecord {
  const detail = JSON.parse(r.detail) as Omit<ConflictToRecord, 'uid' | 'label' | 'reason'>;
  return { id: r.id, packageId: r.package_id, versionId: r.version_id, uid: r.uid, label: r.label, reason: r.reason, ...detail, createdAt: r.created_at, resolvedAt: r.resolved_at, resolution: r.resolution };
}
