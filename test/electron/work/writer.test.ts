import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/ipc/handlers';
import { verifyAudit } from '../../../electron/services/audit/check';
import { headFileOf } from '../../../electron/services/audit/head';
import { createPackage } from '../../../electron/services/packages';
import { openWriter } from '../../../electron/store/database';
import { WorkPool } from '../../../electron/work/pool';
import { derive } from '../../../shared/amend';
import { newUid, rowsToLaw, type ProvisionRow } from '../../../shared/law';
import { seedSyntheticCode } from '../../bench/seed-code';
import { useTestContext } from '../harness';
import { turnsDuring } from '../turns';

const current = useTestContext();
let pools: WorkPool[] = [];
afterEach(async () => {
  await Promise.all(pools.map((p) => p.close()));
  pools = [];
});

function workerPool(): WorkPool {
  const { dir, ctx } = current();
  const pool = new WorkPool({ ctx, databaseFile: join(dir, 'zan.sqlite'), log: () => undefined });
  pools.push(pool);
  return pool;
}

/** A draft of a 200-article code and `count` new paragraphs for its first article. */
function bigSave(count: number) {
  const { ctx } = current();
  const lawId = seedSyntheticCode(ctx, 200);
  const pkg = createPackage(ctx, { title: 'Много строк', baseVersionIds: [lawId] });
  const versionId = pkg.drafts[0]!.versionId;
  const article = ctx.store.provisions.load(versionId).find((r) => r.kind === 'article')!;
  const upserts: ProvisionRow[] = Array.from({ length: count }, (_, i) => ({ uid: newUid(), parentUid: article.uid, ord: 1000 + i, kind: 'paragraph', num: String(1000 + i), heading: '', text: `Новый пункт ${i}.`, repealed: false, notes: [] }));
  return { versionId, upserts };
}

describe('the writer thread', () => {
  it('saves 12,000 new rows (sent in parts) while this thread keeps turning; this thread reads them, and the log it signed checks', async () => {
    const { ctx, dir } = current();
    const { versionId, upserts } = bigSave(12_000);
    const before = ctx.store.provisions.load(versionId).length;
    const pool = workerPool();
    let saved: { revision: number } | undefined;
    const turns = await turnsDuring(async () => (saved = await pool.run('saveDraft', { versionId, revision: 0, upserts, deletes: [] }, { partsOf: 'upserts' })));
    expect(saved!.revision).toBe(1);
    // Every row, in one transaction: none lost in the parts.
    expect(ctx.store.provisions.load(versionId).length).toBe(before + 12_000);
    expect(ctx.store.versions.get(versionId)!.revision).toBe(1);
    // The amendments the writer thread derived and stored are a fresh derivation's.
    const draft = ctx.store.versions.get(versionId)!;
    const fresh = derive(rowsToLaw(ctx.store.provisions.load(draft.baseVersionId!), 'ru'), rowsToLaw(ctx.store.provisions.load(versionId), 'ru'));
    expect(JSON.parse(JSON.stringify(ctx.store.amendments.listForVersion(versionId)))).toEqual(JSON.parse(JSON.stringify(fresh)));
    expect(fresh.length).toBeGreaterThan(0);
    expect(turns).toBeGreaterThan(10);
    // Signed with the install key given to the thread: the whole log checks here, and the head file follows.
    expect(verifyAudit(ctx)).toMatchObject({ ok: true });
    const last = ctx.store.review.lastAudit()!;
    expect(last.action).toBe('save');
    expect(readFileSync(headFileOf(join(dir, 'zan.sqlite')), 'utf8')).toContain(last.hash);
  });

  it('a refused save keeps its code across the thread and leaves the draft as it was', async () => {
    const { ctx } = current();
    const { versionId, upserts } = bigSave(10);
    const pool = workerPool();
    await expect(pool.run('saveDraft', { versionId, revision: 5, upserts, deletes: [] })).rejects.toMatchObject({ code: 'CONFLICT', key: 'draft.savedElsewhere' });
    const bad = { ...upserts[0]!, parentUid: 'nosuchparent1' };
    await expect(pool.run('saveDraft', { versionId, revision: 0, upserts: [bad], deletes: [] })).rejects.toMatchObject({ code: expect.stringMatching(/INVALID_LAW|NOT_FOUND|INVALID_INPUT/) });
    expect(ctx.store.versions.get(versionId)!.revision).toBe(0);
  });

  it("the main process's writes wait for the writer's save, and the writer waits for them: neither meets the other's lock", async () => {
    const { ctx } = current();
    const { versionId, upserts } = bigSave(6000);
    const pool = workerPool();
    const order: string[] = [];
    const save = pool.run('saveDraft', { versionId, revision: 0, upserts, deletes: [] }, { partsOf: 'upserts' }).then(() => order.push('save'));
    // Asked while the save is under way: runs once it is committed, and sees it.
    const seen = pool.exclusive(() => {
      order.push('main');
      return ctx.store.versions.get(versionId)!.revision;
    });
    expect(await seen).toBe(1);
    await save;
    expect(order).toEqual(['save', 'main']);
    // A write of the main process that takes several turns: a save asked meanwhile starts after it.
    let release!: () => void;
    const held = pool.exclusive(() => new Promise<void>((ok) => (release = ok)));
    const next = pool.run('saveDraft', { versionId, revision: 1, upserts: [{ ...upserts[0]!, text: 'Изменено позже.' }], deletes: [] });
    for (let i = 0; i < 50; i++) await new Promise((ok) => setImmediate(ok));
    expect(ctx.store.versions.get(versionId)!.revision).toBe(1);
    release();
    await held;
    expect((await next).revision).toBe(2);
  });

  it('the IPC save goes through the writer thread: the handler answers, and the main memo derived nothing', async () => {
    const { ctx, dir } = current();
    const { versionId, upserts } = bigSave(3000);
    const pool = workerPool();
    const dispatch = createDispatcher(createHandlers(ctx, { appVersion: '0', databasePath: join(dir, 'zan.sqlite'), exports: { chooseSavePath: async () => null, chooseFolder: async () => null, printPdf: async () => Buffer.from('') } }, pool), { isTrustedSender: () => true });
    ctx.memo.derivations.clear();
    const reply = await dispatch('zan:saveDraft', { versionId, revision: 0, upserts, deletes: [] }, { url: 'app://' });
    expect(reply).toMatchObject({ ok: true, value: { revision: 1 } });
    expect(ctx.memo.derivations.has(versionId)).toBe(false);
    // Inline (no database file), the same handler saves in this thread and keeps the derivation here.
    const inline = createDispatcher(createHandlers(ctx, { appVersion: '0', databasePath: ':memory:', exports: { chooseSavePath: async () => null, chooseFolder: async () => null, printPdf: async () => Buffer.from('') } }), { isTrustedSender: () => true });
    expect(await inline('zan:saveDraft', { versionId, revision: 1, upserts: [{ ...upserts[0]!, text: 'Ещё раз.' }], deletes: [] }, { url: 'app://' })).toMatchObject({ ok: true, value: { revision: 2 } });
    expect(ctx.memo.derivations.get(versionId)?.revision).toBe(2);
  });
});

