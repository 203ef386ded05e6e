import { describe, expect, it } from 'vitest';
import { cursorAtEnd, startDraft, useApp, waitSaved } from './harness';

const current = useApp();
const body = (n: string) => `.zan-article[data-num="5"] > .zan-unit-content > .zan-paragraph[data-num="${n}"] > .zan-unit-content > .zan-body`;

describe('commands you can see, in the real renderer', () => {
  it('the command palette (Ctrl+K) finds "repeal" and runs it at the cursor', async () => {
    const { page } = current();
    await startDraft(page);
    // With the cursor nowhere yet, the command says so and changes nothing (not the law's first unit);
    // its English name finds it in the Russian interface.
    await page.keyboard.press('Control+k');
    await page.getByTestId('palette-input').fill('repeal');
    await expect.poll(() => page.getByTestId('palette-command').first().getAttribute('data-command')).toBe('unit.repeal');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').allInnerTexts()).toContain('Поставьте курсор в структурную единицу, к которой относится команда.');
    expect(await page.getByTestId('amendment').count()).toBe(0);
    await cursorAtEnd(page, page.locator(body('4')));
    await page.keyboard.press('Control+k');
    await page.getByTestId('palette-input').fill('исключить');
    await expect.poll(() => page.getByTestId('palette-command').first().getAttribute('data-command')).toBe('unit.repeal');
    expect(await page.getByTestId('palette-command').first().innerText()).toContain('Ctrl+Shift+Backspace');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.zan-article[data-num="5"] > .zan-unit-content > .zan-paragraph[data-num="4"]').getAttribute('data-repealed')).toBe('true');
    await expect.poll(() => page.getByTestId('amendment').getAttribute('data-kind')).toBe('repeal');
    expect(await page.getByTestId('command-palette').count()).toBe(0);
    // F1 opens it too; Esc gives the focus back to the editor.
    await page.keyboard.press('F1');
    await page.getByTestId('palette-input').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.zan-law'))).toBe(true);
  });

  it('the toolbar and the context menu run the structure commands; next / previous change moves between changes', async () => {
    const { page } = current();
    await startDraft(page);
    await cursorAtEnd(page, page.locator(body('1')));
    await page.getByTestId('tool-unit.after').click();
    await page.keyboard.type('Новый пункт из панели.');
    await expect.poll(() => page.locator('.zan-article[data-num="5"] > .zan-unit-content > .zan-paragraph[data-num="1-1"]').count()).toBe(1);
    // The context menu on paragraph 3: repeal.
    await page.locator(body('3')).click({ button: 'right' });
    await page.getByTestId('context-menu').waitFor();
    expect(await page.getByTestId('menu-unit.repeal').innerText()).toContain('Ctrl+Shift+Backspace');
    await page.getByTestId('menu-unit.repeal').click();
    await expect.poll(() => page.locator('.zan-article[data-num="5"] > .zan-unit-content > .zan-paragraph[data-num="3"]').getAttribute('data-repealed')).toBe('true');
    await expect.poll(() => page.getByTestId('amendment').count()).toBe(2);
    await waitSaved(page);
    // From the top of the article, next change twice: 1-1, then 3.
    await cursorAtEnd(page, page.locator('.zan-article[data-num="5"] > .zan-unit-content > .zan-heading'));
    const at = () => page.evaluate(() => (window.getSelection()?.anchorNode?.parentElement?.closest('.zan-unit') as HTMLElement | null)?.dataset['num'] ?? null);
    await page.keyboard.press('Alt+PageDown');
    await expect.poll(at).toBe('1-1');
    await page.keyboard.press('Alt+PageDown');
    await expect.poll(at).toBe('3');
    await page.getByTestId('tool-review.prevChange').click();
    await expect.poll(at).toBe('1-1');
  });

  it('copy keeps the numbers of the units', async () => {
    const { page } = current();
    await startDraft(page);
    await page.evaluate((selector) => {
      const p1 = document.querySelector(selector) as HTMLElement;
      const p2 = document.querySelector(selector.replace('"1"', '"2"')) as HTMLElement;
      const range = document.createRange();
      range.setStart(p1.firstChild as Text, 0);
      range.setEnd(p2.firstChild as Text, (p2.firstChild as Text).length);
      const selection = window.getSelection() as Selection;
      selection.removeAllRanges();
      selection.addRange(range);
    }, body('1'));
    // The editor reads the selection on the next selectionchange; then copy.
    await page.waitForFunction(() => (window.getSelection()?.toString().length ?? 0) > 10);
    await page.waitForTimeout(50);
    const text = await page.evaluate((selector) => {
      const data = new DataTransfer();
      (document.querySelector(selector) as HTMLElement).dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
      return data.getData('text/plain');
    }, body('1'));
    const [first, second] = text.split('\n');
    expect(first).toMatch(/^1\. \S/u);
    expect(second).toMatch(/^2\. \S/u);
  });

  it('the help page lists the commands with their keys, and the first-start guide can be shown again', async () => {
    const { page } = current();
    await page.getByTestId('nav-help').click();
    await page.getByTestId('help').waitFor();
    expect(await page.getByTestId('help-structure').innerText()).toContain('Ctrl+Shift+Backspace');
    expect(await page.getByTestId('help-review').innerText()).toContain('Alt+PageDown');
    await page.getByTestId('help-guide').click();
    await page.getByTestId('guide').waitFor();
    await page.getByTestId('guide-skip').click();
    expect(await page.getByTestId('guide').count()).toBe(0);
  });
});
