import { describe, expect, it } from 'vitest';
import { queryDatabase, useApp } from './harness';

const current = useApp({ guide: true });

describe('the first start', () => {
  it('the guide asks who is working and ends in the first draft, signed with that name', async () => {
    const { page, databaseFile } = current();
    await page.getByTestId('guide').waitFor();
    await page.getByTestId('guide-next').click();
    await page.getByTestId('guide-name').fill('Д. Разработчикова');
    await page.getByTestId('guide-role').fill('Департамент науки');
    await page.getByTestId('guide-save-identity').click();
    await page.getByTestId('guide-law').waitFor();
    // Filled once the guide has read the law it offers: polled, not read at once.
    await expect.poll(() => page.getByTestId('guide-title').inputValue()).toMatch(/^Проект Закона/u);
    await page.getByTestId('guide-start').click();
    await page.locator('.zan-editor.is-editable').waitFor();
    expect(await page.getByTestId('identity').innerText()).toBe('Д. Разработчикова · Департамент науки');
    const [pkg] = queryDatabase<{ authors: string }>(databaseFile, 'SELECT authors FROM package');
    expect(pkg?.authors).toContain('Д. Разработчикова');
    // Not shown again on the next start.
    await page.reload();
    await page.locator('.zan-editor').waitFor();
    expect(await page.getByTestId('guide').count()).toBe(0);
  });
});
