import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPackage } from '../../electron/services/packages';
import { searchIndexPending } from '../../electron/services/search';
import { walkProvisions, type Provision } from '../../shared/law';
import { findTerms, queryStems } from '../../shared/search/terms';
import { seedSyntheticCode } from '../bench/seed-code';
import { syntheticCode } from '../bench/synthetic';
import { launchChromium, startApp, startDraft, type E2EApp } from './harness';

/**
 * Find in a text (Ctrl+F) as a drafter uses it: a word typed in another form than the text has it
 * is found, in a Kazakh law and in the 2.3 MB code drawn lazily; Enter goes to an occurrence,
 * which is drawn, highlighted and in view just below the document's header, not under it.
 */

/** Where the find highlight is, against the visible part of the text below the header. */
function highlightPlace(page: Page) {
  return page.evaluate(() => {
    const marks = [...document.querySelectorAll('.zan-find-hit')];
    const main = document.querySelector('.document-main') as HTMLElement;
    const header = main.querySelector(':scope > .document-header') as HTMLElement;
    const first = marks[0];
    if (!first) return null;
    const box = first.getBoundingClientRect();
    const inArticle = first.closest('.zan-article')?.getAttribute('data-num') ?? null;
    return { text: marks.map((m) => m.textContent).join(''), article: inArticle, top: box.top, bottom: box.bottom, headerBottom: header.getBoundingClientRect().bottom, viewBottom: main.getBoundingClientRect().bottom };
  });
}

async function indexed(app: E2EApp): Promise<void> {
  await expect.poll(() => searchIndexPending(app.ctx), { timeout: 20_000 }).toBe(false);
}

