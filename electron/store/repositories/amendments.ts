import type { Database } from 'better-sqlite3';
import type { Amendment } from '../../../shared/amend';

interface AmendmentRow {
  uid: string;
  kind: Amendment['kind'];
  e_id: string;
  path: string;
  base: string | null;
  proposed: string | null;
  ops: string;
  heading_ops: string;
  extra: string;
}

/** What people attach to an amendment; keyed by (package, uid), never by position or number. */
export interface AnnotationRecord {
  packageId: string;
  uid: string;
  justification: string;
  /** A reference to a report or statistic that supports the change. */
  evidence: string;
  status: 'proposed' | 'accepted' | 'rejected';
  updatedAt: string;
}

/** Who last changed an amendment of a draft, and when. */
export interface RevisionRecord {
  uid: string;
  fingerprint: string;
  author: string;
  changedAt: string;
}

/** Derived amendments of drafts, and the annotations people attach to them. */
export class AmendmentRepository {
  constructor(private readonly db: Database) {}

  /** Replaces the stored amendments of a draft with a freshly derived list (in the law's order). */
  replaceForVersion(versionId: string, amendments: readonly Amendment[]): void {
    this.db.prepare('DELETE FROM amendment WHERE version_id = ?').run(versionId);
    const insert = this.db.prepare(
      `INSERT INTO amendment (version_id, uid, ord, kind, e_id, path, base, proposed, ops, heading_ops, extra)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    amendments.forEach((a, ord) => {
      const extra = { baseUid: a.baseUid, placement: a.placement, insertedChildren: a.insertedChildren, dropped: a.dropped };
      insert.run(versionId, a.uid, ord, a.kind, a.eId, JSON.stringify(a.path), a.base && JSON.stringify(a.base), a.proposed && JSON.stringify(a.proposed), JSON.stringify(a.ops), JSON.stringify(a.headingOps), JSON.stringify(extra));
    });
  }

  /** Who last changed each amendment of a draft, by uid. */
  revisions(versionId: string): Map<string, RevisionRecord> {
    const rows = this.db.prepare('SELECT uid, fingerprint, author, changed_at AS changedAt FROM amendment_revision WHERE version_id = ?').all(versionId) as RevisionRecord[];
    return new Map(rows.map((r) => [r.uid, r]));
  }

  /** Records the amendments of a draft that changed (by fingerprint) and forgets those that are gone. */
  updateRevisions(versionId: string, changed: readonly RevisionRecord[], gone: readonly string[]): void {
    const upsert = this.db.prepare(
      `INSERT INTO amendment_revision (version_id, uid, fingerprint, author, changed_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (version_id, uid) DO UPDATE SET fingerprint = excluded.fingerprint, author = excluded.author, changed_at = excluded.changed_at`,
    );
    for (const r of changed) upsert.run(versionId, r.uid, r.fingerprint, r.author, r.changedAt);
    const remove = this.db.prepare('DELETE FROM amendment_revision WHERE version_id = ? AND uid = ?');
    for (const uid of gone) remove.run(versionId, uid);
  }

  /** The stored amendments of a draft, in the law's order. */
  listForVersion(versionId: string): Amendment[] {
    const rows = this.db.prepare('SELECT * FROM amendment WHERE version_id = ? ORDER BY ord').all(versionId) as AmendmentRow[];
    return rows.map((r) => {
      const extra = JSON.parse(r.extra) as Pick<Amendment, 'baseUid' | 'placement' | 'insertedChildren' | 'dropped'>;
      return {
        uid: r.uid,
        kind: r.kind,
        eId: r.e_id,
        path: JSON.parse(r.path) as Amendment['path'],
        base: r.base === null ? null : (JSON.parse(r.base) as Amendment['base']),
        proposed: r.proposed === null ? null : (JSON.parse(r.proposed) as Amendment['proposed']),
        ops: JSON.parse(r.ops) as Amendment['ops'],
        headingOps: JSON.parse(r.heading_ops) as Amendment['headingOps'],
        ...(extra.baseUid ? { baseUid: extra.baseUid } : {}),
        ...(extra.placement ? { placement: extra.placement } : {}),
        ...(extra.insertedChildren ? { insertedChildren: extra.insertedChildren } : {}),
        dropped: extra.dropped ?? [],
      };
    });
  }

  /** Sets the justification and review status of a package's amendment to a provision. */
  annotate(record: AnnotationRecord): void {
    this.db
      .prepare(
        `INSERT INTO amendment_annotation (package_id, uid, justification, evidence, status, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (package_id, uid) DO UPDATE SET justification = excluded.justification, evidence = excluded.evidence, status = excluded.status, updated_at = excluded.updated_at`,
      )
      .run(record.packageId, record.uid, record.justification, record.evidence, record.status, record.updatedAt);
  }

  /** The annotations of a package, by provision uid. */
  annotations(packageId: string): Map<string, AnnotationRecord> {
    const rows = this.db
      .prepare('SELECT package_id AS packageId, uid, justification, evidence, status, updated_at AS updatedAt FROM amendment_annotation WHERE package_id = ?')
      .all(packageId) as AnnotationRecord[];
    return new Map(rows.map((r) => [r.uid, r]));
  }
}
