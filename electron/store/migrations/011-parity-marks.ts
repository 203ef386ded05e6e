import type { Migration } from './migration';

/**
 * Units a drafter marked "unchanged in this language" (electron/services/parity.ts): the unit of a
 * draft whose text stays as it is while the other official language's text of it changes, as an
 * amending law may say ("текст на казахском языке не изменяется"). `against` is the other text's
 * wording when it was marked: if that wording changes again, the mark no longer answers for it and
 * the unit is flagged until it is matched or marked again.
 */
export const parityMarks: Migration = {
  version: 11,
  name: 'parity-marks',
  sql: `
    CREATE TABLE parity_mark (
      version_id TEXT NOT NULL REFERENCES version(id) ON DELETE CASCADE,
      uid TEXT NOT NULL,
      against TEXT NOT NULL,
      marked_by TEXT NOT NULL,
      marked_at TEXT NOT NULL,
      PRIMARY KEY (version_id, uid)
    ) STRICT;
  `,
};