describe('find in a text', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  /** Runs a test on a fresh app (a database of its own), closed and removed after it. */
  async function withApp(options: Parameters<typeof startApp>[2], run: (app: E2EApp) => Promise<void>): Promise<void> {
    const dir = mkdtempSync(join(tmpdir(), 'zan-e2e-find-'));
    const app = await startApp(browser, dir, options);
    try {
      await run(app);
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('in a Kazakh law: a word in another form is found and shown below the header', async () => {
    await withApp({}, async (app) => {
      const { page } = app;
      await indexed(app);
      await page.getByTestId('open-science-technology-policy-kk').click();
      await page.locator('.zan-law').waitFor();
      await page.keyboard.press('Control+f');
      await page.getByTestId('find-input').fill('коммерцияландыруға');
      await expect.poll(() => page.getByTestId('find-count').innerText()).toMatch(/^0 из \d+$/);
      await page.getByTestId('find-input').press('Enter');
      await expect.poll(() => page.getByTestId('find-count').innerText()).toMatch(/^1 из \d+$/);
      const place = await highlightPlace(page);
      expect(place?.text.toLowerCase()).toMatch(/^коммерцияландыру/);
      expect(place!.top).toBeGreaterThanOrEqual(place!.headerBottom);
      expect(place!.bottom).toBeLessThanOrEqual(place!.viewBottom);
      // Esc closes the bar and takes the highlight away.
      await page.getByTestId('find-input').press('Escape');
      expect(await page.getByTestId('find-bar').count()).toBe(0);
      expect(await highlightPlace(page)).toBeNull();
    });
  });

  it('search across the library: word forms found in several laws, grouped, and a hit opens its text on the words', async () => {
    await withApp({}, async (app) => {
      const { page } = app;
      await indexed(app);
      await page.getByTestId('nav-search').click();
      await page.getByTestId('search-input').fill('индустриальный партнер');
      await expect.poll(() => page.getByTestId('search-summary').innerText()).toMatch(/Найден[оа] \d+ единиц/u);
      expect(await page.getByTestId('search-group').count()).toBeGreaterThan(1);
      const marked = await page.locator('.search-hit mark').allInnerTexts();
      expect(marked.some((m) => /^индустриальн\S* партн/i.test(m))).toBe(true);
      expect(marked.every((m) => /^индустриальн\S*\s+(\S+\s+){0,2}партн/i.test(m))).toBe(true);
      // The query is in the address: a reload comes back to it.
      expect(await page.evaluate(() => decodeURIComponent(window.location.hash))).toBe('#/search/индустриальный партнер');
      const hit = page.getByTestId('search-hit').first();
      const label = (await hit.locator('.search-hit-label').innerText()).trim();
      await hit.click();
      await page.locator('.zan-law').waitFor();
      await expect.poll(async () => (await highlightPlace(page))?.text ?? '').toMatch(/^индустриальн/i);
      const place = await highlightPlace(page);
      expect(place!.top).toBeGreaterThanOrEqual(place!.headerBottom);
      expect(place!.bottom).toBeLessThanOrEqual(place!.viewBottom);
      expect(label).toMatch(/^Статья \d/);
    });
  });

  it('Ctrl+H in a draft: replace all replaces the form typed (the others counted and left), makes the amendments, and one Ctrl+Z takes them all back', async () => {
    await withApp({}, async (app) => {
      const { page } = app;
      await indexed(app);
      await startDraft(page);
      // The text as it now reads (without the deleted words the change marks show struck through).
      const editorText = () =>
        page.evaluate(() => {
          const copy = document.querySelector('.zan-editor .ProseMirror')!.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('.zan-del').forEach((d) => d.remove());
          return copy.textContent ?? '';
        });
      const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;
      const before = await editorText();
      const forms = count(before, /индустриальн\S*\s+партн/gi);
      expect(forms).toBeGreaterThan(3);
      await page.locator('.zan-editor .ProseMirror').click();
      await page.keyboard.press('Control+h');
      await page.getByTestId('find-input').fill('индустриальный партнер');
      await expect.poll(() => page.getByTestId('find-count').innerText()).toMatch(/^0 из \d+$/);
      // Enter goes to the first occurrence, marked in the draft, and it stays marked as the editor redraws.
      await page.getByTestId('find-input').press('Enter');
      await expect.poll(() => page.locator('.zan-find-hit').count()).toBeGreaterThan(0);
      await page.waitForTimeout(1200);
      expect(await page.locator('.zan-find-hit').count()).toBeGreaterThan(0);
      await page.getByTestId('replace-input').fill('отраслевой партнер');
      await page.getByTestId('replace-all').click();
      // Only the form typed is replaced; the others are counted and left (each needs its own form).
      const same = count(before, /индустриальный партнер(?!\p{L})/giu);
      expect(same).toBeGreaterThan(0);
      expect(same).toBeLessThan(forms);
      await expect.poll(() => page.getByTestId('replaced').innerText()).toMatch(new RegExp(`^Заменено: ${same} ${forms - same} вхождени`, 'u'));
      const after = await editorText();
      expect(count(after, /индустриальный партнер(?!\p{L})/giu)).toBe(0);
      expect(count(after, /индустриальн\S*\s+партн/gi)).toBe(forms - same);
      expect(count(after, /отраслевой партнер/g)).toBe(same);
      // The find bar stays on the occurrences as they now are: after the save, the forms left.
      await expect.poll(() => page.getByTestId('find-count').innerText(), { timeout: 10_000 }).toMatch(new RegExp(`из ${forms - same}$`, 'u'));
      // The amendments follow, one per unit changed.
      const units = await page.getByTestId('amendment').count();
      expect(units).toBeGreaterThan(0);
      expect(units).toBeLessThanOrEqual(same);
      // Back in the text, one undo takes the whole replacement back.
      await page.getByTestId('find-input').press('Escape');
      await page.keyboard.press('Control+z');
      await expect.poll(editorText).toBe(before);
      await expect.poll(() => page.getByTestId('amendment').count()).toBe(0);
    });
  });

  it('a jump from the outline lands on the article\'s heading just below the header, not under it', async () => {
    await withApp({ viewport: { width: 1440, height: 900 } }, async (app) => {
      const { page } = app;
      await page.getByTestId('open-science-technology-policy-ru').click();
      await page.locator('.zan-law').waitFor();
      const article = page.locator('.zan-editor .zan-article[data-num="3"]');
      const uid = await article.getAttribute('data-uid');
      await page.locator(`[data-outline-uid="${uid}"]`).click();
      // Smooth scrolling ends where the heading is just below the header.
      const gap = () =>
        article.evaluate((el) => {
          const header = document.querySelector('.document-main > .document-header') as HTMLElement;
          return Math.round(el.getBoundingClientRect().top - header.getBoundingClientRect().bottom);
        });
      await expect.poll(gap, { timeout: 5000 }).toBeGreaterThanOrEqual(0);
      await page.waitForTimeout(600);
      const settled = await gap();
      expect(settled).toBeGreaterThanOrEqual(0);
      // Just below it — unless the text ends too soon to scroll that far.
      const atEnd = await page.evaluate(() => {
        const main = document.querySelector('.document-main') as HTMLElement;
        return main.scrollTop + main.clientHeight >= main.scrollHeight - 1;
      });
      expect(atEnd || settled < 40).toBe(true);
    });
  });

  it('in the 2.3 MB code: the last occurrence, far down and not drawn yet, is drawn and shown below the header', async () => {
    let lawId = '';
    await withApp({ seed: (ctx) => void (lawId = seedSyntheticCode(ctx)) }, async (app) => {
      const { page } = app;
      const pkg = createPackage(app.ctx, { title: 'Поиск в кодексе', baseVersionIds: [lawId] });
      // The code indexed (from the start); its new draft is its base until it is saved, and is searched in it.
      await expect.poll(() => app.ctx.store.search.stateOf(lawId) !== undefined, { timeout: 20_000 }).toBe(true);
      // Three words of the last article's first paragraph, in a rarer run than any word alone,
      // each asked for without its last letter.
      const code = syntheticCode(1000, 1);
      const articles: Provision[] = [];
      walkProvisions(code.body, (u) => void (u.kind === 'article' && !u.repealed && u.children[0]?.kind === 'paragraph' && articles.push(u)));
      const last = articles[articles.length - 1]!;
      const words = last.children[0]!.text.split(/\s+/).filter((w) => /^[а-яё]{4,}$/i.test(w));
      const query = words.slice(0, 3).map((w) => w.slice(0, -1)).join(' ');
      let units = 0;
      walkProvisions(code.body, (u) => void (findTerms(u.text, queryStems(query)).length && (units += 1)));
      expect(units).toBeGreaterThan(0);
      expect(units).toBeLessThan(1000);
      await page.evaluate((hash) => (window.location.hash = hash), `#/draft/${pkg.id}/${pkg.drafts[0]!.versionId}`);
      await page.locator('.zan-editor.is-editable .zan-paragraph').first().waitFor({ timeout: 30_000 });
      await page.keyboard.press('Control+f');
      await page.getByTestId('find-input').fill(query);
      await expect.poll(() => page.getByTestId('find-count').innerText(), { timeout: 10_000 }).toMatch(/^0 из \d+$/);
      expect(await page.getByTestId('find-count').innerText()).not.toContain('+');
      // Shift+Enter from the start goes to the last occurrence.
      await page.getByTestId('find-input').press('Shift+Enter');
      await expect.poll(async () => (await highlightPlace(page))?.article ?? null).toBe(last.num);
      const place = await highlightPlace(page);
      expect(place!.top).toBeGreaterThanOrEqual(place!.headerBottom);
      expect(place!.bottom).toBeLessThanOrEqual(place!.viewBottom);
      // The occurrence is in the last article, which is drawn now.
      expect(place!.article).toBe(last.num);
      expect(await page.locator(`.zan-article[data-num="${last.num}"]:not(.zan-lazy)`).count()).toBe(1);
    });
  });
});
