import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { backupBeforeMigration, backupFolder, dailyBackup } from '../../electron/store/backup';
import { tempDir } from '../electron/harness';
import { cursorAtEnd, launchChromium, startApp } from './harness';
import { connectionOf } from '../../electron/store/connection';

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

it.each(['kk', 'ru', 'en'])('screenshots of each main view, interface in %s', async (ui) => {
  const t = tempDir();
  const app = await startApp(browser, t.dir, { viewport: { width: 1440, height: 900 }, uiLanguage: ui, samplePackage: true });
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
    await cursorAtEnd(page, body);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Совместные научно-технические программы отраслевого совета финансируются с участием индустриальных партнеров.');
    // Replace a word of paragraph 2, so that the marks show a deletion and an insertion.
    const p2 = page.locator('.zan-article[data-num="5"] > .zan-unit-content > .zan-paragraph[data-num="2"] > .zan-unit-content > .zan-body');
    await p2.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const at = await p2.evaluate((el) => {
      const text = el.firstChild as Text;
      const i = (text.textContent ?? '').indexOf('одной трети');
      const range = document.createRange();
      range.setStart(text, i);
      range.setEnd(text, i + 'одной'.length);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.dblclick(at.x, at.y);
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    await page.keyboard.type('половины');
    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 15_000 });
    await page.locator('.zan-article[data-num="5"]').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shot(page, `${ui}-5-draft-editor`);

    await page.getByTestId('annotate').first().click();
    await page.getByTestId('gap-LEG_GAP').check();
    await page.getByTestId('gap-FUNDING').check();
    await page.getByTestId('justification').fill('Совместные программы с индустриальными партнерами не имеют правовой основы и источника финансирования.');
    await page.getByTestId('save-annotation').click();
    await page.getByTestId('gap-chip').first().waitFor();
    await shot(page, `${ui}-5b-annotated`);

    await page.getByTestId('open-documents').click();
    await page.getByTestId('amending-law').waitFor();
    await shot(page, `${ui}-7-amending-law`);
    await page.getByTestId('tab-table').click();
    await page.getByTestId('comparative-table').waitFor();
    await shot(page, `${ui}-8-comparative-table`);
    await page.getByTestId('tab-coverage').click();
    await page.getByTestId('coverage').waitFor();
    await shot(page, `${ui}-9-coverage`);

    await page.goto(app.url);
    await page.getByTestId('package-card').first().waitFor();
    await shot(page, `${ui}-6-library-with-package`);
    expect(await page.getByTestId('package-card').count()).toBe(2);

    // The sample package: its coverage and its amending law across four acts.
    await page.getByTestId('package-card').last().click();
    await page.getByTestId('open-documents').click();
    await page.getByTestId('amending-law').waitFor();
    await shot(page, `${ui}-10-sample-amending-law`);
    await page.getByTestId('tab-coverage').click();
    await page.getByTestId('coverage').waitFor();
    await shot(page, `${ui}-11-sample-coverage`);
    await page.getByTestId('tab-compare').click();
    await page.getByTestId('compare-row').first().waitFor();
    await shot(page, `${ui}-12-compare-side-by-side`);
    await page.getByTestId('mode-inline').click();
    await shot(page, `${ui}-13-compare-inline`);
    await page.getByTestId('open-export').click();
    await page.getByTestId('bundle-start').click();
    await expect.poll(() => page.getByTestId('bundle-progress').innerText(), { timeout: 60_000 }).not.toMatch(/%/);
    await shot(page, `${ui}-14-export-dialog`);
    // Text pasted from the portal into the import dialog, as its preview shows it.
    await page.keyboard.press('Escape');
    await page.getByTestId('open-library').click().catch(() => undefined);
    await page.goto(page.url().replace(/#.*$/, '#/'));
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-paste').evaluate((area, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      area.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: data }));
    }, ['Ғылыми гранттар туралы', 'Қазақстан Республикасының Заңы 2024 жылғы 1 шілдедегі № 7-VIII ҚРЗ.', '1-бап. Гранттар', 'Ескерту. 1-бапқа өзгеріс енгізілді - ҚР 01.01.2025 № 9-VIII Заңымен.', 'Осы Заңда мынадай ұғымдар пайдаланылады:', '1) грант - "конкурстық" негізде берілетін қаражат;', '2) консорциум - ұйымдардың бiрлестiгi.'].map((l) => `      ${l}`).join('\n'));
    await page.getByTestId('import-preview').waitFor();
    await shot(page, `${ui}-15-import-pasted`);
  } finally {
    await app.close();
    t.cleanup();
  }
});

