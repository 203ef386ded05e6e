// `npm run bench:editor`: the editor on a 2.3 MB code against a 19 KB law, in one run, in headless
// Chromium over the e2e harness (real SQLite, the real handler table), on the production build of
// the renderer. Prints a table, then one JSON object as the last line. Every timed operation is
// checked: a key must reach the text, Enter must add a unit and undo take it back, a save must land.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createPackage } from '../../../electron/services/packages';
import { listLibrary } from '../../../electron/services/library';
import type { ServiceContext } from '../../../electron/services/context';
import { printLaw, rowsToLaw } from '../../../shared/law';
import { launchChromium, startApp, type E2EApp } from '../../e2e/app-server';
import { buildApp } from '../../e2e/build-app';
import { seedSyntheticCode, SYNTHETIC_SLUG } from '../seed-code';
import { measureDocuments, type DocumentFigures } from './documents';
import { measureImport, type ImportFigures } from './import-version';
import { installProbes, type Probes } from './probes';

const log = (line: string) => process.stdout.write(`${line}\n`);
const RUNS = Number(process.env['ZAN_BENCH_RUNS'] ?? 3);
const KEYS = Number(process.env['ZAN_BENCH_KEYS'] ?? 200);
const SMALL_SLUG = 'endowment-funds';
const BIG_SLUG = SYNTHETIC_SLUG;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor(s.length / 2)] as number) : NaN;
}

function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number) : NaN;
}

function check(ok: unknown, what: string): void {
  if (!ok) throw new Error(`benchmark check failed: ${what}`);
}

/** The version in force of a Russian text, by its work's slug. */
function versionOf(ctx: ServiceContext, slug: string): string {
  const work = listLibrary(ctx).find((w) => w.slug === slug);
  const id = work?.expressions.find((e) => e.lang === 'ru')?.versionId;
  check(id, `a Russian text of ${slug}`);
  return id as string;
}

