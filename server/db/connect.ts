import pg from 'pg';

/** A query's rows. */
export type Rows<T> = T[];

/**
 * What the team service's modules need of PostgreSQL: a query, and a transaction that commits
 * what its function did or rolls it all back. One pool per server; a transaction has its own
 * client for its whole length.
 */
export interface Db {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Rows<T>>;
  /** Runs `fn` in one transaction (READ COMMITTED; rows are locked where it matters, FOR UPDATE). */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /** A client of its own, for LISTEN (events.ts); released by the caller. */
  listener(): Promise<pg.PoolClient>;
  close(): Promise<void>;
}

/** What a transaction's function may call. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Rows<T>>;
}

/** Opens a pool on a PostgreSQL URL (postgres://user@host:port/database). */
export function connect(url: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle client that loses its server (a restart) must not end the process: the next query reconnects.
  pool.on('error', () => undefined);
  const query = async <T>(client: pg.Pool | pg.PoolClient, sql: string, params: readonly unknown[] = []): Promise<Rows<T>> => (await client.query(sql, params as unknown[])).rows as T[];
  return {
    query: (sql, params) => query(pool, sql, params),
    tx: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({ query: (sql, params) => query(client, sql, params) });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    listener: () => pool.connect(),
    close: () => pool.end(),
  };
}
