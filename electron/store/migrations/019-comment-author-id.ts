import type { Migration } from './migration';

/**
 * Who wrote a comment on a package on a team server, by the server's id of the person (issue 17):
 * whether a comment is one's own (to edit or delete) was told by the author's name, and two people
 * of a ministry may share a name — the server, which goes by the id, then refused the edit the
 * desktop had let through. Null for a comment made off a team (told by name, as before).
 */
export const commentAuthorId: Migration = {
  version: 19,
  name: 'comment-author-id',
  sql: `
    ALTER TABLE comment ADD COLUMN author_id TEXT;
  `,
};
