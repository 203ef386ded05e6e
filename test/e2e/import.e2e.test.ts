import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, cursorAtEnd, startDraft, useApp, waitSaved } from './harness';

const current = useApp();
const golden = join(import.meta.dirname, '../fixtures/import/golden');

describe('importing in the real renderer', () => {
  it('a Word document: the detected tree is previewed, then saved as a new law and opened', async () => {
    const { page } = current();
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-file').setInputFiles(join(golden, 'law.ru.docx'));
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('import-counts').innerText()).toBe('2 главы, 5 статей, 4 пункта, 4 подпункта');
    expect(await page.getByTestId('import-outline').innerText()).toContain('Статья 17-1. Совместные лаборатории');
    // The sample law with the same number is offered as the one this may be a new version of; this time it is a new law.
    await page.getByTestId('import-as-new').check();
    await page.getByTestId('import-save').click();
    await page.getByTestId('import-done').waitFor();
    await page.getByTestId('import-open').click();
    await page.locator('.zan-law').waitFor();
    expect(await page.locator('.zan-article[data-num="17-1"]').count()).toBe(1);
  });

  it('a file dropped on the dialog is read the same way', async () => {
    const { page } = current();
    await page.getByTestId('open-import').click();
    const html = readFileSync(join(golden, 'law.kk.html'), 'utf8');
    // A real drop: a DataTransfer holding the file, dispatched on the drop zone.
    await page.getByTestId('drop-zone').evaluate((zone, text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'law.kk.html', { type: 'text/html' }));
      zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
      zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }, html);
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('import-counts').innerText()).toBe('2 главы, 5 статей, 4 пункта, 4 подпункта');
    expect(await page.getByTestId('import-outline').innerText()).toContain('17-1-бап. Бірлескен зертханалар');
  });

  it('text pasted from the portal (indented, ASCII quotes, the act line, a footnote) is read as the law it is', async () => {
    const { page } = current();
    await page.getByTestId('open-import').click();
    const portal = [
      'О грантах',
      'Закон Республики Казахстан от 1 июля 2024 года № 7-VIII ЗРК.',
      'Статья 1. Гранты',
      'Сноска. Статья 1 с изменением, внесенным Законом РК от 01.01.2025 № 9-VIII.',
      '1. Гранты выделяются на "конкурсной" основе.',
      '2. Гранты выделяются ежегодно.',
    ]
      .map((l) => `      ${l}`)
      .join('\n');
    await page.getByTestId('import-paste').evaluate((area, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      area.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: data }));
    }, portal);
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('import-counts').innerText()).toBe('0 глав, 1 статья, 2 пункта, 0 подпунктов');
    const outline = await page.getByTestId('import-outline').innerText();
    expect(outline).toContain('на «конкурсной» основе');
    expect(outline).not.toContain('Сноска');
  });

  it('a refused file says why, naming the file and the limit', async () => {
    const { page } = current();
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-file').setInputFiles(join(golden, '../bad/zip-bomb-ratio.docx'));
    await page.getByTestId('import-error').waitFor();
    expect(await page.getByTestId('import-error').innerText()).toMatch(/zip-bomb-ratio\.docx: .*maxCompressionRatio/);
  });

  it('a new version of a law under an open draft: the draft is rebased, a conflict is listed and resolved', async () => {
    const { page, databaseFile } = current();
    await startDraft(page);
    const p1 = page.locator('.zan-article[data-num="5"] > .zan-unit-content > .zan-paragraph[data-num="1"] > .zan-unit-content > .zan-body');
    await cursorAtEnd(page, p1);
    await page.keyboard.type(' Советы публикуют отчеты.');
    await waitSaved(page);

    // The law in force changes the same paragraph, and another one.
    const law = readFileSync(join(CORPUS_DIR, 'science-technology-policy/ru.txt'), 'utf8');
    const next = `Закон Республики Казахстан от 1 июля 2024 года № 103-VIII.\n${law.replace('создаются при центральных государственных органах', 'создаются при центральных органах').replace('Доля представителей индустриальных партнеров составляет не менее одной трети членов совета.', 'Доля представителей индустриальных партнеров составляет не менее половины членов совета.')}`;
    const file = join(databaseFile, '../new-version.txt');
    writeFileSync(file, next);
    await page.getByTestId('nav-library').click();
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('import-into-0').isChecked()).toBe(true);
    await page.getByTestId('import-date').fill('2026-03-01');
    await page.getByTestId('import-save').click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-done').innerText()).toMatch(/1 требует решения/u);
    await page.keyboard.press('Escape');

    await page.getByTestId('package-card').first().click();
    await page.getByTestId('conflict').waitFor();
    expect(await page.getByTestId('conflict').innerText()).toContain('Статья 5, пункт 1');
    // Until decided, the draft follows the new law; the other change of the law is in it already.
    await expect.poll(() => p1.innerText()).toContain('создаются при центральных органах');
    expect(await page.locator('.zan-law').innerText()).toContain('не менее половины членов совета');
    await page.getByTestId('keep-mine').click();
    await page.locator('.zan-editor.is-editable').waitFor();
    await expect.poll(() => page.locator('.zan-article[data-num="5"] > .zan-unit-content > .zan-paragraph[data-num="1"] > .zan-unit-content > .zan-body').innerText()).toContain('Советы публикуют отчеты.');
    expect(await page.getByTestId('conflict').count()).toBe(0);
  });
});
