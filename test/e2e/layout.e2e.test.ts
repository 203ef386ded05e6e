import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startDraft, useApp } from './harness';

/**
 * The layout at the window sizes drafters have (a 1280×720 laptop to a 1920×1080 monitor): nothing
 * of the coverage view runs off the window's right edge, the draft's sticky header leaves the text
 * most of a low window, and a paragraph's number stands apart from its first word. Every check is
 * an inequality with a margin, so that another font's metrics do not make it flaky.
 */

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const;

/** The tallest the draft's header may be: at 720 px high the bound, elsewhere a fifth of the window. */
const headerLimit = (height: number) => (height <= 720 ? 150 : Math.max(150, height / 5));

/** What sticks out past the right edge of the visible part of the app's scroll area (the window less its scrollbar). */
function overflowRight(page: Page, selectors: readonly string[]) {
  return page.evaluate((list) => {
    const content = document.querySelector('.content') as HTMLElement;
    const edge = Math.min(window.innerWidth, content.getBoundingClientRect().left + content.clientWidth);
    const out: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
    if (content.scrollWidth > content.clientWidth + 1) out.push(`the content area scrolls sideways: ${content.scrollWidth} > ${content.clientWidth}`);
    for (const selector of list) {
      const found = [...document.querySelectorAll(selector)];
      if (found.length === 0) out.push(`${selector}: not found`);
      for (const el of found) {
        const right = el.getBoundingClientRect().right;
        if (right > edge + 0.5) out.push(`${selector} ends at ${Math.round(right)} > ${Math.round(edge)}`);
      }
    }
    return out;
  }, selectors);
}

/**
 * For each paragraph and subparagraph of an article, the room between the number's box (its "."
 * or ")" included) and the first letter of the text, measured with a Range: negative is overlap.
 */
function numberGaps(page: Page, article: string) {
  return page.evaluate((num) => {
    const units = document.querySelectorAll(`.zan-article[data-num="${num}"] :is(.zan-paragraph, .zan-subparagraph)`);
    return [...units].map((unit) => {
      const label = unit.querySelector(':scope > .zan-num') as HTMLElement;
      const body = unit.querySelector(':scope > .zan-unit-content > .zan-body') as HTMLElement;
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (/\S/u.test(n.textContent ?? '') ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP) });
      const text = walker.nextNode() as Text;
      const first = (text.textContent ?? '').search(/\S/u);
      const range = document.createRange();
      range.setStart(text, first);
      range.setEnd(text, first + 1);
      return { num: unit.getAttribute('data-num'), gap: range.getBoundingClientRect().left - label.getBoundingClientRect().right, fontSize: parseFloat(getComputedStyle(body).fontSize) };
    });
  }, article);
}

function headerHeight(page: Page): Promise<number> {
  return page.locator('.document-main > .document-header').evaluate((el) => el.getBoundingClientRect().height);
}

for (const size of SIZES) {
  describe(`at ${size.width}×${size.height}`, () => {
    const current = useApp({ viewport: size, samplePackage: true });

    it('the coverage view fits the window: bars, counts and the matrix box (which scrolls inside itself); gap names head its columns', async () => {
      const { page } = current();
      // The sample package: eleven gaps across four acts, the widest matrix the app ships with.
      await page.getByTestId('package-card').last().click();
      await page.getByTestId('open-documents').click();
      await page.getByTestId('tab-coverage').click();
      await page.getByTestId('coverage').waitFor();
      await page.evaluate(() => document.fonts.ready);
      expect(await overflowRight(page, ['.coverage', '.gap-bars li', '.gap-bar-track', '.gap-bar-count', '.matrix-wrap', '.attention', '.document-header .toolbar'])).toEqual([]);
      // The matrix keeps its columns readable: when they do not fit, its box scrolls, not the page.
      const matrix = await page.getByTestId('matrix').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, overflowX: getComputedStyle(el).overflowX }));
      if (matrix.scroll > matrix.client) expect(matrix.overflowX).toBe('auto');
      const heading = page.getByTestId('matrix-gap-LEG_GAP');
      expect(await heading.innerText()).toContain('Пробел в законодательстве');
      expect(await heading.getAttribute('title')).toMatch(/^LEG_GAP/u);
    });

    it('the gaps page: codes and names do not overlap', async () => {
      const { page } = current();
      await page.getByTestId('nav-gaps').click();
      await page.getByTestId('gap-table').waitFor();
      await page.evaluate(() => document.fonts.ready);
      expect(await overflowRight(page, ['[data-testid="gap-table"]'])).toEqual([]);
      const overlaps = await page.evaluate(() =>
        [...document.querySelectorAll('[data-testid^="gap-row-"]')].flatMap((row) => {
          const [code, name] = [...row.querySelectorAll('td')].slice(0, 2).map((td) => {
            const range = document.createRange();
            range.selectNodeContents(td);
            return { text: range.getBoundingClientRect(), cell: td.getBoundingClientRect() };
          });
          // Each text inside its own cell: the code ends before the name's cell begins.
          return code!.text.right <= name!.cell.left + 0.5 && name!.text.left >= name!.cell.left - 0.5 ? [] : [row.getAttribute('data-testid')];
        }),
      );
      expect(overlaps).toEqual([]);
    });

    it("the draft's header leaves the text the window; numbers stand apart from the text", async () => {
      const { page } = current();
      await startDraft(page);
      await page.evaluate(() => document.fonts.ready);
      // A new package amends the law's Kazakh and Russian texts: the header has the switch between the two.
      await page.locator('.draft-switch').waitFor();
      const single = await headerHeight(page);
      expect(single).toBeLessThanOrEqual(headerLimit(size.height) + 40);
      expect(await overflowRight(page, ['.document-main > .document-header .toolbar'])).toEqual([]);

      // Paragraph 2-1 of article 5 ("2-1. Отраслевой…") and its neighbours: at least a fifth of an em between.
      await page.locator('.zan-article[data-num="5"]').evaluate((el) => el.scrollIntoView({ block: 'center' }));
      const gaps = await numberGaps(page, '5');
      expect(gaps.map((g) => g.num)).toContain('2-1');
      expect(gaps.filter((g) => g.gap < g.fontSize * 0.2)).toEqual([]);
      // The same with the numbers drawn much wider, as a broader font draws them ("2-1." wider than
      // the indent): still apart. (A rule added through the CSSOM, which the CSP allows.)
      await page.evaluate(() => {
        const sheet = [...document.styleSheets].find((s) => s.cssRules.length > 0) as CSSStyleSheet;
        sheet.insertRule('.zan-law .zan-num { letter-spacing: 0.35em; }', sheet.cssRules.length);
      });
      const wide = await numberGaps(page, '5');
      expect(wide.filter((g) => g.gap < g.fontSize * 0.2)).toEqual([]);

      // A package of four acts: the header has a switch between its texts too.
      await page.getByTestId('nav-library').click();
      await page.getByTestId('package-card').last().click();
      await page.locator('.zan-editor.is-editable').waitFor();
      await page.locator('.draft-switch').waitFor();
      await page.evaluate(() => document.fonts.ready);
      expect(await headerHeight(page)).toBeLessThanOrEqual(headerLimit(size.height) + 40);
      expect(await overflowRight(page, ['.document-main > .document-header .toolbar', '.draft-switch'])).toEqual([]);
    });
  });
}
