import { describe, expect, it } from 'vitest';
import { useApp } from './harness';

/** The sample package amends four laws of the bundled corpus, in Russian. */
const current = useApp({ samplePackage: true });
const TERM = 'организация высшего и (или) послевузовского образования';
const CASES: Record<string, string> = { организация: 'университет', организации: 'университета', организаций: 'университетов', организацией: 'университетом', организациями: 'университетами', организацию: 'университет', организациях: 'университетах' };

describe('a replacement throughout the acts of a package, in the real renderer', () => {
  it('each form confirmed, replaced in every law, one "по всему тексту" statement per act; undone from the dialog', async () => {
    const { page } = current();
    await page.getByTestId('identity').click();
    await page.getByTestId('identity-name').fill('Айгерим Сейткали');
    await page.getByTestId('identity-save').click();
    await page.getByTestId('package-card').first().click();
    await page.locator('.zan-editor.is-editable').waitFor();
    await page.getByTestId('open-documents').click();
    await page.getByTestId('amending-law').waitFor();
    const before = await page.getByTestId('amending-law').innerText();
    expect(before).not.toContain('по всему тексту');

    await page.getByTestId('open-throughout').click();
    await page.getByTestId('throughout-term').fill(TERM);
    await page.getByTestId('throughout-replacement').fill('университет');
    await page.getByTestId('throughout-find').click();
    const rows = page.locator('[data-testid="throughout-forms"] tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(3);
    // Each form is confirmed with its own replacement: the first guess is corrected where it is wrong.
    for (let i = 0; i < (await rows.count()); i++) {
      const form = await rows.nth(i).locator('td').nth(1).innerText();
      const first = form.split(' ')[0] as string;
      const to = CASES[first.toLowerCase()] as string;
      const cased = first === first.toUpperCase() ? to.toUpperCase() : /^\p{Lu}/u.test(first) ? to[0]?.toUpperCase() + to.slice(1) : to;
      await rows.nth(i).getByTestId('throughout-to').fill(cased);
    }
    await page.getByTestId('throughout-apply').click();
    await page.getByTestId('throughout-result').waitFor();
    const done = await page.getByTestId('throughout-result').locator('li').count();
    expect(done).toBeGreaterThanOrEqual(2);

    // The amending law, made again: one "throughout" statement for each act the replacement touched.
    await expect.poll(async () => (await page.getByTestId('amending-law').innerText()).match(/по всему тексту/gu)?.length ?? 0, { timeout: 15_000 }).toBe(done);
    const law = await page.getByTestId('amending-law').innerText();
    expect(law).toMatch(/по всему тексту слова «организаций высшего и \(или\) послевузовского образования»[^\n]* заменить соответственно словами «[^»]*университет/u);

    // Undone later: the dialog closed and opened again lists the replacement, and undoes it.
    await page.getByTestId('throughout-dialog').getByRole('button', { name: 'Закрыть' }).click();
    await page.getByTestId('open-throughout').click();
    await expect.poll(() => page.getByTestId('throughout-made').locator('li').count()).toBe(1);
    expect(await page.getByTestId('throughout-made').innerText()).toContain('Айгерим Сейткали');
    await page.getByTestId('throughout-undo-made').click();
    await page.getByTestId('throughout-message').waitFor();
    await expect.poll(async () => page.getByTestId('amending-law').innerText(), { timeout: 15_000 }).toBe(before);
    expect(await page.getByTestId('throughout-made').count()).toBe(0);
  });
});

describe('a package that amends several laws, built up from the library', () => {
  it('a law is added to a draft package from its page, and the draft switch lists it with the others', async () => {
    const { page } = current();
    // The sample package (four laws, one in Kazakh too: five texts) gets a fifth law, the endowment
    // funds law, in Russian and (its other official text) in Kazakh.
    await page.getByTestId('open-endowment-funds-ru').click();
    await page.locator('.zan-law').waitFor();
    await page.getByTestId('add-to-package').click();
    await page.locator('.zan-editor.is-editable').waitFor();
    await expect.poll(() => page.locator('.draft-switch [role="tab"]').count()).toBe(7);
    expect(await page.locator('.draft-switch [role="tab"]').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/ҚАЗ\s+Нысаналы капитал/u)]));
    expect(await page.locator('.draft-switch [aria-selected="true"]').innerText()).toMatch(/эндаумент/iu);
  });
});
