import type { Database } from 'better-sqlite3';

/** The connection under each store (store.ts remembers it when it makes one). */
const connections = new WeakMap<object, Database>();

/** Remembers the connection a store was made on (store.ts alone). */
export function rememberConnection(store: object, db: Database): void {
  connections.set(store, db);
}

/**
 * The raw connection of a store, for the tests and the store's own tools that look at the file
 * itself. Nothing outside electron/store/ imports this module (a layering rule,
 * .dependency-cruiser.mjs "raw-connection-in-the-store"): services reach the database through the
 * repositories of a Store or a ReadStore, never through a connection.
 */
export function connectionOf(store: object): Database {
  const db = connections.get(store);
  if (!db) throw new Error('Not a store made by createStore or createReadStore.');
  return db;
}
