// The app as the e2e tests and the editor benchmark run it, without vitest: the main-process side
// (real SQLite, the handler table and dispatcher) in this process, the built renderer in Chromium.
import { WorkPool } from '../../electron/work/pool';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { readCorpus } from '../../electron/io/corpus';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { sameOriginCheck } from '../../electron/shell/origin';
import { HEADLESS_CHROMIUM_ARGS, htmlToPdfHeadless } from '../../electron/io/pdf-headless';
import { createHandlers } from '../../electron/ipc/handlers';
import { createServiceContext, type ServiceContext } from '../../electron/services/context';
import { sealAudit } from '../../electron/services/audit/log';
import { installKey } from '../../electron/services/audit/install-key';
import { auditKeyFile } from '../../electron/paths';
import { seedTaxonomy } from '../../electron/services/gaps';
import { seedCorpus } from '../../electron/services/seed';
import { parseSamplePackage, seedSamplePackage } from '../../electron/services/sample-package';
import { readTaxonomyFile } from '../../electron/io/taxonomy-file';
import { openDatabase } from '../../electron/store/database';
import { createStore } from '../../electron/store/store';
import { connectionOf } from '../../electron/store/connection';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { BIG_REPLY_KEY } from './big-reply';
import { toWire } from '../../shared/wire';
import { TeamHost } from '../../electron/team/host';

/** The bundled sample corpus, as the app seeds it on first run. */
export const CORPUS_DIR = resolve(import.meta.dirname, '../../resources/corpus');

const CHROMIUM_ARGS = [...HEADLESS_CHROMIUM_ARGS, '--disable-quic'];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Where the page fetches a big reply the bridge was handed a token for (see startApp). */
const REPLY_PATH = '/__zan-reply/';
/** Replies longer than this go to the page over HTTP rather than through the Playwright binding. */
const BIG_REPLY_CHARS = 200_000;

/**
 * Serves the built renderer on 127.0.0.1 with the app's CSP, as the window loads it from disk,
 * and the big replies waiting for the page (each fetched once).
 */
function serveRenderer(dir: string, replies: Map<string, string>): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.startsWith(REPLY_PATH)) {
      const token = url.pathname.slice(REPLY_PATH.length);
      const reply = replies.get(token);
      replies.delete(token);
      if (reply === undefined) res.writeHead(404).end();
      else res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(reply);
      return;
    }
    const path = normalize(decodeURIComponent(url.pathname));
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': CONTENT_SECURITY_POLICY });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/** How to start the app: the built renderer and bridge, the window, and what to seed. */
export interface AppOptions {
  /** The built renderer (global-setup.ts, or the editor benchmark's production build). */
  rendererDir: string;
  /** The init script that installs window.zan with the preload's bridge builder. */
  bridgeScript: string;
  viewport?: { width: number; height: number };
  uiLanguage?: string;
  samplePackage?: boolean;
  /** Shows the first-start guide (tests start past it, as after the first start, unless they test it). */
  guide?: boolean;
  /** Seeds more into the database after the corpus (a benchmark's big code). */
  seed?: (ctx: ServiceContext) => void;
  /**
   * Check every reply against the contract too (default: yes, as tests should). The app itself
   * does not (electron/main.ts), so the benchmark turns it off to time what the app does.
   */
  validateOutputs?: boolean;
  /** Called after each IPC call with its channel, the time the main-process side took, and the reply. */
  onCall?: (channel: string, ms: number, reply: unknown) => void;
  /** Team mode as the app has it (electron/team/host.ts), this desktop named `device`; without, the team channels answer NOT_READY. */
  team?: { device: string };
}

