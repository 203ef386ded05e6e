import type { Migration } from './migration';

/**
 * Which derivation made each draft's stored amendments (shared/amend DERIVATION_VERSION). Every
 * output reads the stored list; a list made by an older derivation (a database from before an
 * update that changed how amendments are derived) is derived again from the texts before it is read.
 */
export const amendmentDerivation: Migration = {
  version: 8,
  name: 'amendment derivation',
  sql: `
    CREATE TABLE amendment_derivation (
      version_id TEXT PRIMARY KEY REFERENCES version(id) ON DELETE CASCADE,
      derived_by INTEGER NOT NULL
    ) STRICT;
  `,
};
