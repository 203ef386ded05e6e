import { PROTOCOL_HEADER, TEAM_PROTOCOL } from '../../shared/team/contract';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach, describe, inject } from 'vitest';
import { connect, type Db } from '../../server/db/connect';
import { migrateTeamDatabase } from '../../server/db/migrate';
import { startTeamServer, type TeamServer } from '../../server/http/app';

/** `describe` where the tests' PostgreSQL runs; skipped (said once by the global setup) where this machine has none. */
export const describeTeam: typeof describe = (inject('pgUrl') ? describe : describe.skip) as typeof describe;

/** The URL of another database on the tests' PostgreSQL. */
function databaseUrl(name: string): string {
  const url = new URL(inject('pgUrl'));
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates an empty database of its own for one test; returns its URL and how to drop it. */
export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `zan_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: inject('pgUrl') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    url: databaseUrl(name),
    drop: async () => {
      const again = new pg.Client({ connectionString: inject('pgUrl') });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}

/** A migrated team database and a server on it (127.0.0.1, a free port) for each test. */
export function useTeamServer(options: { recheckMs?: number } = {}): () => { db: Db; url: string; server: TeamServer; databaseUrl: string } {
  let current: { db: Db; url: string; server: TeamServer; databaseUrl: string; drop(): Promise<void> } | null = null;
  beforeEach(async () => {
    const fresh = await freshDatabase();
    const db = connect(fresh.url);
    await migrateTeamDatabase(db);
    // Rejections worked out on the service's worker, as `zan server` does.
    const server = await startTeamServer({ db, host: '127.0.0.1', port: 0, log: () => undefined, databaseUrl: fresh.url, ...(options.recheckMs ? { recheckMs: options.recheckMs } : {}) });
    current = { db, url: server.url, server, databaseUrl: fresh.url, drop: fresh.drop };
  });
  afterEach(async () => {
    if (!current) return;
    await current.server.close();
    await current.db.close();
    await current.drop();
    current = null;
  });
  return () => current!;
}

/** A desktop's calls to the service, with one person's token and one device's name. */
export function teamClient(url: string, token: string, device: string) {
  const call = async <T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'x-zan-device': device, [PROTOCOL_HEADER]: String(TEAM_PROTOCOL), ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return { status: response.status, body: (await response.json()) as T };
  };
  return { call, get: <T>(path: string) => call<T>('GET', path), post: <T>(path: string, body: unknown) => call<T>('POST', path, body) };
}
