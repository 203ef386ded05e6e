import type { Migration } from './migration';

/**
 * How far each team draft has been pulled (issue 17): the server's highest revision of the draft
 * that this desktop's last pull saw. The next pull asks only for what came after it, rather than
 * the whole draft and its law again — on a 2–3 MB code, after every colleague's save. No row: the
 * draft is pulled whole (as after publishing, or from a server that does not say).
 */
export const teamPulled: Migration = {
  version: 18,
  name: 'team-pulled',
  sql: `
    CREATE TABLE team_pulled (
      version_id TEXT PRIMARY KEY REFERENCES version(id) ON DELETE CASCADE,
      revision INTEGER NOT NULL
    ) STRICT;
  `,
};
