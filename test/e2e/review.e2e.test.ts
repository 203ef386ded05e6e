import { describe, expect, it } from 'vitest';
import { cursorAtEnd, startDraft, useApp, waitSaved } from './harness';

const current = useApp();

describe('review in the real renderer', () => {
  it('sign in, comment on a change, reject it and see the draft restored', async () => {
    const { page } = current();
    await page.getByTestId('identity').click();
    await page.getByTestId('identity-name').fill('А. Рецензентова');
    await page.getByTestId('identity-role').fill('Юридический департамент');
    await page.getByTestId('identity-save').click();
    await expect.poll(() => page.getByTestId('identity').innerText()).toBe('А. Рецензентова · Юридический департамент');

    await startDraft(page);
    const p1 = page.locator('.zan-article[data-num="5"] > .zan-unit-content > .zan-paragraph[data-num="1"] > .zan-unit-content > .zan-body');
    const original = await p1.innerText();
    await cursorAtEnd(page, p1);
    await page.keyboard.type(' Лишняя фраза.');
    await expect.poll(() => page.getByTestId('amendment').count()).toBe(1);
    await waitSaved(page);
    await page.getByTestId('accept').waitFor();

    await page.getByTestId('comments').click();
    await page.getByTestId('comment-text').fill('Фраза лишняя.');
    await page.getByTestId('comment-send').click();
    await expect.poll(() => page.getByTestId('comment-thread').innerText()).toContain('А. Рецензентова');
    await page.getByTestId('history').click();
    await expect.poll(() => page.getByTestId('history-list').innerText()).toContain('А. Рецензентова (Юридический департамент) — оставлен комментарий');

    // Her own comment: reworded in place (the thread says it was edited), then a second one deleted after a yes.
    await page.getByTestId('comment-edit').click();
    await page.getByTestId('comment-edit-text').fill('Фраза лишняя: уберите её.');
    await page.getByTestId('comment-edit-text').press('Control+Enter');
    await expect.poll(() => page.getByTestId('comment-thread').innerText()).toContain('Фраза лишняя: уберите её.');
    expect(await page.getByTestId('comment-thread').innerText()).toMatch(/изменён/u);
    await page.getByTestId('comment-text').fill('Временное замечание.');
    await page.getByTestId('comment-send').click();
    await expect.poll(() => page.getByTestId('comment').count()).toBe(2);
    await page.getByTestId('comment-delete').nth(1).click();
    await page.getByTestId('comment-delete-yes').click();
    await expect.poll(() => page.getByTestId('comment').count()).toBe(1);
    expect(await page.getByTestId('comment-thread').innerText()).not.toContain('Временное замечание.');

    // Reject asks first; then the wording in force comes back, and the rejected change stays listed.
    await page.getByTestId('reject').click();
    expect(await page.getByTestId('amendment').count()).toBe(1);
    await page.getByTestId('confirm-reject').click();
    await expect.poll(() => page.getByTestId('amendment').count()).toBe(0);
    await page.locator('.zan-editor.is-editable').waitFor();
    expect(await p1.innerText()).toBe(original);
    // The draft comes back where the reviewer was (article 5 is far below the top of the law).
    await expect.poll(() => p1.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top > 0 && r.bottom < window.innerHeight; })).toBe(true);
    await expect.poll(() => page.getByTestId('rejected-amendment').count()).toBe(1);
    expect(await page.getByTestId('rejected-list').innerText()).toMatch(/Отклонено: А\. Рецензентова/u);

    // Ctrl+Z right after takes the rejection back: the change is in the draft again, proposed.
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('amendment').count()).toBe(1);
    await page.locator('.zan-editor.is-editable').waitFor();
    expect(await p1.innerText()).toBe(`${original} Лишняя фраза.`);
    expect(await page.getByTestId('rejected-amendment').count()).toBe(0);

    // Rejected again, then restored later from the list.
    await page.getByTestId('reject').click();
    await page.getByTestId('confirm-reject').click();
    await expect.poll(() => page.getByTestId('rejected-amendment').count()).toBe(1);
    await page.getByTestId('restore-rejected').click();
    await expect.poll(() => page.getByTestId('amendment').count()).toBe(1);
    await expect.poll(() => p1.innerText()).toBe(`${original} Лишняя фраза.`);

    // The comment is found by the library search, in another form of its word, and opens the draft.
    await page.getByTestId('nav-search').click();
    await page.getByTestId('search-input').fill('лишний');
    await expect.poll(() => page.getByTestId('note-hit').count()).toBe(1);
    expect(await page.getByTestId('note-hit').innerText()).toContain('Статья 5, пункт 1');
    await page.getByTestId('note-hit').click();
    await page.locator('.zan-editor.is-editable').waitFor();
  });

  it('approve is shown as approved and can be withdrawn; the markup views show the text in force, the approved text and the final text', async () => {
    const { page } = current();
    await page.getByTestId('identity').click();
    await page.getByTestId('identity-name').fill('Рецензент');
    await page.getByTestId('identity-save').click();
    await startDraft(page);
    const body = (n: string) => page.locator(`.zan-article[data-num="5"] > .zan-unit-content > .zan-paragraph[data-num="${n}"] > .zan-unit-content > .zan-body`);
    const text1 = await body('1').innerText();
    const text2 = await body('2').innerText();
    await cursorAtEnd(page, body('1'));
    await page.keyboard.type(' Одобряемая фраза.');
    await cursorAtEnd(page, body('2'));
    await page.keyboard.type(' Спорная фраза.');
    await expect.poll(() => page.getByTestId('amendment').count()).toBe(2);
    await waitSaved(page);
    await expect.poll(() => page.getByTestId('accept').count()).toBe(2);
    // Approve the first: its entry says "approved", offers to withdraw, and its unit is marked approved.
    await page.getByTestId('accept').first().click();
    await page.getByTestId('approved').waitFor();
    expect(await page.getByTestId('unapprove').count()).toBe(1);
    await expect.poll(() => page.locator('.zan-paragraph.zan-approved').count()).toBe(1);

    const shown = async () => [await body('1').innerText(), await body('2').innerText()];
    await page.getByTestId('markup-base').click();
    await expect.poll(shown).toEqual([text1, text2]);
    expect(await page.locator('.zan-editor.is-readonly').count()).toBe(1);
    await page.getByTestId('markup-approved').click();
    await expect.poll(shown).toEqual([`${text1} Одобряемая фраза.`, text2]);
    await page.getByTestId('markup-final').click();
    await expect.poll(shown).toEqual([`${text1} Одобряемая фраза.`, `${text2} Спорная фраза.`]);
    await page.locator('.zan-editor.is-editable').waitFor();
    await page.getByTestId('markup-all').click();

    // Withdrawn: proposed again, and "approved only" shows the text in force there.
    await page.getByTestId('unapprove').click();
    await expect.poll(() => page.getByTestId('accept').count()).toBe(2);
    await page.getByTestId('markup-approved').click();
    await expect.poll(shown).toEqual([text1, text2]);
    await page.getByTestId('markup-all').click();
  });

  it('snapshot, edit, compare the snapshot with the draft side by side and inline, move between changes with the keyboard', async () => {
    const { page } = current();
    await page.getByTestId('identity').click();
    await page.getByTestId('identity-name').fill('Разработчик');
    await page.getByTestId('identity-save').click();
    await startDraft(page);
    const body = (n: string) => page.locator(`.zan-article[data-num="5"] > .zan-unit-content > .zan-paragraph[data-num="${n}"] > .zan-unit-content > .zan-body`);
    await cursorAtEnd(page, body('1'));
    await page.keyboard.type(' Первая правка.');
    await waitSaved(page);

    await page.getByTestId('open-documents').click();
    await page.getByTestId('tab-compare').click();
    await page.getByTestId('compare').waitFor();
    await expect.poll(() => page.getByTestId('compare-row').count()).toBe(1);
    await page.getByTestId('snapshot-name').fill('Направлено в Минюст');
    await page.getByTestId('snapshot-create').click();
    await page.getByTestId('snapshot-status').waitFor();

    // Back in the draft, two more changes after the snapshot.
    await page.getByRole('button', { name: /К рабочей редакции/ }).click();
    await cursorAtEnd(page, body('2'));
    await page.keyboard.type(' Вторая правка.');
    await cursorAtEnd(page, body('3'));
    await page.keyboard.type(' Третья правка.');
    await waitSaved(page);
    await page.getByTestId('open-documents').click();
    await page.getByTestId('tab-compare').click();
    await page.getByTestId('compare').waitFor();
    await expect.poll(() => page.getByTestId('compare-left').locator('option').count()).toBe(3);
    await page.getByTestId('compare-left').selectOption({ index: 2 });
    await expect.poll(() => page.getByTestId('compare-row').count()).toBe(2);
    expect(await page.getByTestId('compare-rows').innerText()).not.toContain('Первая правка');
    expect(await page.locator('.side-by-side b').allInnerTexts()).toEqual(expect.arrayContaining([' Вторая правка.']));

    // J moves to the next change, K back.
    await page.getByTestId('compare').focus();
    await page.keyboard.press('j');
    await expect.poll(() => page.locator('.compare-row.is-current h3').innerText()).toContain('Статья 5, пункт 3');
    await page.keyboard.press('k');
    await expect.poll(() => page.locator('.compare-row.is-current h3').innerText()).toContain('Статья 5, пункт 2');

    await page.getByTestId('mode-inline').click();
    expect(await page.locator('.inline-diff ins').allInnerTexts()).toEqual([' Вторая правка.', ' Третья правка.']);
    await page.getByTestId('compare-kind').selectOption('insert');
    await expect.poll(() => page.getByTestId('compare-row').count()).toBe(0);
    await page.getByTestId('compare-kind').selectOption('');
    await page.getByTestId('compare-status').selectOption('accepted');
    await expect.poll(() => page.getByTestId('compare-row').count()).toBe(0);
    await page.getByTestId('compare-status').selectOption('proposed');
    await expect.poll(() => page.getByTestId('compare-row').count()).toBe(2);

    // The draft against the text in force: the columns say what they show, and a row is approved here.
    await page.getByTestId('compare-status').selectOption('');
    await page.getByTestId('mode-side').click();
    await page.getByTestId('compare-left').selectOption({ index: 0 });
    await page.getByTestId('compare-right').selectOption({ index: 1 });
    await expect.poll(() => page.getByTestId('compare-row').count()).toBe(3);
    expect(await page.getByTestId('compare-columns').innerText()).toMatch(/Действующая редакция\s+Рабочая редакция/u);
    expect(await page.getByTestId('export-docx').count()).toBe(0);
    await page.getByTestId('compare-row').first().getByTestId('accept').click();
    await expect.poll(() => page.getByTestId('compare-row').first().getByTestId('approved').count()).toBe(1);
    await page.getByTestId('compare-status').selectOption('accepted');
    await expect.poll(() => page.getByTestId('compare-row').count()).toBe(1);
    // With the unchanged units beside the changes: paragraph 4 (after 3) shows, marked unchanged.
    await page.getByTestId('compare-status').selectOption('');
    await page.getByTestId('compare-context').check();
    await expect.poll(() => page.getByTestId('compare-context-row').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('compare-row').count()).toBe(3);
    expect(await page.getByTestId('compare-rows').innerText()).toContain('Статья 5, пункт 4');
  });

  it('two people edit one draft: each change shows who made it, and the panel filters by author', async () => {
    const { page } = current();
    const signIn = async (name: string) => {
      await page.getByTestId('identity').click();
      await page.getByTestId('identity-name').fill(name);
      await page.getByTestId('identity-save').click();
      await expect.poll(() => page.getByTestId('identity').innerText()).toBe(name);
    };
    await signIn('А. Разработчик');
    await startDraft(page);
    const p1 = page.locator('.zan-article[data-num="5"] > .zan-unit-content > .zan-paragraph[data-num="1"] > .zan-unit-content > .zan-body');
    await cursorAtEnd(page, p1);
    await page.keyboard.type(' Советы публикуют отчеты.');
    await waitSaved(page);
    await signIn('Б. Юрист');
    const p4 = page.locator('.zan-article[data-num="5"] > .zan-unit-content > .zan-paragraph[data-num="4"] > .zan-unit-content > .zan-body');
    await cursorAtEnd(page, p4);
    await page.keyboard.press('Control+Shift+Backspace');
    await waitSaved(page);
    await expect.poll(() => page.getByTestId('amendment-author').allInnerTexts()).toEqual([expect.stringMatching(/^А\. Разработчик, \d{1,2} [а-я]+ \d{4} г\.$/), expect.stringMatching(/^Б\. Юрист, /)]);
    await page.getByTestId('author-filter').selectOption('Б. Юрист');
    expect(await page.getByTestId('amendment').count()).toBe(1);
    expect(await page.getByTestId('amendment').getAttribute('data-kind')).toBe('repeal');

    // Both selected, accepted in one go.
    await page.getByTestId('author-filter').selectOption('');
    for (const box of await page.getByTestId('select-amendment').all()) await box.check();
    expect(await page.getByTestId('batch-bar').innerText()).toContain('Выбрано: 2');
    await page.getByTestId('accept-selected').click();
    await expect.poll(() => page.locator('.amendment-annotation [data-testid="approved"]').count()).toBe(2);
    expect(await page.getByTestId('batch-bar').count()).toBe(0);
  });
});
