import type { Migration } from './migration';

/**
 * Amendments derived for each working draft (replaced on every save), and what people attach to
 * an amendment, keyed by (package, uid) so it survives re-derivation and renumbering.
 */
export const amendments: Migration = {
  version: 2,
  name: 'amendments',
  sql: `
    CREATE TABLE amendment (
      version_id TEXT NOT NULL REFERENCES version(id) ON DELETE CASCADE,
      uid TEXT NOT NULL,
      ord INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('words', 'restate', 'insert', 'repeal', 'renumber', 'move')),
      e_id TEXT NOT NULL,
      path TEXT NOT NULL,
      base TEXT,
      proposed TEXT,
      ops TEXT NOT NULL,
      heading_ops TEXT NOT NULL,
      extra TEXT NOT NULL,
      PRIMARY KEY (version_id, uid)
    ) STRICT;
    CREATE INDEX amendment_order ON amendment(version_id, ord);

    CREATE TABLE amendment_annotation (
      package_id TEXT NOT NULL REFERENCES package(id) ON DELETE CASCADE,
      uid TEXT NOT NULL,
      justification TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'rejected')),
      updated_at TEXT NOT NULL,
      PRIMARY KEY (package_id, uid)
    ) STRICT;
  `,
};
