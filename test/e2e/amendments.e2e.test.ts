import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cursorAtEnd, queryDatabase, replaceWord, startDraft, useApp, waitSaved } from './harness';

const current = useApp();

const P1 = '.zan-article[data-num="5"] > .zan-unit-content > .zan-paragraph[data-num="1"]';

/** The amendments stored for the package's draft in one language (a new package amends the Kazakh text too). */
function storedAmendments(file: string, lang = 'ru') {
  return queryDatabase<{ kind: string; e_id: string; proposed: string }>(
    file,
    'SELECT a.kind, a.e_id, a.proposed FROM amendment a JOIN version v ON v.id = a.version_id JOIN expression e ON e.id = v.expression_id WHERE e.lang = ? ORDER BY a.ord',
    lang,
  );
}

describe('amendments in the editor', () => {
  it('a replaced word is struck and underlined, listed in the panel, stored in SQLite; undo removes it', async () => {
    const { page } = current();
    await startDraft(page);
    expect(await page.getByTestId('amendment').count()).toBe(0);

    await replaceWord(page, `${P1} > .zan-unit-content > .zan-body`, 'создаются', 'образуются');
    await expect.poll(() => page.locator(`${P1} .zan-del`).allInnerTexts()).toEqual(['создаются']);
    expect(await page.locator(`${P1} .zan-ins`).allInnerTexts()).toEqual(['образуются']);
    await expect.poll(() => page.getByTestId('amendment').count()).toBe(1);
    const item = page.getByTestId('amendment').first();
    expect(await item.getAttribute('data-kind')).toBe('words');
    expect(await item.innerText()).toContain('Статья 5, пункт 1');
    expect(await item.locator('del').innerText()).toBe('создаются');
    expect(await item.locator('ins').innerText()).toBe('образуются');

    await waitSaved(page);
    const stored = storedAmendments(current().databaseFile);
    expect(stored.map((a) => [a.kind, a.e_id])).toEqual([['words', 'chp_2__art_5__para_1']]);
    expect(JSON.parse(stored[0]!.proposed).text).toContain('образуются');

    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('amendment').count()).toBe(0);
    expect(await page.locator(`${P1} .zan-del, ${P1} .zan-ins`).count()).toBe(0);
    await waitSaved(page);
    expect(storedAmendments(current().databaseFile)).toEqual([]);
  });

  it('a new paragraph is marked as inserted and numbered 1-1; clicking the panel entry shows it', async () => {
    const { page } = current();
    await startDraft(page);
    await cursorAtEnd(page, page.locator(`${P1} > .zan-unit-content > .zan-body`));
    await page.keyboard.press('Enter');
    await page.keyboard.type('Советы взаимодействуют с консорциумами.');
    const inserted = page.locator('.zan-paragraph[data-num="1-1"]');
    await expect.poll(() => inserted.getAttribute('class')).toContain('zan-am-insert');
    await expect.poll(() => page.locator('[data-testid="amendment"][data-kind="insert"]').count()).toBe(1);
    // The whole text of paragraph 1 stayed where it was: nothing else changed.
    expect(await page.getByTestId('amendment').count()).toBe(1);
    expect(await page.locator('[data-testid="amendment"][data-kind="insert"]').innerText()).toContain('Статья 5, пункт 1-1');
    await page.locator('[data-testid="amendment"][data-kind="insert"]').click();
    await expect.poll(() => inserted.evaluate((el) => el.getBoundingClientRect().top > 0 && el.getBoundingClientRect().top < window.innerHeight)).toBe(true);
  });

  it('Ctrl+Shift+Backspace repeals a paragraph: it stays as a stub, marked repealed, listed as a repeal', async () => {
    const { page } = current();
    await startDraft(page);
    const p4 = '.zan-article[data-num="5"] > .zan-unit-content > .zan-paragraph[data-num="4"]';
    await cursorAtEnd(page, page.locator(`${p4} > .zan-unit-content > .zan-body`));
    await page.keyboard.press('Control+Shift+Backspace');
    await expect.poll(() => page.locator(p4).getAttribute('class')).toContain('zan-am-repeal');
    expect(await page.locator(`${p4} > .zan-unit-content > .zan-body`).innerText()).toContain('Исключен.');
    await expect.poll(() => page.locator('[data-testid="amendment"][data-kind="repeal"]').count()).toBe(1);
    expect(await page.locator('[data-testid="amendment"][data-kind="repeal"]').innerText()).toContain('Статья 5, пункт 4');
    await waitSaved(page);
    expect(storedAmendments(current().databaseFile).map((a) => [a.kind, a.e_id])).toEqual([['repeal', 'chp_2__art_5__para_4']]);
    // A repeal is a structural edit: the Kazakh draft has it too, with its own stub.
    const kk = storedAmendments(current().databaseFile, 'kk');
    expect(kk.map((a) => [a.kind, a.e_id])).toEqual([['repeal', 'chp_2__art_5__para_4']]);
    expect(JSON.parse(kk[0]!.proposed).text).toMatch(/^Алынып тасталды/u);
  });

  it('the documents of the draft: amending law and comparative table list the same change as the panel; DOCX export', async () => {
    const { page } = current();
    await startDraft(page);
    await replaceWord(page, `${P1} > .zan-unit-content > .zan-body`, 'создаются', 'образуются');
    await expect.poll(() => page.getByTestId('amendment').count()).toBe(1);
    const panelLabel = (await page.locator('.amendment-label').first().innerText()).trim();
    await page.getByTestId('open-documents').click();
    const law = page.getByTestId('amending-law');
    await law.waitFor();
    // One word for one word, the only change: "слово … словом", unnumbered (Z1200000059).
    expect(await law.innerText()).toContain('пункте 1 статьи 5 слово «создаются» заменить словом «образуются».');
    expect(await law.innerText()).toContain('О научно-технической политике');
    await page.getByTestId('tab-table').click();
    const rows = page.locator('[data-testid="comparative-table"] tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().locator('td').nth(1).innerText()).toBe(panelLabel);
    expect(await rows.first().locator('td').nth(2).locator('b').innerText()).toBe('создаются');
    expect(await rows.first().locator('td').nth(3).locator('b').innerText()).toBe('образуются');
    await page.getByTestId('export-docx').click();
    await page.getByTestId('export-status').waitFor();
    const saved = (await page.getByTestId('export-status').innerText()).replace(/^[^:]*:\s*/, '');
    expect(readFileSync(saved).subarray(0, 2).toString()).toBe('PK');
  });

  it('a package that amends the Russian and the Kazakh text: each has its draft, and the documents switch language', async () => {
    const { page } = current();
    await page.getByTestId('open-science-technology-policy-ru').click();
    await page.getByTestId('new-package').click();
    await page.getByTestId('also-kk').check();
    await page.getByTestId('create-package').click();
    await page.locator('.zan-editor.is-editable').waitFor();
    await replaceWord(page, `${P1} > .zan-unit-content > .zan-body`, 'создаются', 'образуются');
    await waitSaved(page);

    await page.getByTestId('draft-kk').click();
    await expect.poll(() => page.locator('.zan-law').getAttribute('lang')).toBe('kk');
    const kkP1 = page.locator('.zan-article[data-num="5"] > .zan-unit-content > .zan-paragraph[data-num="1"] > .zan-unit-content > .zan-body');
    await cursorAtEnd(page, kkP1);
    await page.keyboard.type(' Жыл сайын.');
    await expect.poll(() => page.getByTestId('amendment').count()).toBe(1);
    await waitSaved(page);

    await page.getByTestId('open-documents').click();
    await page.getByTestId('amending-law').waitFor();
    expect(await page.getByTestId('amending-law').innerText()).toMatch(/^Статья 1\. Внести в Закон/);
    await page.getByRole('button', { name: 'ҚАЗ' }).click();
    // The law cited as Kazakh lead-ins cite it (Z080000062_): its title first, the dative.
    await expect.poll(() => page.getByTestId('amending-law').innerText()).toMatch(/^1-бап\. «Ғылыми-техникалық саясат туралы/);
    expect(await page.getByTestId('amending-law').innerText()).toMatch(/деген сөзден кейін «Жыл сайын\.» деген сөздермен толықтырылсын/);
  });
});
