import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPackage } from '../../electron/services/packages';
import { walkProvisions, type Provision } from '../../shared/law';
import { seedSyntheticCode } from '../bench/seed-code';
import { syntheticCode } from '../bench/synthetic';
import { cursorAtEnd, isInView, launchChromium, queryDatabase, startApp, waitSaved, type E2EApp } from './harness';

/**
 * The editor on a 2.3 MB code (the benchmark's synthetic code, 1,000 articles), drawn lazily: a
 * drafter types, adds a unit, repeals one, undoes across two articles, jumps from the outline, and
 * everything lands where it should and is saved. Not timed (see `npm run bench:editor`).
 */
const code = syntheticCode(1000, 1);
const articles: Provision[] = [];
walkProvisions(code.body, (u) => void (u.kind === 'article' && !u.repealed && u.children[0]?.kind === 'paragraph' && articles.push(u)));
/** The chapter each article is in, by the article's uid. */
const chapterOf = new Map<string, Provision>();
walkProvisions(code.body, (u) => void (u.kind === 'chapter' && u.children.forEach((c) => chapterOf.set(c.uid, u))));
const far = articles[700] as Provision;
const near = articles[4] as Provision;

const article = (a: Provision) => `.zan-article[data-uid="${a.uid}"]`;
/** An article drawn in full (not a placeholder, and not inside a chapter drawn as one). */
const drawn = (a: Provision) => `${article(a)}:not(.zan-lazy)`;
const firstBody = (a: Provision) => `${article(a)} > .zan-unit-content > .zan-paragraph[data-uid="${a.children[0]!.uid}"] > .zan-unit-content > .zan-body`;

/** Clicks the outline's line of an article, scrolling the windowed outline to it first. */
async function jumpTo(page: Page, a: Provision): Promise<void> {
  const line = page.locator(`[data-outline-uid="${a.uid}"]`);
  for (let k = 0; k < 200 && (await line.count()) === 0; k++) await page.locator('.sidebar').evaluate((el) => el.scrollBy(0, 600));
  for (let k = 0; k < 200 && (await line.count()) === 0; k++) await page.locator('.sidebar').evaluate((el) => el.scrollBy(0, -600));
  await line.click();
  await page.locator(drawn(a)).waitFor();
}

