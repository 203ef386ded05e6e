import { mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/ipc/handlers';
import { saveDraft } from '../../../electron/services/drafts';
import { compare } from '../../../electron/services/compare';
import { createPackage } from '../../../electron/services/packages';
import { CancelledError } from '../../../electron/services/progress';
import { openVersion } from '../../../electron/services/versions';
import { WorkPool } from '../../../electron/work/pool';
import { seedSyntheticCode } from '../../bench/seed-code';
import { fromWire, SerializedValue, toWire } from '../../../shared/wire';
import { startEditedPackage, useTestContext } from '../harness';
import { turnsDuring } from '../turns';

const current = useTestContext();
let pools: WorkPool[] = [];
afterEach(async () => {
  await Promise.all(pools.map((p) => p.close()));
  pools = [];
});

/** A pool on the test's database file, as the app makes it. */
function workerPool(log: string[] = []): WorkPool {
  const { dir, ctx } = current();
  const pool = new WorkPool({ ctx, databaseFile: join(dir, 'zan.sqlite'), log: (m) => void log.push(m) });
  pools.push(pool);
  return pool;
}

/** A code of 300 articles and a draft with every first paragraph reworded: a comparison that takes a while. */
function bigComparison() {
  const { ctx } = current();
  const lawId = seedSyntheticCode(ctx, 300);
  const pkg = createPackage(ctx, { title: 'Много изменений', baseVersionIds: [lawId] });
  const draftId = pkg.drafts[0]!.versionId;
  const paragraphs = ctx.store.provisions.load(draftId).filter((r) => r.kind === 'paragraph');
  saveDraft(ctx, { versionId: draftId, revision: 0, upserts: paragraphs.map((r) => ({ ...r, text: `${r.text} с участием университетов` })), deletes: [] });
  return { left: { type: 'version' as const, versionId: lawId }, right: { type: 'version' as const, versionId: draftId } };
}

describe('the worker threads', () => {
  it('compare a code on another thread: the same rows as in this thread, while this thread keeps turning', async () => {
    const { ctx } = current();
    const sides = bigComparison();
    const expected = compare(ctx, sides.left, sides.right);
    expect(expected.rows.length).toBeGreaterThan(300);
    const pool = workerPool();
    let got: unknown;
    const turns = await turnsDuring(async () => (got = await pool.run('compare', sides)));
    expect(got).toEqual(expected);
    // Inline, the comparison holds the thread from start to end.
    const inline = await turnsDuring(() => WorkPool.inline(ctx).run('compare', sides));
    expect(inline).toBeLessThanOrEqual(2);
    expect(turns).toBeGreaterThan(10);
  });

  it('report progress up to 100 percent, and read what the main process committed just before', async () => {
    const { ctx } = current();
    const sides = bigComparison();
    const pool = workerPool();
    const percents: number[] = [];
    await pool.run('compare', sides, { onProgress: (done, total) => void percents.push((100 * done) / total) });
    expect(percents.at(-1)).toBe(100);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    // A save in this thread, then a read on the worker: the worker sees it.
    const opened = openVersion(ctx, sides.right.versionId);
    const first = ctx.store.provisions.load(sides.right.versionId).find((r) => r.kind === 'paragraph')!;
    saveDraft(ctx, { versionId: sides.right.versionId, revision: opened.revision, upserts: [{ ...first, text: 'Только что сохранено.' }], deletes: [] });
    const read = await pool.run('openVersion', { versionId: sides.right.versionId });
    expect(JSON.stringify(read.law)).toContain('Только что сохранено.');
    expect(read.revision).toBe(opened.revision + 1);
  });

  it('cancel: a running job stops at its next step, a queued one never starts, and the lane goes on', async () => {
    const sides = bigComparison();
    const pool = workerPool();
    const running = pool.run('compare', sides, { jobId: 'jobrunning' });
    const queued = pool.run('compare', sides, { jobId: 'jobqueued1' });
    const after = pool.run('openVersion', { versionId: sides.left.versionId });
    expect(pool.progress(['jobrunning', 'jobqueued1', 'jobnothere'])).toEqual([
      { jobId: 'jobrunning', state: 'running', percent: 0, label: null },
      { jobId: 'jobqueued1', state: 'queued', percent: 0, label: null },
      { jobId: 'jobnothere', state: 'unknown', percent: 0, label: null },
    ]);
    const outcomes = Promise.allSettled([running, queued]);
    expect(pool.cancel('jobrunning')).toBe(true);
    expect(pool.cancel('jobqueued1')).toBe(true);
    const [ran, waited] = await outcomes;
    expect(ran.status === 'rejected' && ran.reason).toBeInstanceOf(CancelledError);
    expect(waited.status === 'rejected' && waited.reason).toBeInstanceOf(CancelledError);
    expect((await after).versionId).toBe(sides.left.versionId);
    expect(pool.cancel('jobrunning')).toBe(false);
    expect(pool.progress(['jobrunning'])[0]!.state).toBe('unknown');
  });

  it('a job cancelled while it runs is cancelled even if it ends without another step', async () => {
    const sides = bigComparison();
    const pool = workerPool();
    // Opening a version reports no steps: the flag is never looked at on the way.
    const opened = pool.run('openVersion', { versionId: sides.left.versionId }, { jobId: 'jobopening' });
    const outcome = opened.then(() => 'resolved', (error: unknown) => error);
    expect(pool.cancel('jobopening')).toBe(true);
    expect(await outcome).toBeInstanceOf(CancelledError);
    // Inline too.
    const inline = WorkPool.inline(current().ctx);
    const late = inline.run('openVersion', { versionId: sides.left.versionId }, { jobId: 'jobinline1' });
    inline.cancel('jobinline1');
    await expect(late).rejects.toBeInstanceOf(CancelledError);
  });

  it("keep an error's code across the thread, and through the dispatcher", async () => {
    const { ctx, dir } = current();
    const pool = workerPool();
    await expect(pool.run('openVersion', { versionId: 'nosuchversion' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const { pkgId } = startEditedPackage(ctx);
    const dispatch = createDispatcher(createHandlers(ctx, { appVersion: '0', databasePath: join(dir, 'zan.sqlite'), exports: { chooseSavePath: async () => null, chooseFolder: async () => null, printPdf: async () => Buffer.from('') } }, pool), { isTrustedSender: () => true });
    const docs = await dispatch('zan:getPackageDocuments', { packageId: pkgId, lang: 'ru', jobId: 'jobdocs001' }, { url: 'app://' });
    // As the page reads it: the worker's JSON text through the wire (shared/wire.ts).
    expect(fromWire(toWire(docs))).toMatchObject({ ok: true, value: { table: [{ no: 1 }, { no: 2 }] } });
    expect(await dispatch('zan:getPackageDocuments', { packageId: 'nosuchpackage', lang: 'ru' }, { url: 'app://' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch('zan:getPackageDocuments', { packageId: pkgId, lang: 'ru', jobId: 'not-a-job' }, { url: 'app://' })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(await dispatch('zan:workProgress', { jobIds: ['jobdocs001'] }, { url: 'app://' })).toEqual({ ok: true, value: [{ jobId: 'jobdocs001', state: 'unknown', percent: 0, label: null }] });
    expect(await dispatch('zan:cancelWork', { jobId: 'jobdocs001' }, { url: 'app://' })).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('a cancelled job answers CANCELLED through the dispatcher', async () => {
    const { ctx, dir } = current();
    const sides = bigComparison();
    const pool = workerPool();
    const dispatch = createDispatcher(createHandlers(ctx, { appVersion: '0', databasePath: join(dir, 'zan.sqlite'), exports: { chooseSavePath: async () => null, chooseFolder: async () => null, printPdf: async () => Buffer.from('') } }, pool), { isTrustedSender: () => true });
    const reply = dispatch('zan:compare', { ...sides, jobId: 'jobcompare1' }, { url: 'app://' });
    // The dispatcher validates, then hands the job over: wait until the pool knows it.
    while (pool.progress(['jobcompare1'])[0]!.state === 'unknown') await new Promise((ok) => setImmediate(ok));
    expect(await dispatch('zan:cancelWork', { jobId: 'jobcompare1' }, { url: 'app://' })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await reply).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });

  it('a bundle is made on the worker, with its files counted, and written by this thread', async () => {
    const { ctx, dir } = current();
    const { pkgId } = startEditedPackage(ctx);
    const pool = workerPool();
    const out = mkdtempSync(join(dir, 'out-'));
    const dispatch = createDispatcher(createHandlers(ctx, { appVersion: '0', databasePath: join(dir, 'zan.sqlite'), exports: { chooseSavePath: async () => null, chooseFolder: async () => out, printPdf: async () => Buffer.from('') } }, pool), { isTrustedSender: () => true });
    const started = (await dispatch('zan:startBundle', { packageId: pkgId, lang: 'ru', changedOnly: true, comments: false }, { url: 'app://' })) as { ok: true; value: { jobId: string; total: number } };
    expect(started.value.total).toBe(6);
    const seen = new Set<string>();
    for (;;) {
      const status = (await dispatch('zan:bundleStatus', { jobId: started.value.jobId }, { url: 'app://' })) as { ok: true; value: { state: string; done: number; total: number; folder: string | null } };
      seen.add(`${status.value.done}/${status.value.total}`);
      if (status.value.state !== 'running') {
        expect(status.value).toMatchObject({ state: 'done', done: 6, total: 6 });
        expect(readdirSync(status.value.folder!)).toHaveLength(6);
        break;
      }
      await new Promise((ok) => setTimeout(ok, 5));
    }
    // Progress counts files, never percents.
    for (const step of seen) expect(Number(step.split('/')[1])).toBe(6);
  });

  it('when the worker script cannot be loaded at all, the work runs in this thread', async () => {
    const { ctx, dir } = current();
    const log: string[] = [];
    const pool = new WorkPool({ ctx, databaseFile: join(dir, 'zan.sqlite'), workerScript: join(dir, 'no-such-worker.js'), log: (m) => void log.push(m) });
    pools.push(pool);
    const { versionId } = startEditedPackage(ctx);
    expect((await pool.run('openVersion', { versionId })).versionId).toBe(versionId);
    expect((await pool.run('coverage', { packageId: ctx.store.versions.get(versionId)!.packageId! })).amendments).toHaveLength(2);
    expect(log.join('\n')).toMatch(/worker thread unavailable/);
  });

  it('when a worker cannot open the database, the work runs in this thread and is still answered', async () => {
    const { ctx, dir } = current();
    const log: string[] = [];
    const pool = new WorkPool({ ctx, databaseFile: join(dir, 'missing.sqlite'), log: (m) => void log.push(m) });
    pools.push(pool);
    const { versionId } = startEditedPackage(ctx);
    const opened = await pool.run('openVersion', { versionId });
    expect(opened.versionId).toBe(versionId);
    expect(log.join('\n')).toMatch(/worker thread unavailable/);
  });
});

describe('a reply that only goes on to the page comes back from the worker as JSON text', () => {
  it('runForReply on a worker: a SerializedValue equal to the value the task makes inline; run: the value itself', async () => {
    const { ctx } = current();
    const sides = bigComparison();
    const pool = workerPool();
    await pool.ready();
    const serialized = await pool.runForReply('compare', sides);
    expect(serialized).toBeInstanceOf(SerializedValue);
    const inline = compare(ctx, sides.left, sides.right);
    expect((serialized as SerializedValue<typeof inline>).parse()).toEqual(JSON.parse(JSON.stringify(inline)));
    expect(await pool.run('compare', sides)).not.toBeInstanceOf(SerializedValue);
    expect(await WorkPool.inline(ctx).runForReply('compare', sides)).not.toBeInstanceOf(SerializedValue);
  });

  it('the dispatcher validates it against the contract (tests), the wire carries it as text, the bridge reads it back', async () => {
    const { ctx } = current();
    const sides = bigComparison();
    const pool = workerPool();
    await pool.ready();
    const exports = { chooseSavePath: async () => null, chooseFolder: async () => null, printPdf: async () => Buffer.from('') };
    const dispatch = createDispatcher(createHandlers(ctx, { appVersion: 't', databasePath: 'x', exports }, pool), { isTrustedSender: () => true, validateOutputs: true });
    const reply = await dispatch('zan:compare', sides, { url: 'app://zan/' });
    const wire = toWire(reply);
    expect(wire).toEqual({ ok: true, json: expect.any(String) });
    expect(fromWire(structuredClone(wire))).toEqual({ ok: true, value: JSON.parse(JSON.stringify(compare(ctx, sides.left, sides.right))) });
    // Anything else crosses as it is.
    expect(fromWire(toWire({ ok: true, value: { json: 'not a serialized reply' } }))).toEqual({ ok: true, value: { json: 'not a serialized reply' } });
    expect(fromWire(toWire({ ok: false, error: { code: 'NOT_FOUND', message: 'x' } }))).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'x' } });
  });
});
