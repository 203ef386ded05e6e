import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tempDir } from '../electron/harness';
import { launchChromium, startApp } from './harness';

const OUT = resolve(import.meta.dirname, '../../screenshots');
let browser: Browser;
beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(OUT, `${name}.png`) });
}

it.each(['ru', 'en'])('screenshots of each main view, interface in %s', async (ui) => {
  const t = tempDir();
  const app = await startApp(browser, t.dir, { viewport: { width: 1440, height: 900 }, uiLanguage: ui });
  const { page } = app;
  try {
    await page.locator('.work-card').first().waitFor();
    await shot(page, `${ui}-1-library`);

    await page.getByTestId('open-tax-code-ru').click();
    await page.locator('.zan-law').waitFor();
    await shot(page, `${ui}-2-law-tax-code`);

    await page.goto(app.url);
    await page.getByTestId('open-science-technology-policy-kk').click();
    await page.locator('.zan-law').waitFor();
    await shot(page, `${ui}-3-law-kazakh`);

    await page.goto(app.url);
    await page.getByTestId('open-science-technology-policy-ru').click();
    await page.locator('.zan-law').waitFor();
    await page.getByTestId('new-package').click();
    await page.getByTestId('package-title').waitFor();
    await shot(page, `${ui}-4-new-package`);

    await page.getByTestId('create-package').click();
    await page.locator('.zan-editor.is-editable').waitFor();
    const body = page.locator('.zan-article[data-num="5"] > .zan-unit-content > .zan-paragraph[data-num="1"] > .zan-unit-content > .zan-body');
    await body.click();
    await page.keyboard.press('End');
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    await page.keyboard.press('Enter');
    await page.keyboard.type('Совместные научно-технические программы отраслевого совета финансируются с участием индустриальных партнеров.');
    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 15_000 });
    await page.locator('.zan-article[data-num="5"]').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shot(page, `${ui}-5-draft-editor`);

    await page.goto(app.url);
    await page.getByTestId('package-card').first().waitFor();
    await shot(page, `${ui}-6-library-with-package`);
    expect(await page.getByTestId('package-card').count()).toBe(1);
  } finally {
    await app.close();
    t.cleanup();
  }
});
