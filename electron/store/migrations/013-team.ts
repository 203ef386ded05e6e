import type { Migration } from './migration';

/**
 * A desktop's link to a team server (issue 17). `team_link`: the packages published to (or joined
 * from) a server. `team_synced`: for each provision of such a package's drafts, the server's
 * revision it was last in step with, and its row then (the base of a three-way choice when a push
 * is refused as stale; NULL: deleted). `team_outbox`: the changes saved here and not yet accepted
 * by the server, in order, each under the id its push is retried with (written in the save's own
 * transaction: a change saved is a change that will be pushed, whatever happens after).
 */
export const team: Migration = {
  version: 13,
  name: 'team',
  sql: `
    CREATE TABLE team_link (
      package_id TEXT PRIMARY KEY REFERENCES package(id) ON DELETE CASCADE,
      server_url TEXT NOT NULL,
      linked_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE team_synced (
      version_id TEXT NOT NULL REFERENCES version(id) ON DELETE CASCADE,
      uid TEXT NOT NULL,
      revision INTEGER NOT NULL,
      row TEXT,
      PRIMARY KEY (version_id, uid)
    ) STRICT;
    CREATE TABLE team_outbox (
      seq INTEGER PRIMARY KEY,
      op_id TEXT NOT NULL UNIQUE,
      version_id TEXT NOT NULL REFERENCES version(id) ON DELETE CASCADE,
      changes TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
  `,
};
