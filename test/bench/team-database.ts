import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connect, type Db } from '../../server/db/connect';
import { migrateTeamDatabase } from '../../server/db/migrate';
import { startTestPostgres } from '../team/postgres';

/**
 * A migrated team database of its own for a team benchmark, on a PostgreSQL started for it with
 * PostgreSQL's defaults (fsync on, each commit durable, as a ministry's server runs; not the tests'
 * fast cluster), or ZAN_TEST_PG_URL. Without PostgreSQL the benchmark (`bench`, for the message)
 * stops with exit code 2. `drop` closes the pool, drops the database and stops what was started.
 */
export async function benchDatabase(bench: string): Promise<{ db: Db; url: string; drop(): Promise<void> }> {
  const pgServer = await startTestPostgres({ durable: true });
  if ('unavailable' in pgServer) {
    console.error(`${bench} needs PostgreSQL: ${pgServer.unavailable}.`);
    process.exit(2);
  }
  const name = `zan_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgServer.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(pgServer.url);
  url.pathname = `/${name}`;
  const db = connect(url.toString());
  const drop = async () => {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    pgServer.stop();
  };
  try {
    await migrateTeamDatabase(db);
  } catch (error) {
    await drop();
    throw error;
  }
  return { db, url: url.toString(), drop };
}
