import type { Migration } from './migration';

/**
 * Comments are changed only by adding to them (issue 17, as on the team server): an edit is a new
 * row that `supersedes` the first comment of its line, a deletion such a row marked `deleted` (a
 * tombstone, its text empty). Nothing is rewritten or removed, so the log answers for every row.
 * A comment waiting for the team server carries the same two facts.
 */
export const commentVersions: Migration = {
  version: 17,
  name: 'comment-versions',
  sql: `
    ALTER TABLE comment ADD COLUMN supersedes TEXT REFERENCES comment(id);
    ALTER TABLE comment ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE team_comment_out ADD COLUMN supersedes TEXT;
    ALTER TABLE team_comment_out ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;
  `,
};
