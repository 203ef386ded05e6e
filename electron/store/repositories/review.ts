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
}

/** A comment on an amendment (a reply names its parent). */
export interface CommentRecord {
  id: string;
  packageId: string;
  uid: string;
  parentId: string | null;
  author: string;
  role: string;
  text: string;
  createdAt: string;
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

  /** Adds a comment. */
  addComment(c: CommentRecord): void {
    this.db
      .prepare('INSERT INTO comment (id, package_id, uid, parent_id, author, role, text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(c.id, c.packageId, c.uid, c.parentId, c.author, c.role, c.text, c.createdAt);
  }

  /** Every comment of every package, oldest first (the library search reads them). */
  allComments(): CommentRecord[] {
    return this.db.prepare('SELECT id, package_id AS packageId, uid, parent_id AS parentId, author, role, text, created_at AS createdAt FROM comment ORDER BY created_at, rowid').all() as CommentRecord[];
  }

  /** The comments on one amendment, oldest first. */
  comments(packageId: string, uid: string): CommentRecord[] {
    return this.db
      .prepare('SELECT id, package_id AS packageId, uid, parent_id AS parentId, author, role, text, created_at AS createdAt FROM comment WHERE package_id = ? AND uid = ? ORDER BY created_at, rowid')
      .all(packageId, uid) as CommentRecord[];
  }

  /** The last entry of the audit log, or undefined for an empty log. */
  lastAudit(): AuditEntry | undefined {
    return this.db.prepare(`SELECT ${AUDIT_COLUMNS} FROM audit_log ORDER BY seq DESC LIMIT 1`).get() as AuditEntry | undefined;
  }

  /** Appends an entry (the caller computed its hash). */
  appendAudit(e: Omit<AuditEntry, 'seq'>): void {
    this.db
      .prepare('INSERT INTO audit_log (at, actor, role, package_id, uid, action, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(e.at, e.actor, e.role, e.packageId, e.uid, e.action, e.detail, e.prevHash, e.hash);
  }

  /** The whole log in order (or one amendment's entries). */
  audit(filter?: { packageId: string; uid: string }): AuditEntry[] {
    if (filter) return this.db.prepare(`SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE package_id = ? AND uid = ? ORDER BY seq`).all(filter.packageId, filter.uid) as AuditEntry[];
    return this.db.prepare(`SELECT ${AUDIT_COLUMNS} FROM audit_log ORDER BY seq`).all() as AuditEntry[];
  }
}

const AUDIT_COLUMNS = 'seq, at, actor, role, package_id AS packageId, uid, action, detail, prev_hash AS prevHash, hash';
