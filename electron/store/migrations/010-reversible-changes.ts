import type { Migration } from './migration';

/**
 * Changes a command made to drafts that can be taken back later (electron/services/reversible.ts):
 * a replacement "throughout the text" of a package's acts, a reviewer's rejection. Each draft a
 * command changed has a row in `reversible_change` (what and why: for a replacement its words,
 * which the amending law states as one "по всему тексту" statement; for a rejection the amendment
 * as it was, so that the panel keeps listing it with who and when); `reversible_row` keeps each
 * provision row it touched before and after, so that taking it back puts exactly those rows back
 * and refuses where someone edited them since.
 */
export const reversibleChanges: Migration = {
  version: 10,
  name: 'reversible-changes',
  sql: `
    CREATE TABLE reversible_change (
      id TEXT PRIMARY KEY,
      operation_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('throughout', 'reject')),
      package_id TEXT NOT NULL REFERENCES package(id) ON DELETE CASCADE,
      version_id TEXT NOT NULL REFERENCES version(id) ON DELETE CASCADE,
      uid TEXT,
      detail TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL
    ) STRICT;
    CREATE INDEX reversible_change_by_version ON reversible_change (version_id, kind);
    CREATE INDEX reversible_change_by_operation ON reversible_change (operation_id);
    CREATE INDEX reversible_change_by_package ON reversible_change (package_id, kind);
    CREATE TABLE reversible_row (
      change_id TEXT NOT NULL REFERENCES reversible_change(id) ON DELETE CASCADE,
      uid TEXT NOT NULL,
      before TEXT,
      after TEXT,
      PRIMARY KEY (change_id, uid)
    ) STRICT;
  `,
};