describe('a 2.3 MB code in the editor', () => {
  let browser: Browser;
  let app: E2EApp;
  let dir: string;
  let draftId: string;
  beforeAll(async () => {
    browser = await launchChromium();
    dir = mkdtempSync(join(tmpdir(), 'zan-e2e-big-'));
    let lawId = '';
    app = await startApp(browser, dir, { seed: (ctx) => void (lawId = seedSyntheticCode(ctx)) });
    const pkg = createPackage(app.ctx, { title: 'Изменения в кодекс', baseVersionIds: [lawId] });
    draftId = pkg.drafts[0]!.versionId;
    await app.page.evaluate((hash) => (window.location.hash = hash), `#/draft/${pkg.id}/${draftId}`);
    await app.page.locator('.zan-editor.is-editable .zan-paragraph').first().waitFor({ timeout: 30_000 });
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('draws only what is near the view: far chapters are one placeholder each, the first articles are text', async () => {
    const { page } = app;
    expect(await page.locator(drawn(articles[0]!)).count()).toBe(1);
    expect(await page.locator(`.zan-article:not(.zan-lazy)`).count()).toBeLessThan(40);
    // The far article's chapter is one box for all its articles: the article has no element at all.
    expect(await page.locator(`.zan-chapter.zan-lazy[data-uid="${chapterOf.get(far.uid)!.uid}"]`).count()).toBe(1);
    expect(await page.locator(article(far)).count()).toBe(0);
    expect(await page.locator('.zan-chapter.zan-lazy').count()).toBeGreaterThan(30);
    expect(await page.evaluate(() => document.querySelector('.zan-editor')!.getElementsByTagName('*').length)).toBeLessThan(2000);
  });

  it('scrolling draws what comes into view and puts back placeholders for what went far away', async () => {
    const { page } = app;
    // The first article of a chapter in the middle of the code, and one of the first chapter.
    const middle = articles.find((a) => chapterOf.get(a.uid) !== chapterOf.get(articles[0]!.uid) && chapterOf.get(a.uid)?.children[0] === a && articles.indexOf(a) > 300) as Provision;
    const next = articles[articles.indexOf(middle) + 1] as Provision;
    const early = articles[3] as Provision;
    await page.locator(drawn(early)).waitFor();
    // Scroll the way a wheel would: the top of the middle article's chapter (a placeholder) to the top of the text's container.
    await page.evaluate((sel) => {
      const el = document.querySelector(sel) as HTMLElement;
      const main = document.querySelector('.document-main') as HTMLElement;
      main.scrollTop += el.getBoundingClientRect().top - main.getBoundingClientRect().top;
    }, `.zan-chapter.zan-lazy[data-uid="${chapterOf.get(middle.uid)!.uid}"]`);
    await page.locator(drawn(middle)).waitFor();
    // The view stays where it was scrolled to while the chapters around it are drawn (their drawn
    // heights are not their placeholders'): the chapter is still at the top.
    const offset = () =>
      page.evaluate((uid) => {
        const el = document.querySelector(`.zan-chapter[data-uid="${uid}"]`) as HTMLElement;
        return Math.abs(el.getBoundingClientRect().top - (document.querySelector('.document-main') as HTMLElement).getBoundingClientRect().top);
      }, chapterOf.get(middle.uid)!.uid);
    await page.waitForTimeout(500);
    expect(await offset()).toBeLessThan(5);
    await expect.poll(() => page.locator(drawn(early)).count()).toBe(0);
    expect(await page.locator(drawn(next)).count()).toBe(1);
    await page.evaluate(() => ((document.querySelector('.document-main') as HTMLElement).scrollTop = 0));
    await page.locator(drawn(early)).waitFor();
  });

  it('the outline jump lands on a far article, draws it, and puts the cursor in it', async () => {
    const { page } = app;
    await jumpTo(page, far);
    expect(await isInView(page, article(far), '.document-main')).toBe(true);
    const cursorIn = await page.evaluate((uid) => getSelection()?.anchorNode?.parentElement?.closest('.zan-article')?.getAttribute('data-uid') === uid, far.uid);
    expect(cursorIn).toBe(true);
  });

  it('types in the far article, adds a unit with Enter, and the marks and the panel follow', async () => {
    const { page } = app;
    await cursorAtEnd(page, page.locator(firstBody(far)));
    await page.keyboard.type(' и научных организаций');
    await expect.poll(async () => (await page.locator(`${article(far)} .zan-ins`).allInnerTexts()).map((t) => t.trim())).toContain('и научных организаций');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Новый пункт о партнерстве.');
    await expect.poll(() => page.getByTestId('amendment').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(['words', 'insert']);
    const labels = await page.getByTestId('amendment').evaluateAll((els) => els.map((e) => e.querySelector('.amendment-label')?.textContent ?? ''));
    expect(labels).toEqual([`Статья ${far.num}, пункт 1`, `Статья ${far.num}, пункт 1-1`]);
    expect(await page.locator(`${article(far)} .zan-paragraph[data-num="1-1"].zan-am-insert`).count()).toBe(1);
  });

  it('edits a near article too, then undo goes back through both, drawing the far article again', async () => {
    const { page } = app;
    await jumpTo(page, near);
    await page.waitForTimeout(600); // a new undo step (ProseMirror groups edits within 500 ms)
    await cursorAtEnd(page, page.locator(firstBody(near)));
    await page.keyboard.type(' вправе');
    await expect.poll(() => page.getByTestId('amendment').count()).toBe(3);
    // The far article is out of view by now: a placeholder again, or about to be.
    await expect.poll(() => page.locator(drawn(far)).count(), { timeout: 10_000 }).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('amendment').count()).toBe(2);
    // The next undo is in the far article (Enter and the words typed at once are one step): it is
    // drawn again and the new paragraph goes; the far article's reworded paragraph stays.
    await page.keyboard.press('Control+z');
    await page.locator(drawn(far)).waitFor();
    await expect.poll(() => page.locator(`${article(far)} .zan-paragraph[data-num="1-1"]`).count()).toBe(0);
    await expect.poll(() => page.getByTestId('amendment').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(['words']);
    expect(await isInView(page, article(far), '.document-main')).toBe(true);
    // Redo brings it back (the cursor returns to where it was when the undo was made).
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.getByTestId('amendment').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(['words', 'insert']);
  });

  it('repeals a paragraph of the near article; every edit is saved', async () => {
    const { page } = app;
    await jumpTo(page, near);
    await cursorAtEnd(page, page.locator(firstBody(near)));
    await page.keyboard.press('Control+Shift+Backspace');
    await expect.poll(() => page.getByTestId('amendment').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(['repeal', 'words', 'insert']);
    await page.keyboard.press('Control+s');
    await waitSaved(page);
    const rows = queryDatabase<{ uid: string; num: string; text: string; repealed: number }>(app.databaseFile, 'SELECT uid, num, text, repealed FROM provision WHERE version_id = ?', draftId);
    const byUid = new Map(rows.map((r) => [r.uid, r]));
    expect(byUid.get(far.children[0]!.uid)?.text).toBe(`${far.children[0]!.text} и научных организаций`);
    expect(rows.filter((r) => r.text === 'Новый пункт о партнерстве.').map((r) => r.num)).toEqual(['1-1']);
    expect(byUid.get(near.children[0]!.uid)?.repealed).toBe(1);
    const stored = queryDatabase<{ kind: string }>(app.databaseFile, 'SELECT kind FROM amendment WHERE version_id = ? ORDER BY ord', draftId);
    expect(stored.map((a) => a.kind)).toEqual(['repeal', 'words', 'insert']);
  });
});
