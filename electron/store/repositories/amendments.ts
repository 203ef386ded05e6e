import type { Database, Statement } from 'better-sqlite3';
import { amendmentFromJSON, AmendmentFormatError, type Amendment } from '../../../shared/amend';

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

/**
 * A sort key as the integer the table keeps: keys are unit positions, a removed unit's a fraction
 * after one (derivation.ts), so a million steps between positions keep every key apart.
 */
function storedOrder(key: number): number {
  return Math.round(key * 1_000_000);
}

/** A row of the amendment table, as stored. */
interface StoredAmendment extends AmendmentRow {
  ord: number;
}

/** An amendment as the row that stores it, at a place in the law's order. */
function toRow(a: Amendment, ord: number): StoredAmendment {
  const extra = { baseUid: a.baseUid, placement: a.placement, insertedChildren: a.insertedChildren, dropped: a.dropped };
  return {
    uid: a.uid,
    ord,
    kind: a.kind,
    e_id: a.eId,
    path: JSON.stringify(a.path),
    base: a.base ? JSON.stringify(a.base) : null,
    proposed: a.proposed ? JSON.stringify(a.proposed) : null,
    ops: JSON.stringify(a.ops),
    heading_ops: JSON.stringify(a.headingOps),
    extra: JSON.stringify(extra),
  };
}

/** Whether a stored row already says what a new one would. */
function sameRow(a: StoredAmendment, b: StoredAmendment): boolean {
  return a.ord === b.ord && a.kind === b.kind && a.e_id === b.e_id && a.path === b.path && a.base === b.base && a.proposed === b.proposed && a.ops === b.ops && a.heading_ops === b.heading_ops && a.extra === b.extra;
}

/** A stored row as an amendment, checked (amendmentFromJSON): a broken row throws AmendmentFormatError. */
function fromRow(r: AmendmentRow): Amendment {
  const json = (text: string | null, what: string): unknown => {
    if (text === null) return null;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new AmendmentFormatError(`Amendment ${r.uid}: its ${what} is not JSON.`);
    }
  };
  const extra = (json(r.extra, 'extra') ?? {}) as Record<string, unknown>;
  return amendmentFromJSON({
    uid: r.uid,
    kind: r.kind,
    eId: r.e_id,
    path: json(r.path, 'path'),
    base: json(r.base, 'base'),
    proposed: json(r.proposed, 'proposal'),
    ops: json(r.ops, 'word diff'),
    headingOps: json(r.heading_ops, 'heading diff'),
    ...(extra['baseUid'] ? { baseUid: extra['baseUid'] } : {}),
    ...(extra['placement'] ? { placement: extra['placement'] } : {}),
    ...(extra['insertedChildren'] ? { insertedChildren: extra['insertedChildren'] } : {}),
    dropped: extra['dropped'] ?? [],
  });
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

/** The difference between a draft's stored amendments and a new list (AmendmentRepository.changesTo). */
export interface AmendmentChanges {
  /** Amendments to write (new, or different from the stored row), each with its stored place. */
  put: { amendment: Amendment; ord: number }[];
  /** Uids whose stored amendment is gone. */
  remove: string[];
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

  /**
   * Replaces the stored amendments of a draft with a freshly derived list (in the law's order).
   * `sortKey` gives each its place (a derivation's sort key, so that one amendment can later be
   * stored alone in its place: `putOne`); without it, the list's positions.
   */
  replaceForVersion(versionId: string, amendments: readonly Amendment[], sortKey?: (a: Amendment) => number): void {
    this.applyChanges(versionId, this.changesTo(versionId, amendments, sortKey));
  }

  /**
   * What replacing a draft's stored amendments with `amendments` (placed as in replaceForVersion)
   * changes: the amendments to write, with their places, and the uids to remove. Reads only (the
   * worker thread works it out for a rebase). A structural save or a rebase of a code with 1,000
   * amendments usually changes a few of them, and rewriting them all was most of its time.
   */
  changesTo(versionId: string, amendments: readonly Amendment[], sortKey?: (a: Amendment) => number): AmendmentChanges {
    const stored = new Map((this.db.prepare('SELECT * FROM amendment WHERE version_id = ?').all(versionId) as StoredAmendment[]).map((r) => [r.uid, r]));
    const put: AmendmentChanges['put'] = [];
    amendments.forEach((a, i) => {
      const ord = sortKey ? storedOrder(sortKey(a)) : i;
      const before = stored.get(a.uid);
      stored.delete(a.uid);
      if (!before || !sameRow(before, toRow(a, ord))) put.push({ amendment: a, ord });
    });
    return { put, remove: [...stored.keys()] };
  }