/** Goes to a hash from the library and waits until `selector` is in the DOM and painted. */
async function openMs(page: Page, hash: string, selector: string): Promise<number> {
  await page.evaluate(() => (window.location.hash = '#/'));
  await page.locator('[data-testid^="open-"]').first().waitFor();
  await page.evaluate(() => new Promise((ok) => setTimeout(ok, 300)));
  return page.evaluate(
    ([h, sel]) =>
      new Promise<number>((ok) => {
        const started = performance.now();
        const painted = () => {
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => ok(performance.now() - started);
            channel.port2.postMessage(0);
          });
        };
        const observer = new MutationObserver(() => {
          if (document.querySelector(sel as string)) {
            observer.disconnect();
            painted();
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
        window.location.hash = h as string;
      }),
    [hash, selector],
  );
}

/** Puts the cursor at the end of the body of the unit with this uid. */
async function cursorAtEndOf(page: Page, uid: string): Promise<void> {
  await page.evaluate((u) => {
    const body = document.querySelector(`[data-uid="${u}"] > .zan-unit-content > .zan-body`) as HTMLElement;
    body.scrollIntoView({ block: 'center' });
    (body.closest('[contenteditable="true"]') as HTMLElement).focus();
    const range = document.createRange();
    range.selectNodeContents(body);
    range.collapse(false);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
  }, uid);
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
}

/** The uid of the first paragraph of the text (a unit with a body of its own). */
function firstParagraphUid(page: Page): Promise<string> {
  return page.evaluate(() => (document.querySelector('.zan-editor.is-editable .zan-paragraph') as HTMLElement).dataset['uid'] as string);
}

/** What one subject (the code or the small law) measured. */
interface Figures {
  openDraft: number[];
  openLaw: number[];
  keys: number[];
  /** Per typed key after the first of a run: the frame's own work, one paint to the next, the harness's turn. */
  renders: number[];
  cycles: number[];
  turns: number[];
  enter: number[];
  longTasks: number;
  longestTask: number;
  saves: number[];
  heapMb: number;
  domNodes: number;
  /** The longest the main process's thread was held at a time (see blockMonitor). */
  mainBlockMs: number;
}

/** Watches the main process's event loop; stop() gives the longest delay seen, in ms. */
function blockMonitor(): { stop(): number } {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  return {
    stop() {
      histogram.disable();
      return histogram.max / 1e6;
    },
  };
}

async function measure(app: E2EApp, packageId: string, draftId: string, lawId: string, saves: number[]): Promise<Figures> {
  const { page } = app;
  const f: Figures = { openDraft: [], openLaw: [], keys: [], renders: [], cycles: [], turns: [], enter: [], longTasks: 0, longestTask: 0, saves, heapMb: 0, domNodes: 0, mainBlockMs: 0 };
  for (let run = 0; run < RUNS; run++) {
    // Painted means the law's text is drawn (a paragraph's text), not a placeholder of it.
    f.openLaw.push(await openMs(page, `#/law/${lawId}`, '.zan-editor.is-readonly .zan-paragraph > .zan-unit-content > .zan-body'));
    f.openDraft.push(await openMs(page, `#/draft/${packageId}/${draftId}`, '.zan-editor.is-editable .zan-paragraph > .zan-unit-content > .zan-body'));
    const uid = await firstParagraphUid(page);
    const probes: Probes = await installProbes(page);
    await cursorAtEndOf(page, uid);
    const before = await page.evaluate((u) => (document.querySelector(`[data-uid="${u}"] > .zan-unit-content > .zan-body`) as HTMLElement).textContent ?? '', uid);
    await probes.startLongTasks();
    let typed = '';
    for (let k = 0; k < KEYS; k++) {
      const key = k % 6 === 5 ? ' ' : String.fromCharCode(97 + (k % 26));
      typed += key;
      const timing = await probes.key(() => page.keyboard.press(key === ' ' ? 'Space' : key));
      f.keys.push(timing.latency);
      f.renders.push(timing.render);
      if (k > 0 && timing.cycle !== null && timing.turn !== null) {
        f.cycles.push(timing.cycle);
        f.turns.push(timing.turn);
      }
    }
    const tasks = await probes.stopLongTasks();
    f.longTasks += tasks.length;
    f.longestTask = Math.max(f.longestTask, ...tasks, 0);
    const after = await page.evaluate((u) => (document.querySelector(`[data-uid="${u}"] > .zan-unit-content > .zan-body`) as HTMLElement).textContent ?? '', uid);
    check(after === before + typed, `the ${KEYS} keys typed reached the paragraph (${JSON.stringify(after.slice(-20))})`);
    f.domNodes = Math.max(f.domNodes, await page.evaluate(() => document.getElementsByTagName('*').length));
    f.heapMb = Math.max(f.heapMb, await probes.heapMb());
    // Enter at the end of the paragraph adds a unit after it; undo takes it back.
    for (let e = 0; e < 3; e++) {
      await cursorAtEndOf(page, uid);
      const units = () => page.evaluate(() => document.querySelectorAll('.zan-editor .zan-unit').length);
      const count = await units();
      f.enter.push((await probes.key(() => page.keyboard.press('Enter'))).latency);
      check((await units()) === count + 1, 'Enter added a unit');
      await page.keyboard.press('Control+z');
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
      check((await units()) === count, 'undo took the new unit back');
    }
    await page.keyboard.press('Control+s');
    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 60_000 });
    const stored = app.ctx.store.provisions.load(draftId).find((r) => r.uid === uid);
    check(stored?.text.endsWith(typed), 'the typed text was saved to the database');
  }
  check(saves.length > 0, 'at least one save was timed');
  return f;
}

