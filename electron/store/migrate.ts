import type { Database } from 'better-sqlite3';
import { StoreError } from './errors';
import { LATEST_VERSION, MIGRATIONS } from './migrations';
import type { Migration } from './migrations/migration';

/**
 * Brings a database to the latest schema: every pending migration and the new user_version in one
 * transaction, so a crash leaves either the old schema or the new one, never half of it.
 * Returns the versions applied.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) throw tooNew(current, latest);
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return [];
  db.transaction(() => {
    for (const m of pending) db.exec(m.sql);
    // PRAGMA takes no bound parameters; the value is an integer from our own table.
    db.exec(`PRAGMA user_version = ${Math.trunc(latest)}`);
  })();
  return pending.map((m) => m.version);
}

/** The error for a database written by a newer Zan Workbench. */
export function tooNew(found: number, supported: number = LATEST_VERSION): StoreError {
  return new StoreError(
    'DB_TOO_NEW',
    `This database was written by a newer version of Zan Workbench (schema ${found}; this version reads up to ${supported}). ` +
      'It has not been opened or changed. Update Zan Workbench to open it.',
  );
}
