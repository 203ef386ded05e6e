import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { launchChromium, startApp as startAppWith, type AppOptions, type E2EApp } from './app-server';

export * from './app-server';

/** Starts the app for a test on the renderer global-setup.ts built (see app-server.ts). */
export function startApp(browser: Browser, dataDir: string, options: Omit<AppOptions, 'rendererDir' | 'bridgeScript'> = {}): Promise<E2EApp> {
  return startAppWith(browser, dataDir, { ...options, rendererDir: inject('rendererDir'), bridgeScript: inject('bridgeScript') });
}

/**
 * Registers the hooks of an e2e test file: one Chromium for the file, a fresh app (database,
 * server, page) for each test, started with `options`. Returns a getter for the current test's app.
 */
export function useApp(options: Omit<AppOptions, 'rendererDir' | 'bridgeScript'> = {}): () => E2EApp {
  let browser: Browser | undefined;
  let app: E2EApp | undefined;
  let cleanup: (() => void) | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());
  beforeEach(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zan-e2e-'));
    cleanup = () => rmSync(dir, { recursive: true, force: true });
    app = await startApp(browser as Browser, dir, options);
  });
  afterEach(async () => {
    await app?.close();
    cleanup?.();
  });
  return () => app as E2EApp;
}

/** Reads rows from the app's SQLite file through a separate read-only connection, as another process would. */
export function queryDatabase<T>(file: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Opens the science law in Russian and starts a draft package on it, as a drafter would. */
export async function startDraft(page: Page): Promise<void> {
  await page.getByTestId('open-science-technology-policy-ru').click();
  await page.locator('.zan-law').waitFor();
  await page.getByTestId('new-package').click();
  await page.getByTestId('package-title').waitFor();
  await page.getByTestId('create-package').click();
  await page.locator('.zan-editor.is-editable').waitFor();
}

/** Waits until the toolbar says that everything is saved. */
export async function waitSaved(page: Page): Promise<void> {
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 15_000 });
}

/** Double-clicks a word of a text block (selecting it, as a drafter would) and types its replacement. */
export async function replaceWord(page: Page, selector: string, word: string, replacement: string): Promise<void> {
  const block = page.locator(selector);
  await block.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const at = await block.evaluate((el, w) => {
    const text = el.firstChild as Text;
    const i = (text.textContent ?? '').indexOf(w);
    const range = document.createRange();
    range.setStart(text, i);
    range.setEnd(text, i + w.length);
    const r = range.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, word);
  await page.mouse.dblclick(at.x, at.y);
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  await page.keyboard.type(replacement);
}