/** What the first hour needs, in each interface language and at a small and a large window. */
const SIZES = [
  { name: '1280', viewport: { width: 1280, height: 720 } },
  { name: '1920', viewport: { width: 1920, height: 1080 } },
];
it.each(['kk', 'ru', 'en'].flatMap((ui) => SIZES.map((size) => ({ ui, size }))))('screenshots of search, find & replace, the palette, the guide, the markup views and both texts side by side: $ui at $size.name', async ({ ui, size }) => {
  const t = tempDir();
  const app = await startApp(browser, t.dir, { viewport: size.viewport, uiLanguage: ui, samplePackage: true, guide: true });
  const { page } = app;
  const name = (n: string) => `${ui}-${size.name}-${n}`;
  try {
    // The first-start guide: what the workbench is for, who works, the first draft.
    await page.getByTestId('guide').waitFor();
    await shot(page, name('a-guide'));
    await page.getByTestId('guide-next').click();
    await page.getByTestId('guide-name').fill('Айгерим Сейткали');
    await page.getByTestId('guide-role').fill('Департамент науки');
    await page.getByTestId('guide-save-identity').click();
    await page.getByTestId('guide-law').waitFor();
    await shot(page, name('b-guide-first-draft'));
    await page.getByTestId('guide-later').click();

    // Search across the library.
    await page.goto(`${app.url}#/search/${encodeURIComponent('индустриальный партнер')}`);
    await page.getByTestId('search-group').first().waitFor();
    await shot(page, name('c-search'));

    // The sample package's draft: find, replace, the palette, the context menu.
    await page.goto(app.url);
    await page.getByTestId('package-card').first().click();
    await page.locator('.zan-editor.is-editable').waitFor();
    await page.locator('.zan-body').first().click();
    await page.keyboard.press('Control+f');
    await page.getByTestId('find-input').fill('индустриальный партнер');
    await page.getByTestId('find-count').waitFor();
    await page.keyboard.press('Enter');
    await shot(page, name('d-find'));
    await page.keyboard.press('Escape');
    await page.locator('.zan-body').first().click();
    await page.keyboard.press('Control+h');
    await page.getByTestId('find-input').fill('организаций');
    await page.getByTestId('replace-input').fill('университетов');
    await shot(page, name('e-replace'));
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('find-bar').count()).toBe(0);
    await page.locator('.zan-body').nth(3).click();
    await page.keyboard.press('Control+k');
    await page.getByTestId('palette-input').waitFor();
    await shot(page, name('f-palette'));
    await page.keyboard.press('Escape');
    await page.locator('.zan-body').nth(3).click({ button: 'right' });
    await page.getByTestId('context-menu').waitFor();
    await shot(page, name('g-context-menu'));
    await page.keyboard.press('Escape');

    // Approve one change, then each markup view, from the first change on.
    await page.getByTestId('accept').first().click();
    await page.getByTestId('approved').first().waitFor();
    await page.getByTestId('amendment').first().click();
    for (const view of ['all', 'approved', 'final', 'base']) {
      await page.getByTestId(`markup-${view}`).click();
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
      await shot(page, name(`h-markup-${view}`));
    }
    await page.getByTestId('markup-all').click();

    // Replace throughout the acts of the package: the forms to confirm.
    await page.getByTestId('open-documents').click();
    await page.getByTestId('amending-law').waitFor();
    await page.getByTestId('open-throughout').click();
    await page.getByTestId('throughout-term').fill('организация высшего и (или) послевузовского образования');
    await page.getByTestId('throughout-replacement').fill('университет');
    await page.getByTestId('throughout-find').click();
    await page.getByTestId('throughout-forms').waitFor();
    await shot(page, name('i-throughout'));
    await page.keyboard.press('Escape');

    await page.goto(`${app.url}#/help`);
    await page.getByTestId('help').waitFor();
    await shot(page, name('j-help'));

    // The Kazakh and Russian texts side by side: a Russian change flags its Kazakh counterpart.
    await page.goto(app.url);
    await page.getByTestId('package-card').first().click();
    await page.locator('.zan-editor.is-editable').waitFor();
    await page.getByTestId('open-parallel').click();
    const ru8 = page.locator('[data-testid="column-ru"] .zan-article[data-num="8"] > .zan-unit-content > .zan-paragraph[data-num="1"] > .zan-unit-content > .zan-body');
    await ru8.waitFor();
    await cursorAtEnd(page, ru8);
    await page.keyboard.type(' Договор подлежит регистрации.');
    await page.locator('[data-testid="column-kk"] .zan-parity').waitFor({ timeout: 15_000 });
    await page.locator('[data-testid="column-kk"] [data-testid="parity-count"]').click();
    await shot(page, name('k-parallel'));
  } finally {
    await app.close();
    t.cleanup();
  }
});

