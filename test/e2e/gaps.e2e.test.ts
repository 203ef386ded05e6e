import { describe, expect, it } from 'vitest';
import { cursorAtEnd, startDraft, useApp, waitSaved } from './harness';

const current = useApp();

describe('collaboration gaps in the real renderer', () => {
  it('annotate an amendment, see the chart change, filter by gap, and be told what blocks "ready for review"', async () => {
    const { page } = current();
    await startDraft(page);
    // Two amendments: a reworded paragraph and a repealed one.
    const p1 = page.locator('.zan-article[data-num="5"] > .zan-unit-content > .zan-paragraph[data-num="1"] > .zan-unit-content > .zan-body');
    await cursorAtEnd(page, p1);
    await page.keyboard.type(' Советы публикуют отчеты.');
    const p4 = page.locator('.zan-article[data-num="5"] > .zan-unit-content > .zan-paragraph[data-num="4"] > .zan-unit-content > .zan-body');
    await cursorAtEnd(page, p4);
    await page.keyboard.press('Control+Shift+Backspace');
    await expect.poll(() => page.getByTestId('amendment').count()).toBe(2);
    await waitSaved(page);

    // Annotate from the editor: the cursor in a changed provision highlights its entry in the panel.
    await cursorAtEnd(page, p1);
    await expect.poll(() => page.locator('.amendment-list li.is-active [data-testid="amendment"]').getAttribute('data-eid')).toBe('chp_2__art_5__para_1');
    await page.locator('.amendment-list li.is-active [data-testid="annotate"]').click();
    await page.getByTestId('gap-STATE_CAP').check();
    await page.getByTestId('justification').fill('Советы не отчитываются, и государство не видит их работу.');
    await page.getByTestId('save-annotation').click();
    await expect.poll(() => page.getByTestId('gap-chip').allInnerTexts()).toEqual(['Ограниченные возможности государства']);

    // Filter the panel by gap.
    await page.getByTestId('gap-filter').selectOption('STATE_CAP');
    expect(await page.getByTestId('amendment').count()).toBe(1);
    await page.getByTestId('gap-filter').selectOption('-');
    expect(await page.getByTestId('amendment').count()).toBe(1);
    expect(await page.getByTestId('amendment').getAttribute('data-kind')).toBe('repeal');

    // The coverage view: the annotated gap has a bar, the others are empty; one amendment needs attention.
    await page.getByTestId('open-documents').click();
    await page.getByTestId('tab-coverage').click();
    await page.getByTestId('coverage').waitFor();
    expect(await page.getByTestId('bar-STATE_CAP').getAttribute('data-count')).toBe('1');
    expect(await page.getByTestId('bar-LEG_GAP').getAttribute('data-count')).toBe('0');
    expect(await page.getByTestId('missing').innerText()).toContain('Статья 5, пункт 4');

    // Not ready: the app names what is missing.
    await page.getByTestId('mark-ready').click();
    await page.getByTestId('readiness').waitFor();
    expect(await page.getByTestId('readiness').innerText()).toContain('Статья 5, пункт 4');

    // The comparative table, filtered by the gap, keeps the annotated row, with the gap in its justification.
    await page.getByTestId('tab-table').click();
    await page.getByTestId('table-gap-filter').selectOption('STATE_CAP');
    const rows = page.locator('[data-testid="comparative-table"] tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().locator('td').nth(4).innerText()).toContain('Ограниченные возможности государства');
  });

  it('the taxonomy: add a gap, retire one, import a taxonomy file', async () => {
    const { page } = current();
    await page.getByTestId('nav-gaps').click();
    await page.getByTestId('gap-table').waitFor();
    expect(await page.locator('[data-testid^="gap-row-"]').count()).toBe(11);

    await page.getByTestId('gap-add').click();
    await page.getByTestId('gap-code').fill('sandbox');
    for (const lang of ['ru', 'kk', 'en']) {
      await page.getByTestId(`gap-Название-${lang}`).fill(`Песочница ${lang}`);
      await page.getByTestId(`gap-Что означает-${lang}`).fill('Нет режима для пилотных проектов');
      await page.getByTestId(`gap-Чем обычно устраняется-${lang}`).fill('Экспериментальный правовой режим');
    }
    await page.getByTestId('gap-save').click();
    await page.getByTestId('gap-row-SANDBOX').waitFor();
    expect(await page.getByTestId('gap-row-SANDBOX').innerText()).toContain('Песочница ru');

    await page.getByTestId('gap-retire-REGIONAL').click();
    await expect.poll(() => page.getByTestId('gap-row-REGIONAL').getAttribute('class')).toBe('is-retired');

    const file = JSON.stringify({ version: 1, gaps: [{ code: 'DATA', names: { ru: 'Данные', kk: 'Деректер', en: 'Data' }, descriptions: { ru: 'd', kk: 'd', en: 'd' }, instrument: { ru: 'i', kk: 'i', en: 'i' } }] });
    await page.getByTestId('gap-import').setInputFiles({ name: 'taxonomy.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await page.getByTestId('gap-row-DATA').waitFor();
    await page.getByTestId('gap-import').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"version":1,"gaps":[]}') });
    await expect.poll(() => page.getByTestId('taxonomy-status').innerText()).toMatch(/Invalid taxonomy/);
  });
});
