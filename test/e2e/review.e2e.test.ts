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

    await page.getByTestId('reject').click();
    await expect.poll(() => page.getByTestId('amendment').count()).toBe(0);
    await page.locator('.zan-editor.is-editable').waitFor();
    expect(await p1.innerText()).toBe(original);
  });
});