describe('closing the pool (the app quits)', () => {
  it('makes the save under way and the one waiting before the threads stop, and refuses work asked after', async () => {
    const { ctx } = current();
    const { versionId, upserts } = bigSave(6000);
    const pool = workerPool();
    const first = pool.run('saveDraft', { versionId, revision: 0, upserts: upserts.slice(0, 3000), deletes: [] }, { partsOf: 'upserts' });
    const second = pool.run('saveDraft', { versionId, revision: 1, upserts: upserts.slice(3000), deletes: [] }, { partsOf: 'upserts' });
    const closed = pool.close();
    await expect(pool.run('openVersion', { versionId })).rejects.toThrow(/closing/);
    await closed;
    expect((await first).revision).toBe(1);
    expect((await second).revision).toBe(2);
    expect(ctx.store.versions.get(versionId)!.revision).toBe(2);
  });
});

describe('openWriter', () => {
  it("opens the app's database for writing without migrating it, and refuses a file that is not Zan's at this version", () => {
    const { dir } = current();
    const db = openWriter(join(dir, 'zan.sqlite'));
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('recursive_triggers', { simple: true })).toBe(1);
    db.close();
    const other = join(dir, 'other.sqlite');
    const foreign = new Database(other);
    foreign.exec('CREATE TABLE t (x)');
    foreign.close();
    expect(() => openWriter(other)).toThrow(/not Zan's/);
    const older = join(dir, 'older.sqlite');
    writeFileSync(older, readFileSync(join(dir, 'zan.sqlite')));
    const aged = new Database(older);
    aged.pragma('user_version = 3');
    aged.close();
    expect(() => openWriter(older)).toThrow(/version 3/);
    expect(() => openWriter(join(dir, 'none.sqlite'))).toThrow();
    expect(existsSync(join(dir, 'none.sqlite'))).toBe(false);
  });
});