async function main(): Promise<void> {
  process.env['NODE_ENV'] = 'production';
  const out = mkdtempSync(join(tmpdir(), 'zan-bench-editor-'));
  const data = mkdtempSync(join(tmpdir(), 'zan-bench-data-'));
  try {
    log('building the renderer (production)…');
    const built = await buildApp(out, 'production');
    const browser = await launchChromium();
    const savesBig: number[] = [];
    const savesSmall: number[] = [];
    let current: number[] | null = null;
    const calls = new Map<string, number[]>();
    const app = await startApp(browser, data, {
      ...built,
      seed: (ctx) => void seedSyntheticCode(ctx),
      validateOutputs: false,
      onCall: (channel, ms) => {
        if (process.env['ZAN_BENCH_TRACE']) log(`  ${channel} ${ms.toFixed(1)} ms`);
        if (channel === 'zan:saveDraft' && current) current.push(ms);
        calls.set(channel, [...(calls.get(channel) ?? []), ms]);
      },
    });
    // tsx names the functions it compiles with a helper the page does not have; page.evaluate
    // sends those functions' source, so the page gets the helper (a no-op) too.
    const keepNames = 'globalThis.__name = (f) => f;';
    await app.page.context().addInitScript({ content: keepNames });
    await app.page.evaluate(keepNames);
    try {
      const bigLaw = versionOf(app.ctx, BIG_SLUG);
      const smallLaw = versionOf(app.ctx, SMALL_SLUG);
      const bigPkg = createPackage(app.ctx, { title: 'Бенчмарк: кодекс', baseVersionIds: [bigLaw] });
      const smallPkg = createPackage(app.ctx, { title: 'Бенчмарк: закон', baseVersionIds: [smallLaw] });
      const size = (id: string) => Buffer.byteLength(printLaw(rowsToLaw(app.ctx.store.provisions.load(id), 'ru')));
      log(`code: ${(size(bigLaw) / 1e6).toFixed(2)} MB of text; law: ${(size(smallLaw) / 1e3).toFixed(1)} KB; ${RUNS} runs of ${KEYS} keys each`);
      current = savesSmall;
      const small = await measure(app, smallPkg.id, smallPkg.drafts[0]!.versionId, smallLaw, savesSmall);
      current = savesBig;
      // How long the main process's thread is held at a time (the handlers run on it; the long
      // reads on the worker threads): the longest event-loop delay while the code is opened,
      // typed in and saved, then while its package's documents and comparison are opened.
      const blockBig = blockMonitor();
      const big = await measure(app, bigPkg.id, bigPkg.drafts[0]!.versionId, bigLaw, savesBig);
      big.mainBlockMs = blockBig.stop();
      current = null;
      const blockDocs = blockMonitor();
      const docs = process.env['ZAN_BENCH_DOCUMENTS'] === '0' ? null : { ...(await measureDocuments(app, bigLaw, calls, check)), mainBlockMs: blockDocs.stop() };
      // Last: it moves the packages on the code onto a new version of it.
      const imported = await measureImport(app, bigLaw, listLibrary(app.ctx).find((w) => w.slug === BIG_SLUG)?.workId as string, check);
      report(big, small, docs, imported);
    } finally {
      await app.close();
      await browser.close();
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
    rmSync(data, { recursive: true, force: true });
  }
}

function report(big: Figures, small: Figures, docs: (DocumentFigures & { mainBlockMs: number }) | null, imported: ImportFigures): void {
  const pad = (s: string, n: number) => s.padEnd(n);
  const row = (name: string, b: number, s: number, unit = 'ms') => log(`${pad(name, 40)}${pad(`${s.toFixed(1)} ${unit}`, 14)}${pad(`${b.toFixed(1)} ${unit}`, 14)}${Number.isFinite(b / s) ? `${(b / s).toFixed(1)}×` : '-'}`);
  log('');
  log(`${pad('median of runs', 40)}${pad('19 KB law', 14)}${pad('2.3 MB code', 14)}ratio`);
  row('open the draft → editable and painted', median(big.openDraft), median(small.openDraft));
  row('open the read-only law view', median(big.openLaw), median(small.openLaw));
  row('keystroke → paint p50', median(big.keys), median(small.keys));
  row('keystroke → paint p95', percentile(big.keys, 95), percentile(small.keys, 95));
  row('  the frame: its start → paint', median(big.renders), median(small.renders));
  row('  a key\'s paint → the next\'s', median(big.cycles), median(small.cycles));
  row('  harness: a paint → the next key', median(big.turns), median(small.turns));
  row('Enter (new unit) → paint', median(big.enter), median(small.enter));
  row('long tasks while typing (all runs)', big.longTasks, small.longTasks, '');
  row('longest long task', big.longestTask, small.longestTask);
  row('save of one paragraph, main process', median(big.saves), median(small.saves));
  row('JS heap', big.heapMb, small.heapMb, 'MB');
  row('DOM nodes while typing', big.domNodes, small.domNodes, '');
  if (docs) {
    log('');
    log(`a package on the code with ${docs.changes} amendments (one run)`);
    log(`  documents view, the amending law → painted: ${docs.lawMs.toFixed(0)} ms (worker thread ${docs.documentsMainMs.toFixed(0)} ms), ${docs.domLaw} DOM nodes`);
    log(`  the comparative table → painted: ${docs.tableMs.toFixed(0)} ms, ${docs.domTable} DOM nodes`);
    log(`  the compare view → painted: ${docs.compareMs.toFixed(0)} ms (worker thread ${docs.compareMainMs.toFixed(0)} ms), ${docs.domCompare} DOM nodes`);
    log(`  the main process's thread held at most ${docs.mainBlockMs.toFixed(0)} ms at a time meanwhile`);
  }
  log(`the main process's thread held at most ${big.mainBlockMs.toFixed(0)} ms at a time while the code was opened, typed in and saved`);
  log(`a new version of the code (${imported.rows} rows) saved with its packages moved onto it: ${imported.commitMs.toFixed(0)} ms; the main process's thread held at most ${imported.previewBlockMs.toFixed(0)} ms at a time while it was read and previewed, ${imported.commitBlockMs.toFixed(0)} ms while it was saved`);
  log(
    JSON.stringify({
      runs: RUNS,
      keys_per_run: KEYS,
      open_draft_ms_big: round(median(big.openDraft)),
      open_draft_ms_small: round(median(small.openDraft)),
      open_law_ms_big: round(median(big.openLaw)),
      open_law_ms_small: round(median(small.openLaw)),
      key_p50_ms_big: round(median(big.keys)),
      key_p95_ms_big: round(percentile(big.keys, 95)),
      key_p50_ms_small: round(median(small.keys)),
      key_p95_ms_small: round(percentile(small.keys, 95)),
      key_p95_ratio: round(percentile(big.keys, 95) / percentile(small.keys, 95)),
      key_frame_ms_big: round(median(big.renders)),
      key_frame_ms_small: round(median(small.renders)),
      key_cycle_ms_big: round(median(big.cycles)),
      key_cycle_ms_small: round(median(small.cycles)),
      key_turn_ms_big: round(median(big.turns)),
      key_turn_ms_small: round(median(small.turns)),
      enter_ms_big: round(median(big.enter)),
      enter_ms_small: round(median(small.enter)),
      long_tasks_typing_big: big.longTasks,
      longest_task_typing_big_ms: round(big.longestTask),
      long_tasks_typing_small: small.longTasks,
      save_main_ms_big: round(median(big.saves)),
      save_main_ms_small: round(median(small.saves)),
      save_main_ratio: round(median(big.saves) / median(small.saves)),
      heap_mb_big: round(big.heapMb),
      heap_mb_small: round(small.heapMb),
      dom_nodes_big: big.domNodes,
      dom_nodes_small: small.domNodes,
      main_block_ms_big: round(big.mainBlockMs),
      import_commit_ms: round(imported.commitMs),
      import_preview_main_block_ms: round(imported.previewBlockMs),
      import_commit_main_block_ms: round(imported.commitBlockMs),
      ...(docs
        ? {
            documents_changes: docs.changes,
            documents_law_ms: round(docs.lawMs),
            documents_table_ms: round(docs.tableMs),
            compare_ms: round(docs.compareMs),
            documents_worker_ms: round(docs.documentsMainMs),
            compare_worker_ms: round(docs.compareMainMs),
            documents_dom_nodes: Math.max(docs.domLaw, docs.domTable),
            compare_dom_nodes: docs.domCompare,
            main_block_ms_documents: round(docs.mainBlockMs),
          }
        : {}),
    }),
  );
}

const round = (n: number) => Number(n.toFixed(2));

await main();
