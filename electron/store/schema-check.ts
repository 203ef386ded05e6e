import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/migration';

/** One object of a schema: a table, an index, a trigger or a view, with the SQL that made it. */
interface SchemaObject {
  type: string;
  name: string;
  table: string;
  sql: string;
}

const expected = new Map<number, Map<string, SchemaObject>>();

/**
 * The schema the migrations produce at a version, made once per version by running them on an
 * empty in-memory database: what a file of that version must hold, object for object.
 */
function expectedSchema(version: number, migrations: readonly Migration[], binding: { nativeBinding?: string }): Map<string, SchemaObject> {
  const known = migrations === MIGRATIONS ? expected.get(version) : undefined;
  if (known) return known;
  const db = new Database(':memory:', binding);
  try {
    db.transaction(() => {
      for (const m of migrations) if (m.version <= version) db.exec(m.sql);
    })();
    const schema = schemaOf(db);
    if (migrations === MIGRATIONS) expected.set(version, schema);
    return schema;
  } finally {
    db.close();
  }
}

/** A database's own objects (SQLite's internal ones, `sqlite_%`, left out), by kind and name. */
function schemaOf(db: Database.Database): Map<string, SchemaObject> {
  const rows = db.prepare("SELECT type, name, tbl_name AS \"table\", COALESCE(sql, '') AS sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").all() as SchemaObject[];
  return new Map(rows.map((r) => [`${r.type} ${r.name}`, { ...r, sql: normalized(r.sql) }]));
}

// The same statement as SQLite keeps it, whitespace aside (ALTER TABLE rewrites the text it stores).
const normalized = (sql: string) => sql.replace(/\s+/g, ' ').replace(/\s*([(),])\s*/g, '$1').trim();

/**
 * How a database's schema differs from the one its version should have, in words (the first
 * differences, at most three), or null when they are the same: a table, column, index or trigger
 * dropped, added or changed by hand or by another program. Reads only.
 */
export function schemaDifference(db: Database.Database, options: { nativeBinding?: string; migrations?: readonly Migration[] } = {}): string | null {
  const version = db.pragma('user_version', { simple: true }) as number;
  const want = expectedSchema(version, options.migrations ?? MIGRATIONS, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const have = schemaOf(db);
  const problems: string[] = [];
  for (const [key, w] of want) {
    const h = have.get(key);
    if (!h) problems.push(`the ${w.type} ${w.name} is missing`);
    else if (h.sql !== w.sql) problems.push(`the ${w.type} ${w.name} is not as this version makes it`);
  }
  for (const [key, h] of have) if (!want.has(key)) problems.push(`the ${h.type} ${h.name} is not one of Zan Workbench's`);
  if (problems.length === 0) return null;
  return `${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}`;
}
