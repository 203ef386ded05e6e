import type { Db } from './connect';
import { SERVER_MIGRATIONS, SERVER_SCHEMA_VERSION } from './migrations';

/** The name the team service writes into its schema table, to tell its database from another's. */
const APP = 'zan-team';

/** A database the team service will not use, with why in words. */
export class TeamDatabaseRefused extends Error {}

/** The oldest PostgreSQL the service runs on (server_version_num): 15, as Debian 12 ships. */
export const OLDEST_POSTGRES = 150000;

/** Refuses a PostgreSQL older than OLDEST_POSTGRES, saying which it is (its server_version_num). */
export function requirePostgresVersion(versionNum: number): void {
  if (versionNum >= OLDEST_POSTGRES) return;
  const major = Math.floor(versionNum / 10000);
  throw new TeamDatabaseRefused(`This PostgreSQL is version ${major}; the team service needs 15 or later. Nothing was changed.`);
}

/**
 * Brings a team database to this build's schema, step by step, all in one transaction (PostgreSQL
 * changes a schema transactionally: a step that fails leaves the database as it was). An
 * empty database gets the schema; one of this service at an earlier version is upgraded; one
 * at a later version, or with tables that are not this service's, is refused untouched.
 * Two servers starting at once do not both migrate: an advisory lock serializes them. A
 * PostgreSQL older than 15 is refused before anything is read.
 */
export async function migrateTeamDatabase(db: Db): Promise<{ from: number; to: number }> {
  return db.tx(async (q) => {
    const [server] = await q.query<{ v: number }>("SELECT current_setting('server_version_num')::int AS v");
    requirePostgresVersion(server!.v);
    await q.query('SELECT pg_advisory_xact_lock(7236431)');
    const tables = await q.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'");
    const names = new Set(tables.map((t) => t.name));
    let from = 0;
    if (names.has('zan_team_schema')) {
      const [row] = await q.query<{ app: string; version: number }>('SELECT app, version FROM zan_team_schema');
      if (!row || row.app !== APP) throw new TeamDatabaseRefused('This PostgreSQL database is not a Zan team database (its schema table names another application). Nothing was changed.');
      if (row.version > SERVER_SCHEMA_VERSION) throw new TeamDatabaseRefused(`This team database is at schema version ${row.version}, newer than this server (${SERVER_SCHEMA_VERSION}). Update the server; nothing was changed.`);
      from = row.version;
    } else if (names.size > 0) {
      throw new TeamDatabaseRefused(`This PostgreSQL database already has tables of another application (${[...names].slice(0, 3).join(', ')}…). Give the team service a database of its own; nothing was changed.`);
    } else {
      await q.query('CREATE TABLE zan_team_schema (app text NOT NULL, version int NOT NULL)');
      await q.query('INSERT INTO zan_team_schema (app, version) VALUES ($1, 0)', [APP]);
    }
    for (const step of SERVER_MIGRATIONS) {
      if (step.version <= from) continue;
      await q.query(step.sql);
      await q.query('UPDATE zan_team_schema SET version = $1', [step.version]);
    }
    return { from, to: SERVER_SCHEMA_VERSION };
  });
}
