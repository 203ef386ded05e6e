import type { Migration } from './migration';

/**
 * Who last changed each amendment of a draft, and when: the author and date its tracked changes
 * carry in a redline. Kept apart from `amendment`, which is re-derived on every save; a row changes
 * only when the amendment's proposed wording (its fingerprint) does.
 */
export const amendmentRevisions: Migration = {
  version: 6,
  name: 'amendment revisions',
  sql: `
    CREATE TABLE amendment_revision (
      version_id TEXT NOT NULL REFERENCES version(id) ON DELETE CASCADE,
      uid TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      author TEXT NOT NULL,
      changed_at TEXT NOT NULL,
      PRIMARY KEY (version_id, uid)
    ) STRICT;
  `,
};
