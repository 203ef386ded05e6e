import type { Migration } from './migration';

/** Snapshots: named, dated, immutable copies of a package's working drafts (e.g. "sent to the Ministry of Justice"). */
export const snapshots: Migration = {
  version: 5,
  name: 'snapshots',
  sql: `
    CREATE TABLE snapshot (
      id TEXT PRIMARY KEY,
      package_id TEXT NOT NULL REFERENCES package(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL
    ) STRICT;

    CREATE TABLE snapshot_provision (
      snapshot_id TEXT NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
      version_id TEXT NOT NULL REFERENCES version(id) ON DELETE CASCADE,
      uid TEXT NOT NULL,
      parent_uid TEXT,
      ord INTEGER NOT NULL,
      kind TEXT NOT NULL,
      num TEXT NOT NULL,
      heading TEXT NOT NULL,
      text TEXT NOT NULL,
      repealed INTEGER NOT NULL,
      notes TEXT NOT NULL,
      PRIMARY KEY (snapshot_id, version_id, uid)
    ) STRICT;
    CREATE TRIGGER snapshot_provision_immutable BEFORE UPDATE ON snapshot_provision BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
  `,
};
