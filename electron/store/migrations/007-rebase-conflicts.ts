import type { Migration } from './migration';

/**
 * Provisions a rebase could not merge by itself (the law in force changed under a draft): the
 * wording before, in the new law and in the draft, until the drafter decides. Nothing the drafter
 * wrote is lost: `mine` holds it while the draft follows the new law.
 */
export const rebaseConflicts: Migration = {
  version: 7,
  name: 'rebase conflicts',
  sql: `
    CREATE TABLE rebase_conflict (
      id TEXT PRIMARY KEY,
      package_id TEXT NOT NULL REFERENCES package(id) ON DELETE CASCADE,
      version_id TEXT NOT NULL REFERENCES version(id) ON DELETE CASCADE,
      uid TEXT NOT NULL,
      label TEXT NOT NULL,
      reason TEXT NOT NULL CHECK (reason IN ('both-changed', 'repealed-in-new-base', 'removed-in-new-base', 'no-place')),
      detail TEXT NOT NULL,
      created_at TEXT NOT NULL,
      resolved_at TEXT,
      resolution TEXT CHECK (resolution IN ('theirs', 'mine'))
    ) STRICT;
    CREATE INDEX rebase_conflict_open ON rebase_conflict(version_id, resolved_at);
  `,
};
