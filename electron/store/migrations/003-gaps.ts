import type { Migration } from './migration';

/**
 * The gap taxonomy, and which gaps each amendment of a package targets (by package and provision
 * uid, like the other annotations, so they survive re-derivation, renumbering and moves).
 * A retired gap stays on old annotations but is not offered for new ones.
 */
export const gaps: Migration = {
  version: 3,
  name: 'gaps',
  sql: `
    CREATE TABLE gap (
      code TEXT PRIMARY KEY,
      names TEXT NOT NULL,
      descriptions TEXT NOT NULL,
      instrument TEXT NOT NULL,
      retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
      ord INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE amendment_gap (
      package_id TEXT NOT NULL REFERENCES package(id) ON DELETE CASCADE,
      uid TEXT NOT NULL,
      gap_code TEXT NOT NULL REFERENCES gap(code) ON UPDATE CASCADE,
      PRIMARY KEY (package_id, uid, gap_code)
    ) STRICT;

    ALTER TABLE amendment_annotation ADD COLUMN evidence TEXT NOT NULL DEFAULT '';
  `,
};
