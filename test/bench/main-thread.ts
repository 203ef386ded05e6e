// `npm run bench:main-thread`: how long one IPC call holds the main process's event loop, at the
// contract's size limits (issue 16: no handler may block it for more than 50 ms; heavy work goes to
// the worker threads). The app's handler table, dispatcher and worker pool over a real database;
// the event loop ticks every turn and the longest gap while a call runs is its block. Reported
// beside a trivial call's block in the same run; the last line is JSON.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/ipc/handlers';
import { APP_ORIGIN } from '../../electron/shell/app-url';
import { sameOriginCheck } from '../../electron/shell/origin';
import { WorkPool } from '../../electron/work/pool';
import { newUid, type ProvisionRow } from '../../shared/law';
import { FROM_APP, openApp } from '../reliability/app-context';
import { seedSyntheticCode } from './seed-code';

const TARGET_MS = 50;
const dir = mkdtempSync(join(tmpdir(), 'zan-main-thread-'));
const file = join(dir, 'bench.sqlite');
const app = openApp(file);
// Worker threads are unreferenced: this keeps the process alive while it waits for them.
const keepAlive = setInterval(() => undefined, 1000);
const work = new WorkPool({ ctx: app.ctx, databaseFile: file, log: (m, e) => console.error(m, e) });
await work.ready();
const exports = { chooseSavePath: async () => null, chooseFolder: async () => null, printPdf: async () => Buffer.from('') };
const dispatch = createDispatcher(createHandlers(app.ctx, { appVersion: 'bench', databasePath: file, exports }, work), { isTrustedSender: sameOriginCheck(APP_ORIGIN) });

const results: { name: string; block_ms: number; total_ms: number; ok: boolean }[] = [];

/** The longest the event loop was held while a call ran (a tick every turn, the largest gap), and the call's whole time. */
async function measure<R extends { ok: boolean }>(name: string, call: () => Promise<R>): Promise<R> {
  let last = performance.now();
  let block = 0;
  let running = true;
  const tick = () => {
    const now = performance.now();
    block = Math.max(block, now - last);
    last = now;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  const started = performance.now();
  const reply = await call();
  const total = performance.now() - started;
  // The gap that ends with this call is read at the next turn.
  await new Promise((resolve) => setImmediate(resolve));
  running = false;
  const result = { name, block_ms: Math.round(block), total_ms: Math.round(total), ok: reply.ok };
  console.error(`${name}: held the main thread ${result.block_ms} ms (of ${result.total_ms} ms)${reply.ok ? '' : ' — the call failed'}`);
  results.push(result);
  return reply;
}

try {
  const base = app.ctx.store.versions.listInForce().find((v) => app.ctx.store.works.getExpression(v.expressionId)?.lang === 'ru')!;
  const made = await dispatch('zan:createPackage', { title: 'Замер', baseVersionIds: [base.id] }, FROM_APP);
  if (!made.ok) throw new Error(made.error.message);
  const versionId = (made.value as { drafts: { versionId: string }[] }).drafts[0]!.versionId;
  await measure('a trivial call (listPackages)', () => dispatch('zan:listPackages', {}, FROM_APP));
  // A law of 4.9 million characters (the limit of a text compared): numbered articles of one paragraph.
  let text = '';
  for (let i = 1; text.length < 4_850_000; i++) text += `Статья ${i}. Заголовок статьи ${i}\n1. Текст пункта статьи ${i}, достаточно длинный для счёта.\n`;
  await measure('compare with a 4.9 M character text', () => dispatch('zan:compare', { left: { type: 'version', versionId: base.id }, right: { type: 'text', text, lang: 'ru' } }, FROM_APP));
  const article = app.ctx.store.provisions.load(versionId).find((r) => r.kind === 'article')!;
  const upserts: ProvisionRow[] = Array.from({ length: 50_000 }, (_, i) => ({ uid: newUid(), parentUid: article.uid, ord: 1000 + i, kind: 'paragraph', num: String(1000 + i), heading: '', text: 'Новый пункт.', repealed: false, notes: [] }));
  await measure('saveDraft with 50,000 new rows', () => dispatch('zan:saveDraft', { versionId, revision: 0, upserts, deletes: [] }, FROM_APP));
  // A 1,200-article code (~2.5 MB): a package started on it, a text edit and a structural edit (a new article) saved.
  const codeId = seedSyntheticCode(app.ctx, 1200);
  const started = await measure('createPackage on a 1,200-article code', () => dispatch('zan:createPackage', { title: 'Кодекс', baseVersionIds: [codeId] }, FROM_APP));
  if (!started.ok) throw new Error(String((started as { error: { message: string } }).error.message));
  const codeDraft = (started.value as { drafts: { versionId: string }[] }).drafts[0]!.versionId;
  const codeRows = app.ctx.store.provisions.load(codeDraft);
  const paragraph = codeRows.find((r) => r.kind === 'paragraph')!;
  await measure('saveDraft of one paragraph of the code', () => dispatch('zan:saveDraft', { versionId: codeDraft, revision: 0, upserts: [{ ...paragraph, text: `${paragraph.text} Дополнено.` }], deletes: [] }, FROM_APP));
  const lastArticle = codeRows.filter((r) => r.kind === 'article').at(-1)!;
  const newArticle: ProvisionRow = { uid: newUid(), parentUid: lastArticle.parentUid, ord: lastArticle.ord + 1, kind: 'article', num: `${lastArticle.num}-1`, heading: 'Новая статья', text: 'Текст новой статьи.', repealed: false, notes: [] };
  await measure('saveDraft of a new article in the code', () => dispatch('zan:saveDraft', { versionId: codeDraft, revision: 1, upserts: [newArticle], deletes: [] }, FROM_APP));
  const trivial = results[0]!.block_ms || 1;
  console.log(JSON.stringify({ target_ms: TARGET_MS, calls: results.map((r) => ({ ...r, over_target: r.block_ms > TARGET_MS, vs_trivial: Math.round(r.block_ms / trivial) })) }));
} finally {
  await work.close();
  app.close();
  clearInterval(keepAlive);
  rmSync(dir, { recursive: true, force: true });
}
