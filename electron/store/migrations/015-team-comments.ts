import type { Migration } from './migration';

/**
 * The comments made here on packages on a team server and not yet taken by it (issue 17), in
 * order: written in the comment's own transaction, sent by the sync loop, removed once the server
 * has them (a comment retried after a lost answer is taken once: the server knows its id).
 */
export const teamComments: Migration = {
  version: 15,
  name: 'team-comments',
  sql: `
    CREATE TABLE team_comment_out (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      package_id TEXT NOT NULL REFERENCES package(id) ON DELETE CASCADE,
      uid TEXT NOT NULL,
      parent_id TEXT,
      text TEXT NOT NULL
    ) STRICT;
  `,
};
