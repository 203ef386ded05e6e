import type { Database } from 'better-sqlite3';

/** One entry of the audit log. */
export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  role: string;
  packageId: string;
  uid: string | null;
  action: string;
  detail: string;
  prevHash: string;
  hash: string;
  /** How the hash was made (audit/hash.ts): 1 for entries of builds before the seal, 2 since. */
  format: number;
  /** The fingerprint of the key that signed it, and the signature (null: unsigned). */
  keyId: string | null;
  mac: string | null;
}

/** A comment on an amendment (a reply names its parent). */
export interface CommentRecord {
  id: string;
  packageId: string;
  uid: string;
  parentId: string | null;
  author: string;
  /** The author's id on the team server, for a comment on a package there (migration 019); null or absent off a team. */
  authorId?: string | null;
  role: string;
  text: string;
  createdAt: string;
  /** A new version of a comment: the first comment of its line (migration 017). */
  supersedes?: string | null;
  /** A deletion: the tombstone of its line, its text empty. */
  deleted?: boolean;
}

/** Settings, comments and the audit log. */
export class ReviewRepository {
  constructor(private readonly db: Database) {}

  /** A setting's value, or undefined. */
  setting(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM setting WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  /** Sets a setting. */
  setSetting(key: string, value: string): void {
    this.db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** Adds a comment, or a new version of one, or its tombstone (nothing is ever rewritten). */
  addComment(c: CommentRecord): void {
    this.db
      .prepare('INSERT INTO comment (id, package_id, uid, parent_id, author, author_id, role, text, created_at, supersedes, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(c.id, c.packageId, c.uid, c.parentId, c.author, c.authorId ?? null, c.role, c.text, c.createdAt, c.supersedes ?? null, c.deleted ? 1 : 0);
  }

  /**
   * Records whose a comment is on the team server, on a comment that did not say (written here, or
   * brought in before migration 019): who wrote it, not what it says — its text is never changed.
   */
  setCommentAuthorId(id: string, authorId: string): void {
    this.db.prepare('UPDATE comment SET author_id = ? WHERE id = ? AND author_id IS NULL').run(authorId, id);
  }

  /** One comment, or undefined. */
  comment(id: string): CommentRecord | undefined {
    return this.db.prepare('SELECT id, package_id AS packageId, uid, parent_id AS parentId, author, author_id AS authorId, role, text, created_at AS createdAt FROM comment WHERE id = ?').get(id) as CommentRecord | undefined;
  }

  /** Every comment of every package, oldest first (the library search reads them). */
  allComments(): CommentRecord[] {
    return this.db.prepare('SELECT id, package_id AS packageId, uid, parent_id AS parentId, author, role, text, created_at AS createdAt FROM comment ORDER BY created_at, rowid').all() as CommentRecord[];
  }

  /** The comments on one amendment (or, without `uid`, on every amendment of the package), every version and tombstone included, oldest first. */
  comments(packageId: string, uid?: string): CommentRecord[] {
    const columns = 'SELECT id, package_id AS packageId, uid, parent_id AS parentId, author, author_id AS authorId, role, text, created_at AS createdAt, supersedes, deleted FROM comment';
    const rows = uid === undefined
      ? this.db.prepare(`${columns} WHERE package_id = ? ORDER BY created_at, rowid`).all(packageId)
      : this.db.prepare(`${columns} WHERE package_id = ? AND uid = ? ORDER BY created_at, rowid`).all(packageId, uid);
    return (rows as (Omit<CommentRecord, 'deleted'> & { deleted: number })[]).map((c) => ({ ...c, deleted: c.deleted === 1 }));
  }

  /** The comments as they stand, of every package: each line at its latest version, the deleted left out (the library search reads them). */
  currentComments(): CommentRecord[] {
    return this.db
      .prepare(
        `SELECT c.id, c.package_id AS packageId, c.uid, c.parent_id AS parentId, COALESCE(v.author, c.author) AS author, COALESCE(v.role, c.role) AS role, COALESCE(v.text, c.text) AS text, c.created_at AS createdAt
         FROM comment c LEFT JOIN comment v ON v.rowid = (SELECT max(rowid) FROM comment WHERE supersedes = c.id)
         WHERE c.supersedes IS NULL AND COALESCE(v.deleted, 0) = 0 ORDER BY c.created_at, c.rowid`,
      )
      .all() as CommentRecord[];
  }

  /** The last entry of the audit log, or undefined for an empty log. */
  lastAudit(): AuditEntry | undefined {
    const columns = this.sealed() ? `${AUDIT_COLUMNS}, format, key_id AS keyId, mac` : `${AUDIT_COLUMNS}, 1 AS format, NULL AS keyId, NULL AS mac`;
    return this.db.prepare(`SELECT ${columns} FROM audit_log ORDER BY seq DESC LIMIT 1`).get() as AuditEntry | undefined;
  }

  /** Appends an entry with the next sequence number (the caller computed its hash and signature). */
  appendAudit(e: AuditEntry): void {
    this.db
      .prepare('INSERT INTO audit_log (seq, at, actor, role, package_id, uid, action, detail, prev_hash, hash, format, key_id, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(e.seq, e.at, e.actor, e.role, e.packageId, e.uid, e.action, e.detail, e.prevHash, e.hash, e.format, e.keyId, e.mac);
  }

  /**
   * The whole log in order, or the entries of one package (and one amendment). Reads a database of
   * an earlier schema too (audit-check never migrates what it checks): entries from before the
   * seal are format 1 and unsigned.
   */
  audit(filter?: { packageId: string; uid?: string }): AuditEntry[] {
    const columns = this.sealed() ? `${AUDIT_COLUMNS}, format, key_id AS keyId, mac` : `${AUDIT_COLUMNS}, 1 AS format, NULL AS keyId, NULL AS mac`;
    if (filter?.uid !== undefined) return this.db.prepare(`SELECT ${columns} FROM audit_log WHERE package_id = ? AND uid = ? ORDER BY seq`).all(filter.packageId, filter.uid) as AuditEntry[];
    if (filter) return this.db.prepare(`SELECT ${columns} FROM audit_log WHERE package_id = ? ORDER BY seq`).all(filter.packageId) as AuditEntry[];
    return this.db.prepare(`SELECT ${columns} FROM audit_log ORDER BY seq`).all() as AuditEntry[];
  }

  /** The number of entries and the last one's sequence number and hash. */
  auditHead(): { count: number; seq: number; hash: string } | null {
    const row = this.db.prepare('SELECT COUNT(*) AS count, MAX(seq) AS seq FROM audit_log').get() as { count: number; seq: number | null };
    if (row.seq === null) return null;
    const last = this.db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(row.seq) as { hash: string };
    return { count: row.count, seq: row.seq, hash: last.hash };
  }

  /** Every annotation's review state and notes, for the audit's picture of what it last recorded. */
  annotationStates(): { packageId: string; uid: string; status: string; justification: string; evidence: string }[] {
    return this.db.prepare('SELECT package_id AS packageId, uid, status, justification, evidence FROM amendment_annotation ORDER BY package_id, uid').all() as { packageId: string; uid: string; status: string; justification: string; evidence: string }[];
  }

  private sealed(): boolean {
    this.hasSeal ??= (this.db.prepare("SELECT 1 FROM pragma_table_info('audit_log') WHERE name = 'mac'").get() as unknown) !== undefined;
    return this.hasSeal;
  }

  private hasSeal: boolean | undefined;
}

const AUDIT_COLUMNS = 'seq, at, actor, role, package_id AS packageId, uid, action, detail, prev_hash AS prevHash, hash';
