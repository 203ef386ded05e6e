import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServiceContext, canWrite, type ReadContext, type ServiceContext } from '../../../electron/services/context';
import { openDatabase, openReader } from '../../../electron/store/database';
import type { ReadableDB, WritableDB } from '../../../electron/store/handles';
import { createReadStore, createStore, isWritable, type ReadStore, type Store } from '../../../electron/store/store';
import { useTestContext } from '../harness';

const current = useTestContext();

// What the compiler refuses: each marked line below must stay an error (tsc checks the tests too,
// and an expected error that is no longer one fails `npm run typecheck`).
function compileTimeRefusals(readable: ReadableDB, writable: WritableDB, read: ReadStore, readCtx: ReadContext, write: (ctx: ServiceContext) => void): void {
  // @ts-expect-error a read-only connection does not make a writing store
  createStore(readable);
  createReadStore(writable);
  // @ts-expect-error a read store has no method that writes
  read.provisions.apply('v', { upserts: [], deletes: [] });
  // @ts-expect-error nor a transaction
  read.transaction(() => undefined);
  // @ts-expect-error a read path cannot be handed to a write
  write(readCtx);
  // @ts-expect-error no raw connection on a store
  void read.db;
}
void compileTimeRefusals;

describe('branded connections and stores (a read path cannot write)', () => {
  it('a read store on a read-only connection reads what the writer committed, says it cannot write, and SQLite refuses a write forced past the types', () => {
    const { dir, ctx } = current();
    const file = join(dir, 'zan.sqlite');
    const read = createReadStore(openReader(file));
    try {
      expect(isWritable(read)).toBe(false);
      expect(isWritable(ctx.store)).toBe(true);
      expect(canWrite(createServiceContext(read))).toBe(false);
      expect(canWrite(ctx)).toBe(true);
      expect(read.file).toBe(file);
      expect(read.packages.list().length).toBe(ctx.store.packages.list().length);
      // The repositories are the same classes underneath: a write forced through a cast still fails, on the connection.
      const forced = read as unknown as Store;
      expect(() => forced.packages.touch('x', 'now')).toThrow(/readonly/i);
    } finally {
      read.close();
    }
    expect(read.isOpen()).toBe(false);
  });

  it('a store says its file (none in memory) and whether it is open; closing goes through it', () => {
    const memory = createStore(openDatabase(':memory:'));
    expect(memory.file).toBeNull();
    expect(memory.isOpen()).toBe(true);
    memory.close();
    expect(memory.isOpen()).toBe(false);
  });

  it('a read transaction sees one state of the store, and ends whatever the task does', async () => {
    const { dir, ctx } = current();
    const read = createReadStore(openReader(join(dir, 'zan.sqlite')));
    try {
      const before = read.packages.list().length;
      const seen = await read.readTransaction(async () => {
        const first = read.packages.list().length;
        ctx.store.packages.insert({ id: 'pkgafter01', title: 'Позже', status: 'draft', authors: [], createdAt: ctx.now(), updatedAt: ctx.now() });
        await new Promise((ok) => setImmediate(ok));
        return [first, read.packages.list().length];
      });
      expect(seen).toEqual([before, before]);
      expect(read.packages.list().length).toBe(before + 1);
      await expect(read.readTransaction(async () => Promise.reject(new Error('the task failed')))).rejects.toThrow('the task failed');
      expect(read.packages.list().length).toBe(before + 1);
    } finally {
      read.close();
    }
  });
});
