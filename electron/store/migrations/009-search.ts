import type { Migration } from './migration';

/**
 * Full-text search over the library (electron/services/search.ts): an FTS5 index of trigrams, so
 * that a word's stem finds every form of it (Russian inflection, Kazakh endings), over the units of
 * every text in force and the units a draft changed (a draft's other units are its base's). The
 * index holds no text of its own (contentless): the units are read back from `provision`.
 * `search_entry` names each indexed unit; `search_state` says which revision of a version the index
 * is current with, so that it is brought up to date in steps after an import or an update.
 */
export const search: Migration = {
  version: 9,
  name: 'search',
  sql: `
    CREATE TABLE search_entry (
      id INTEGER PRIMARY KEY,
      version_id TEXT NOT NULL REFERENCES version(id) ON DELETE CASCADE,
      uid TEXT NOT NULL,
      UNIQUE (version_id, uid)
    ) STRICT;
    CREATE VIRTUAL TABLE search_text USING fts5(body, content = '', contentless_delete = 1, tokenize = 'trigram remove_diacritics 1');
    CREATE TRIGGER search_entry_gone AFTER DELETE ON search_entry BEGIN
      DELETE FROM search_text WHERE rowid = old.id;
    END;
    CREATE TABLE search_state (
      version_id TEXT PRIMARY KEY REFERENCES version(id) ON DELETE CASCADE,
      revision INTEGER NOT NULL,
      base_version_id TEXT
    ) STRICT;
  `,
};