  /** Writes changes worked out by changesTo (against the list stored then). */
  applyChanges(versionId: string, changes: AmendmentChanges): void {
    const remove = this.db.prepare('DELETE FROM amendment WHERE version_id = ? AND uid = ?');
    for (const uid of changes.remove) remove.run(versionId, uid);
    for (const { amendment, ord } of changes.put) {
      remove.run(versionId, amendment.uid);
      this.write(versionId, amendment, ord);
    }
  }

  /**
   * Stores the amendment of one provision alone (null: it no longer has one), at the place its
   * sort key gives it among the others (see replaceForVersion).
   */
  putOne(versionId: string, uid: string, amendment: Amendment | null, sortKey: number | undefined): void {
    this.db.prepare('DELETE FROM amendment WHERE version_id = ? AND uid = ?').run(versionId, uid);
    if (amendment && sortKey !== undefined) this.write(versionId, amendment, storedOrder(sortKey));
  }

  /** Which derivation made a draft's stored amendments (null: none recorded, a list from before the record). */
  derivedBy(versionId: string): number | null {
    const row = this.db.prepare('SELECT derived_by AS n FROM amendment_derivation WHERE version_id = ?').get(versionId) as { n: number } | undefined;
    return row?.n ?? null;
  }

  /** Records which derivation made a draft's stored amendments. */
  setDerivedBy(versionId: string, derivation: number): void {
    this.db.prepare('INSERT INTO amendment_derivation (version_id, derived_by) VALUES (?, ?) ON CONFLICT (version_id) DO UPDATE SET derived_by = excluded.derived_by').run(versionId, derivation);
  }

  /** The stored place of each amendment of a draft (see replaceForVersion), by uid. */
  orders(versionId: string): Map<string, number> {
    const rows = this.db.prepare('SELECT uid, ord FROM amendment WHERE version_id = ?').all(versionId) as { uid: string; ord: number }[];
    return new Map(rows.map((r) => [r.uid, r.ord]));
  }

  /** The place a sort key is stored at. */
  static storedOrder(key: number): number {
    return storedOrder(key);
  }

  /** One stored amendment, if the provision has one. */
  getOne(versionId: string, uid: string): Amendment | undefined {
    const row = this.db.prepare('SELECT * FROM amendment WHERE version_id = ? AND uid = ?').get(versionId, uid) as AmendmentRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  private insert: Statement | null = null;

  private write(versionId: string, a: Amendment, ord: number): void {
    const r = toRow(a, ord);
    this.insert ??= this.db.prepare(
      `INSERT INTO amendment (version_id, uid, ord, kind, e_id, path, base, proposed, ops, heading_ops, extra)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insert.run(versionId, r.uid, r.ord, r.kind, r.e_id, r.path, r.base, r.proposed, r.ops, r.heading_ops, r.extra);
  }

  /** Who last changed each amendment of a draft, by uid (of the given uids only, when given). */
  revisions(versionId: string, uids?: readonly string[]): Map<string, RevisionRecord> {
    const select = 'SELECT uid, fingerprint, author, changed_at AS changedAt FROM amendment_revision WHERE version_id = ?';
    const rows = uids
      ? uids.flatMap((uid) => (this.db.prepare(`${select} AND uid = ?`).all(versionId, uid) as RevisionRecord[]))
      : (this.db.prepare(select).all(versionId) as RevisionRecord[]);
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
    return rows.map(fromRow);
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

  /** Sets the review status of a package's amendment to a provision, keeping its justification and evidence (empty when it has none yet). */
  setStatus(packageId: string, uid: string, status: AnnotationRecord['status'], at: string): void {
    this.db
      .prepare(
        `INSERT INTO amendment_annotation (package_id, uid, justification, evidence, status, updated_at) VALUES (?, ?, '', '', ?, ?)
         ON CONFLICT (package_id, uid) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at`,
      )
      .run(packageId, uid, status, at);
  }

  /** Every annotation with a justification or evidence, of every package (the library search reads them). */
  allAnnotations(): AnnotationRecord[] {
    return this.db
      .prepare("SELECT package_id AS packageId, uid, justification, evidence, status, updated_at AS updatedAt FROM amendment_annotation WHERE justification <> '' OR evidence <> '' ORDER BY package_id, rowid")
      .all() as AnnotationRecord[];
  }

  /** The annotations of a package, by provision uid. */
  annotations(packageId: string): Map<string, AnnotationRecord> {
    const rows = this.db
      .prepare('SELECT package_id AS packageId, uid, justification, evidence, status, updated_at AS updatedAt FROM amendment_annotation WHERE package_id = ?')
      .all(packageId) as AnnotationRecord[];
    return new Map(rows.map((r) => [r.uid, r]));
  }
}
