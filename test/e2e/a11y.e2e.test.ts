import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { searchIndexPending } from '../../electron/services/search';
import { describeFindings, seriousViolations } from './axe';
import { cursorAtEnd, replaceWord, startDraft, useApp, waitSaved, type E2EApp } from './harness';

/**
 * axe-core on every main view of the app, as a drafter reaches it: no violation of impact
 * "serious" or "critical". A failure lists each rule with the elements it found, so that a
 * regression says what broke (and, for contrast, the colours and the ratio measured).
 */

const body = (n: string) => `.zan-article[data-num="5"] > .zan-unit-content > .zan-paragraph[data-num="${n}"] > .zan-unit-content > .zan-body`;

/** The checks of one test: each view is checked, and all of them are reported together. */
function checker(page: Page) {
  const reports: string[] = [];
  return {
    async check(where: string): Promise<void> {
      const findings = await seriousViolations(page);
      if (findings.length > 0) reports.push(describeFindings(where, findings));
    },
    done(): void {
      expect(reports.join('\n\n'), 'axe-core found serious or critical violations').toBe('');
    },
  };
}

async function indexed(app: E2EApp): Promise<void> {
  await expect.poll(() => searchIndexPending(app.ctx), { timeout: 20_000 }).toBe(false);
}

describe('accessibility of the main views (axe-core)', () => {
  const current = useApp({ samplePackage: true });

  it('the library, a law, the search page, the gaps page and the help page', async () => {
    const app = current();
    const { page } = app;
    const axe = checker(page);
    await page.getByTestId('package-card').first().waitFor();
    await axe.check('library');

    await page.getByTestId('open-science-technology-policy-ru').click();
    await page.locator('.zan-law').waitFor();
    await axe.check('law (ru, read-only)');
    await page.getByTestId('nav-library').click();
    await page.getByTestId('open-science-technology-policy-kk').click();
    await page.locator('.zan-law').waitFor();
    await axe.check('law (kk, read-only)');

    await indexed(app);
    // The search page as a link to it opens it (#/search/<words>).
    await page.evaluate((hash) => (window.location.hash = hash), `#/search/${encodeURIComponent('индустриальный партнер')}`);
    await page.getByTestId('search-hit').first().waitFor();
    await axe.check('search');

    await page.getByTestId('nav-gaps').click();
    await page.getByTestId('gap-table').waitFor();
    await axe.check('gaps');
    await page.getByTestId('gap-add').click();
    await page.getByTestId('gap-form').waitFor();
    await axe.check('gaps, a new gap');

    await page.getByTestId('nav-help').click();
    await page.getByTestId('help').waitFor();
    await axe.check('help');
    axe.done();
  });

  it('a draft with changes, and each tab of its package documents', async () => {
    const { page } = current();
    const axe = checker(page);
    await startDraft(page);
    await cursorAtEnd(page, page.locator(body('1')));
    await page.keyboard.type(' Советы публикуют отчеты.');
    await replaceWord(page, body('2'), 'одной', 'половины');
    await cursorAtEnd(page, page.locator(body('4')));
    await page.keyboard.press('Control+Shift+Backspace');
    await expect.poll(() => page.getByTestId('amendment').count()).toBe(3);
    await waitSaved(page);
    await axe.check('draft with changes');

    // A deletion next to an insertion is read apart, not as one run of letters.
    expect.soft(await page.locator(body('2')).innerText()).toMatch(/одной\s+половины/u);
    expect.soft(await page.locator(body('4')).innerText()).toMatch(/органа\s+Исключен/u);

    await page.getByTestId('annotate').first().click();
    await page.getByTestId('justification').waitFor();
    await axe.check('draft, annotating an amendment');

    await page.getByTestId('open-documents').click();
    await page.getByTestId('amending-law').waitFor();
    await axe.check('package documents: amending law');
    await page.getByTestId('tab-table').click();
    await page.getByTestId('comparative-table').waitFor();
    await axe.check('package documents: comparative table');
    await page.getByTestId('tab-coverage').click();
    await page.getByTestId('coverage').waitFor();
    await axe.check('package documents: coverage');
    await page.getByTestId('tab-compare').click();
    await page.getByTestId('compare-row').first().waitFor();
    await axe.check('package documents: compare');
    await page.getByTestId('mode-inline').click();
    await axe.check('package documents: compare, inline');
    axe.done();
  });

  it('the command palette (Ctrl+K) over a draft', async () => {
    const { page } = current();
    const axe = checker(page);
    await startDraft(page);
    await cursorAtEnd(page, page.locator(body('1')));
    await page.keyboard.press('Control+k');
    await page.getByTestId('palette-input').waitFor();
    await axe.check('command palette');
    axe.done();
  });

  it('the sample package: its draft of four acts and its coverage', async () => {
    const { page } = current();
    const axe = checker(page);
    await page.getByTestId('package-card').last().click();
    await page.locator('.draft-switch').waitFor();
    await axe.check('sample package: draft');
    await page.getByTestId('open-documents').click();
    await page.getByTestId('tab-coverage').click();
    await page.getByTestId('coverage').waitFor();
    await axe.check('sample package: coverage');
    axe.done();
  });
});

describe('accessibility of the first-start guide (axe-core)', () => {
  const current = useApp({ guide: true });

  it('each step of the guide', async () => {
    const { page } = current();
    const axe = checker(page);
    await page.getByTestId('guide').waitFor();
    await axe.check('guide, welcome');
    await page.getByTestId('guide-next').click();
    await page.getByTestId('guide-name').waitFor();
    await axe.check('guide, who is working');
    await page.getByTestId('guide-name').fill('Д. Разработчикова');
    await page.getByTestId('guide-save-identity').click();
    await page.getByTestId('guide-law').waitFor();
    await axe.check('guide, the first draft');
    axe.done();
  });
});
