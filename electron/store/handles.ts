import type Database from 'better-sqlite3';

declare const READABLE: unique symbol;
declare const WRITABLE: unique symbol;

/**
 * A connection that may be read: every connection the store opens (database.ts). A read store
 * (createReadStore: the reading worker threads') holds only this, so a read path cannot be given
 * a connection to write with. After Signal Desktop's `ReadableDB` (ts/sql/Interface.ts).
 */
export type ReadableDB = Database.Database & { readonly [READABLE]: true };

/** A connection that may also be written: the main process's and the writer thread's. */
export type WritableDB = ReadableDB & { readonly [WRITABLE]: true };

/** Brands a connection opened read-only (database.ts openReader alone). */
export function readableHandle(db: Database.Database): ReadableDB {
  return db as ReadableDB;
}

/** Brands a connection opened for writing (database.ts openDatabase and openWriter alone). */
export function writableHandle(db: Database.Database): WritableDB {
  return db as WritableDB;
}
