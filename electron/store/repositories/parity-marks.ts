import type { Database } from 'better-sqlite3';

/** A unit marked "unchanged in this language": the other text's wording it was marked against, who and when. */
export interface ParityMark {
  uid: string;
  against: string;
  markedBy: string;
  markedAt: string;
}

/** The "unchanged in this language" marks of drafts (migration 011). */
export class ParityMarkRepository {
  constructor(private readonly db: Database) {}

  /** The marks of one draft, by uid. */
  list(versionId: string): Map<string, ParityMark> {
    const rows = this.db.prepare('SELECT uid, against, marked_by AS markedBy, marked_at AS markedAt FROM parity_mark WHERE version_id = ?').all(versionId) as ParityMark[];
    return new Map(rows.map((r) => [r.uid, r]));
  }

  /** Marks a unit of a draft (a mark made again replaces the one before: it answers for the wording now). */
  set(versionId: string, mark: ParityMark): void {
    this.db
      .prepare('INSERT INTO parity_mark (version_id, uid, against, marked_by, marked_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (version_id, uid) DO UPDATE SET against = excluded.against, marked_by = excluded.marked_by, marked_at = excluded.marked_at')
      .run(versionId, mark.uid, mark.against, mark.markedBy, mark.markedAt);
  }

  /** Takes a mark away; whether there was one. */
  remove(versionId: string, uid: string): boolean {
    return this.db.prepare('DELETE FROM parity_mark WHERE version_id = ? AND uid = ?').run(versionId, uid).changes > 0;
  }
}
