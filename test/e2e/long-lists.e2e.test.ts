import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveDraft } from '../../electron/services/drafts';
import { createPackage } from '../../electron/services/packages';
import { seedSyntheticCode } from '../bench/seed-code';
import { isInView, launchChromium, startApp, type E2EApp } from './harness';

/**
 * The comparative table and the compare view of a package with 400 changes are drawn near their
 * visible part only: fewer rows than changes are in the page, yet scrolling reaches the last one,
 * and the compare view's contents jump to a far change and show it. Not timed (see `npm run bench:editor`).
 */
const CHANGES = 400;
const WORD = 'университет';

/** Scrolls the app's content area to its end, a screen at a time, until nothing more is added. */
async function scrollToEnd(page: Page, selector: string): Promise<void> {
  for (let k = 0; k < 400; k++) {
    const moved = await page.locator(selector).evaluate((el) => {
      const before = el.scrollTop;
      el.scrollBy(0, el.clientHeight);
      return el.scrollTop !== before;
    });
    if (!moved) break;
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  }
}

describe('long lists of changes', () => {
  let browser: Browser;
  let app: E2EApp;
  let dir: string;
  let packageId = '';
  let lastElement = '';
  beforeAll(async () => {
    browser = await launchChromium();
    dir = mkdtempSync(join(tmpdir(), 'zan-e2e-lists-'));
    let lawId = '';
    app = await startApp(browser, dir, { seed: (ctx) => void (lawId = seedSyntheticCode(ctx, 300)) });
    const { ctx } = app;
    const pkg = createPackage(ctx, { title: 'Четыреста изменений', baseVersionIds: [lawId] });
    packageId = pkg.id;
    const draftId = pkg.drafts[0]!.versionId;
    const paragraphs = ctx.store.provisions.load(draftId).filter((r) => r.kind === 'paragraph' && !r.repealed);
    const step = Math.floor(paragraphs.length / CHANGES);
    const chosen = Array.from({ length: CHANGES }, (_, i) => paragraphs[i * step]!);
    saveDraft(ctx, { versionId: draftId, revision: 0, upserts: chosen.map((r) => ({ ...r, text: `${WORD} ${r.text}` })), deletes: [] });
    expect(ctx.store.amendments.listForVersion(draftId)).toHaveLength(CHANGES);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the comparative table draws part of its rows and reaches the last one by scrolling', async () => {
    const { page } = app;
    await page.evaluate((hash) => (window.location.hash = hash), `#/package/${packageId}`);
    await page.getByTestId('tab-table').click();
    const rows = page.locator('[data-testid="comparative-table"] tbody tr:not(.windowed-spacer)');
    await rows.first().waitFor();
    const drawn = await rows.count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(CHANGES);
    expect(await rows.first().locator('td').first().innerText()).toBe('1');
    await scrollToEnd(page, '.content');
    await expect.poll(async () => (await rows.last().locator('td').first().innerText()).trim()).toBe(String(CHANGES));
    lastElement = (await rows.last().locator('td').nth(1).innerText()).trim();
    expect(await rows.last().innerText()).toContain(WORD);
    expect(await rows.count()).toBeLessThan(CHANGES);
  });

  it('the compare view counts every change, draws some, and its contents jump to the last one', async () => {
    const { page } = app;
    await page.locator('.content').evaluate((el) => el.scrollTo(0, 0));
    await page.getByTestId('tab-compare').click();
    const rows = page.getByTestId('compare-row');
    await rows.first().waitFor();
    expect(await page.getByTestId('compare').innerText()).toContain(String(CHANGES));
    expect(await rows.count()).toBeLessThan(CHANGES);
    // J moves to the next change and marks it.
    await page.getByTestId('compare').focus();
    await page.keyboard.press('j');
    await expect.poll(() => page.locator('.compare-row.is-current').count()).toBe(1);
    // The contents list scrolls on its own; its last entry is drawn when it is scrolled to.
    await scrollToEnd(page, '.compare-toc');
    const entry = page.locator('.compare-toc button').last();
    expect((await entry.innerText()).trim()).toBe(lastElement);
    await entry.click();
    await expect.poll(async () => (await page.locator('.compare-row.is-current h3').innerText()).startsWith(lastElement)).toBe(true);
    await expect.poll(() => isInView(page, '.compare-row.is-current', '.content')).toBe(true);
  });

  it('J moves through the drawn changes and each lands in the middle of the view (the first rows are measured too)', async () => {
    const { page } = app;
    // The compare view opened afresh, at its first change.
    await page.getByTestId('tab-table').click();
    await page.locator('.content').evaluate((el) => el.scrollTo(0, 0));
    await page.getByTestId('tab-compare').click();
    await page.getByTestId('compare-row').first().waitFor();
    await page.getByTestId('compare').focus();
    // From the first change to the 31st, all among the rows drawn when the view opened.
    for (let k = 0; k < 30; k++) await page.keyboard.press('j');
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    const offset = await page.locator('.compare-row.is-current').evaluate((el) => {
      const row = el.getBoundingClientRect();
      const area = (el.closest('.content') as HTMLElement).getBoundingClientRect();
      return Math.abs((row.top + row.bottom) / 2 - (area.top + area.bottom) / 2);
    });
    expect(offset).toBeLessThan(30);
  });

  it('a comparison waiting for the worker shows its progress and can be cancelled, then run again', async () => {
    const { page, work } = app;
    await page.getByTestId('tab-table').click();
    const release = work.hold('interactive');
    try {
      await page.getByTestId('tab-compare').click();
      await page.getByTestId('work-progress').waitFor();
      // Held back, the comparison is queued, and says so.
      await expect.poll(() => page.getByTestId('work-progress').innerText()).toContain('ждёт');
      await page.getByTestId('work-cancel').click();
      await page.getByTestId('work-retry').waitFor();
      expect(await page.getByTestId('compare-row').count()).toBe(0);
      expect(await page.getByTestId('compare').innerText()).toContain('Отменено');
    } finally {
      release();
    }
    await page.getByTestId('work-retry').click();
    await page.getByTestId('compare-row').first().waitFor();
    expect(await page.getByTestId('compare').innerText()).toContain(String(CHANGES));
    expect(await page.getByTestId('work-progress').count()).toBe(0);
  });
});