/** The audit log of the sample package after an edit and an annotation, in each interface language, at a laptop's width. */
it.each(['kk', 'ru', 'en'])('screenshots of the audit log, interface in %s, at 1280', async (ui) => {
  const t = tempDir();
  const app = await startApp(browser, t.dir, { viewport: { width: 1280, height: 720 }, uiLanguage: ui, samplePackage: true });
  const { page } = app;
  try {
    await page.getByTestId('identity').click();
    await page.getByTestId('identity-name').fill('Айгерим Сейткали');
    await page.getByTestId('identity-role').fill('Департамент науки');
    await page.getByTestId('identity-save').click();
    await page.getByTestId('package-card').first().click();
    await page.locator('.zan-editor.is-editable').waitFor();
    await cursorAtEnd(page, page.locator('.zan-body').nth(3));
    await page.keyboard.type(' Отчет публикуется ежегодно.');
    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 15_000 });
    await page.getByTestId('open-documents').click();
    await page.getByTestId('amending-law').waitFor();
    await page.getByTestId('open-audit').click();
    await page.getByTestId('audit-entry').first().waitFor();
    await page.getByTestId('audit-verify').click();
    await page.getByTestId('audit-check-ok').waitFor();
    await shot(page, `${ui}-1280-audit`);
    await page.getByTestId('audit-expand').first().click();
    await page.getByTestId('audit-raw').waitFor();
    await shot(page, `${ui}-1280-audit-record`);
  } finally {
    await app.close();
    t.cleanup();
  }
});

/** The backups dialog (the help page's "Restore a backup…"): its list of one of each kind, and a restore's confirmation, at 1280. */
it.each(['kk', 'ru', 'en'])('screenshots of the backups dialog, interface in %s, at 1280', async (ui) => {
  const t = tempDir();
  const app = await startApp(browser, t.dir, { viewport: { width: 1280, height: 720 }, uiLanguage: ui });
  const { page } = app;
  try {
    const migration = backupBeforeMigration(connectionOf(app.ctx.store), app.databaseFile, new Date(2026, 2, 2, 7, 15));
    await dailyBackup(connectionOf(app.ctx.store), app.databaseFile, new Date(2026, 2, 4, 9, 30));
    // The database a restore replaced, under the name the restore gives it (store/backup.ts).
    copyFileSync(migration, join(backupFolder(app.databaseFile), `zan-workbench-${new Date(2026, 2, 5, 10, 15).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z')}-replaced.sqlite`));
    await page.goto(`${app.url}#/help`);
    await page.getByTestId('help-backups').click();
    await page.getByTestId('backup-list').waitFor();
    await shot(page, `${ui}-1280-backups`);
    await page.getByTestId('backup-restore').nth(1).click();
    await page.getByTestId('restore-confirm').waitFor();
    await shot(page, `${ui}-1280-backups-confirm`);
  } finally {
    await app.close();
    t.cleanup();
  }
});