/** A running "app": the main-process side in this test process, the renderer in Chromium. */
export interface E2EApp {
  page: Page;
  url: string;
  databaseFile: string;
  ctx: ServiceContext;
  /** The worker threads the handlers hand long reads to. */
  work: WorkPool;
  /** Team mode's host, when started with `team`. */
  team: TeamHost | null;
  /** Opens a fresh page on the same app (a reopened window). */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Launches Debian's Chromium the way these machines can run it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * Starts the app for a test: a real SQLite file seeded with the sample corpus, the handler table
 * and dispatcher the main process registers, the built renderer served locally, and a page whose
 * `window.zan` is built by the preload's bridge builder over a Playwright binding.
 */
export async function startApp(
  browser: Browser,
  dataDir: string,
  options: AppOptions,
): Promise<E2EApp> {
  const databaseFile = join(dataDir, 'zan-workbench.sqlite');
  // Signed as the app signs, with the key file an install without a keychain keeps beside the database.
  const ctx = { ...createServiceContext(createStore(openDatabase(databaseFile))), signer: installKey(dataDir, auditKeyFile(databaseFile), null).signer };
  sealAudit(ctx);
  seedCorpus(ctx, readCorpus(CORPUS_DIR));
  seedTaxonomy(ctx, readTaxonomyFile(join(CORPUS_DIR, '../gaps/default-taxonomy.json')));
  // The app seeds the sample package on first start; most tests start without it, to count from zero.
  if (options.samplePackage) seedSamplePackage(ctx, parseSamplePackage(JSON.parse(readFileSync(join(CORPUS_DIR, '../sample-package/package.json'), 'utf8'))));
  options.seed?.(ctx);
  const replies = new Map<string, string>();
  const server = await serveRenderer(options.rendererDir, replies);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  // The save and folder dialogs of the app, answered with the test's folder; PDFs printed by headless Chromium.
  const exports = { chooseSavePath: async (suggestedName: string) => join(dataDir, suggestedName), chooseFolder: async () => dataDir, printPdf: (html: string) => htmlToPdfHeadless(html) };
  // The worker threads as the app has them, started from the sources.
  const work = new WorkPool({ ctx, databaseFile, log: (message, error) => console.error(message, error ?? '') });
  await work.ready();
  // As main.ts starts it: the credentials kept in the user's data folder (no keychain in a test: a user-only file).
  const team = options.team ? new TeamHost(ctx, { userData: join(dataDir, 'user-data'), keychain: null, device: options.team.device, log: (message, error) => console.error(message, error ?? '') }) : null;
  team?.start();
  const dispatcher = createDispatcher(createHandlers(ctx, { appVersion: 'e2e', databasePath: databaseFile, exports, ...(team ? { team } : {}) }, work), {
    isTrustedSender: sameOriginCheck(new URL(url).origin),
    validateOutputs: options.validateOutputs ?? true,
    log: (message, error) => console.error(message, error),
  });
  const bridge = readFileSync(options.bridgeScript, 'utf8');
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 }, locale: 'ru-RU' });
  const dispatch = async (channel: string, payload: unknown, url: string) => {
    const started = performance.now();
    const reply = await dispatcher(channel, payload, { url });
    options.onCall?.(channel, performance.now() - started, reply);
    return reply;
  };
  // Payloads and replies cross as JSON text: Playwright's own serialisation of a 2 MB law (a tree
  // of 30,000 objects) takes seconds, where Electron's structured clone takes milliseconds. A big
  // reply (a 2 MB law) is fetched by the page over HTTP, given a token through the binding: the
  // binding's own transport of 2 MB of text holds this process 40–55 ms, Electron's IPC does not.
  let tokens = 0;
  await context.exposeBinding('__zanInvoke', async (source, channel: string, payload: string) => {
    // As the app's registerIpc does: a value a worker serialized goes on as its JSON text (shared/wire.ts).
    const reply = JSON.stringify(toWire(await dispatch(channel, JSON.parse(payload) as unknown, source.frame.url())));
    if (reply.length < BIG_REPLY_CHARS) return reply;
    const token = `r${++tokens}`;
    replies.set(token, reply);
    return JSON.stringify({ [BIG_REPLY_KEY]: `${REPLY_PATH}${token}` });
  });
  await context.addInitScript({ content: bridge });
  if (options.uiLanguage) {
    await context.addInitScript({ content: `localStorage.setItem('zan.uiLanguage', ${JSON.stringify(options.uiLanguage)});` });
  }
  if (!options.guide) await context.addInitScript({ content: `localStorage.setItem('zan.guide', 'done');` });
  const newPage = async () => {
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('[page error]', error));
    await page.goto(url);
    return page;
  };
  const page = await newPage();
  return {
    page,
    url,
    databaseFile,
    ctx,
    work,
    team,
    newPage,
    async close() {
      await context.close();
      await team?.stop();
      await new Promise((ok) => server.close(ok));
      await work.close();
      connectionOf(ctx.store).close();
    },
  };
}

/**
 * Puts the cursor at the very end of a text block, as a click after its last word does. (The End
 * key only reaches the end of the visual line in a wrapped paragraph.) ProseMirror reads the DOM
 * selection on selectionchange, so two frames pass before the caller types.
 */
export async function cursorAtEnd(page: Page, block: Locator): Promise<void> {
  await block.evaluate((el) => {
    el.scrollIntoView({ block: 'center' });
    (el.closest('[contenteditable="true"]') as HTMLElement | null)?.focus();
    const range = document.createRange();
    range.selectNodeContents(el);
    range.collapse(false);
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  });
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
}

/** Whether an element is (at least partly) in the visible part of its scroll container (the nearest ancestor matching `container`). */
export function isInView(page: Page, selector: string, container: string): Promise<boolean> {
  return page.locator(selector).evaluate((el, within) => {
    const box = el.getBoundingClientRect();
    const area = (el.closest(within) as HTMLElement).getBoundingClientRect();
    return box.bottom > area.top && box.top < area.bottom;
  }, container);
}
