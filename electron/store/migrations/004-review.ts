import type { Migration } from './migration';

/**
 * Review: the user's identity (settings), comments threaded per amendment, and an append-only audit
 * log whose entries are chained by hash, so that an edited or deleted entry is detectable.
 */
export const review: Migration = {
  version: 4,
  name: 'review',
  sql: `
    CREATE TABLE setting (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE comment (
      id TEXT PRIMARY KEY,
      package_id TEXT NOT NULL REFERENCES package(id) ON DELETE CASCADE,
      uid TEXT NOT NULL,
      parent_id TEXT REFERENCES comment(id),
      author TEXT NOT NULL,
      role TEXT NOT NULL,
      text TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX comment_by_amendment ON comment(package_id, uid, created_at);

    CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      role TEXT NOT NULL,
      package_id TEXT NOT NULL,
      uid TEXT,
      action TEXT NOT NULL,
      detail TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  `,
};
