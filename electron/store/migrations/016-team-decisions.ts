import type { Migration } from './migration';

/**
 * The review decisions of the team server that stand here (issue 17), with the revision of the
 * provision each stands on: a change of the provision after it (pulled, or pushed from here)
 * lapses the decision — it was not made on that wording — and the amendment is proposed again,
 * as on the server.
 */
export const teamDecisions: Migration = {
  version: 16,
  name: 'team-decisions',
  sql: `
    CREATE TABLE team_decision (
      version_id TEXT NOT NULL REFERENCES version(id) ON DELETE CASCADE,
      uid TEXT NOT NULL,
      decision TEXT NOT NULL,
      stands_on INTEGER NOT NULL,
      PRIMARY KEY (version_id, uid)
    ) STRICT;
  `,
};
