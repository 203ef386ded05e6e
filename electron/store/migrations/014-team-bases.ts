import type { Migration } from './migration';

/**
 * The law texts that came with packages joined from a team server (issue 17). A package published
 * by another desktop is made on the publisher's copy of the law: the same law as the one in this
 * desktop's library, but with the publisher's ids for each provision, which the package's drafts,
 * amendments and revisions follow. That copy is kept as a text in force of the same law (matched by
 * slug), reached through the package; the library goes on showing this desktop's own text, so
 * the law is not listed twice.
 */
export const teamBases: Migration = {
  version: 14,
  name: 'team-bases',
  sql: `
    CREATE TABLE team_base (
      version_id TEXT PRIMARY KEY REFERENCES version(id) ON DELETE CASCADE,
      package_id TEXT NOT NULL REFERENCES package(id) ON DELETE CASCADE
    ) STRICT;
  `,
};
