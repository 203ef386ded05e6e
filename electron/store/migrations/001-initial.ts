import type { Migration } from './migration';

/**
 * The first schema: works, their expressions per language, versions of each expression (in force
 * at a date, or a package's draft), provisions as rows, and packages (draft amending laws).
 * STRICT tables so a wrong type is an error, not a silent conversion.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
    CREATE TABLE work (
      id TEXT PRIMARY KEY,
      slug TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('law', 'code')),
      date TEXT,
      number TEXT,
      illustrative INTEGER NOT NULL DEFAULT 0 CHECK (illustrative IN (0, 1)),
      modeled_on TEXT
    ) STRICT;

    CREATE TABLE expression (
      id TEXT PRIMARY KEY,
      work_id TEXT NOT NULL REFERENCES work(id) ON DELETE CASCADE,
      lang TEXT NOT NULL CHECK (lang IN ('ru', 'kk', 'en')),
      title TEXT NOT NULL,
      UNIQUE (work_id, lang)
    ) STRICT;

    CREATE TABLE package (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'review', 'submitted', 'archived')),
      authors TEXT NOT NULL DEFAULT '[]',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE version (
      id TEXT PRIMARY KEY,
      expression_id TEXT NOT NULL REFERENCES expression(id) ON DELETE CASCADE,
      status TEXT NOT NULL CHECK (status IN ('in_force', 'draft')),
      in_force_from TEXT,
      package_id TEXT REFERENCES package(id) ON DELETE CASCADE,
      base_version_id TEXT REFERENCES version(id),
      revision INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((status = 'draft') = (package_id IS NOT NULL))
    ) STRICT;
    CREATE UNIQUE INDEX version_one_draft_per_package ON version(package_id, expression_id) WHERE package_id IS NOT NULL;
    CREATE INDEX version_by_expression ON version(expression_id, status);

    CREATE TABLE provision (
      version_id TEXT NOT NULL REFERENCES version(id) ON DELETE CASCADE,
      uid TEXT NOT NULL,
      parent_uid TEXT,
      ord INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('section', 'chapter', 'article', 'part', 'paragraph', 'subparagraph')),
      num TEXT NOT NULL,
      heading TEXT NOT NULL,
      text TEXT NOT NULL,
      repealed INTEGER NOT NULL CHECK (repealed IN (0, 1)),
      notes TEXT NOT NULL DEFAULT '[]',
      PRIMARY KEY (version_id, uid)
    ) STRICT;
    CREATE INDEX provision_children ON provision(version_id, parent_uid, ord);
  `,
};
