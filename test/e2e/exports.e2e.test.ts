import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cursorAtEnd, useApp, waitSaved } from './harness';

const current = useApp();

describe('exports in the real renderer', () => {
  it('the export dialog writes a changed-articles redline with tracked changes, then the whole bundle with progress', async () => {
    const { page } = current();
    // The drafter names themselves when starting the draft: their changes are signed with that name.
    await page.getByTestId('open-science-technology-policy-ru').click();
    await page.locator('.zan-law').waitFor();
    await page.getByTestId('new-package').click();
    await page.getByTestId('package-author').fill('А. Разработчик');
    await page.getByTestId('create-package').click();
    await page.locator('.zan-editor.is-editable').waitFor();
    expect(await page.getByTestId('identity').innerText()).toBe('А. Разработчик');
    const p1 = page.locator('.zan-article[data-num="5"] > .zan-unit-content > .zan-paragraph[data-num="1"] > .zan-unit-content > .zan-body');
    await cursorAtEnd(page, p1);
    await page.keyboard.type(' Советы публикуют отчеты.');
    await waitSaved(page);

    await page.getByTestId('open-documents').click();
    await page.getByTestId('open-export').click();
    await page.getByTestId('export-dialog').waitFor();
    await page.getByTestId('export-changed-only').check();
    await page.getByTestId('export-redline').click();
    await page.getByTestId('export-message').waitFor();
    const saved = (await page.getByTestId('export-message').innerText()).replace(/^[^:]*:\s*/, '');
    const xml = execFileSync('unzip', ['-p', saved, 'word/document.xml'], { encoding: 'utf8' });
    expect(xml).toMatch(/<w:ins [^>]*w:author="А. Разработчик"[^>]*>.*?<w:t[^>]*> Советы публикуют отчеты\.<\/w:t>/);
    // Only the changed article, its chapter heading, and "…" where the rest was left out.
    expect(xml).toContain('<w:t xml:space="preserve">…</w:t>');
    expect(xml.match(/Статья \d+\./g)).toEqual(['Статья 5.']);

    await page.getByTestId('bundle-start').click();
    await expect.poll(() => page.getByTestId('bundle-progress').innerText(), { timeout: 30_000 }).toMatch(/Записано в /);
    const folder = (await page.getByTestId('bundle-progress').innerText()).replace(/^[\s\S]*Записано в\s*/, '').trim();
    expect(readdirSync(folder).sort()).toEqual(expect.arrayContaining(['Сравнительная таблица (ru).docx', 'Проект закона (ru).docx', 'Akoma Ntoso (ru).xml']));
    expect(readdirSync(folder).some((f) => f.startsWith('Текст с изменениями — '))).toBe(true);
    expect(await page.locator('[data-testid="bundle-progress"] progress').evaluate((el: HTMLProgressElement) => el.value === el.max && el.max === 6)).toBe(true);

    // Escape closes the dialog once nothing is running.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('export-dialog').count()).toBe(0);
  });
});
