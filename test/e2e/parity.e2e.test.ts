import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cursorAtEnd, useApp } from './harness';

// The sample package amends the science law in Kazakh and Russian alike.
const current = useApp({ samplePackage: true });

/** A paragraph of article 8 in one column of the parallel view. */
const paragraph = (page: Page, lang: 'ru' | 'kk', num: string) => page.locator(`[data-testid="column-${lang}"] .zan-article[data-num="8"] > .zan-unit-content > .zan-paragraph[data-num="${num}"]`);
const body = (page: Page, lang: 'ru' | 'kk', num: string) => paragraph(page, lang, num).locator(':scope > .zan-unit-content > .zan-body');
// Polled on the state itself, so a failure says where the column stopped (unsaved, conflict, error).
const saved = (page: Page, lang: 'ru' | 'kk') => expect.poll(() => page.locator(`[data-testid="column-${lang}"] [data-testid="save-status"]`).getAttribute('data-state'), { timeout: 15_000 }).toBe('saved');
const flagged = (page: Page, lang: 'ru' | 'kk', num: string) => paragraph(page, lang, num).evaluate((el) => el.classList.contains('zan-parity') ? (el.getAttribute('data-parity') ?? '') : '');

describe('the Kazakh and Russian texts kept in step, in the real renderer', () => {
  it('side by side: a Russian edit flags the Kazakh unit until it is marked unchanged there; Enter in Russian makes 1-1 in both; both amending laws say so; "ready for review" is refused while a finding is open', async () => {
    const { page } = current();
    await page.getByTestId('package-card').first().click();
    await page.locator('.zan-editor.is-editable').waitFor();
    await expect.poll(() => page.getByTestId('parity-count').textContent()).toBe('Казахский и русский тексты согласованы');
    // The panel says of each change where its Kazakh counterpart stands: changed too, or marked unchanged.
    const counterpartOf = (eId: string) => page.locator(`[data-testid="amendment"][data-eid="${eId}"] [data-testid="amendment-counterpart"]`);
    await expect.poll(() => counterpartOf('chp_2__art_5__para_2').getAttribute('data-status')).toBe('same');
    expect(await counterpartOf('chp_2__art_5__para_2').innerText()).toBe('ҚАЗ: изменён тоже');
    expect(await counterpartOf('chp_2__art_5__para_3__subpara_2').innerText()).toBe('ҚАЗ: текст не изменяется');
    await page.getByTestId('open-parallel').click();
    await page.getByTestId('parallel-view').waitFor();
    await body(page, 'kk', '1').waitFor();
    await body(page, 'ru', '1').waitFor();
    // Kazakh on the left, Russian on the right, unit against unit.
    const [kkBox, ruBox] = await Promise.all([body(page, 'kk', '1').boundingBox(), body(page, 'ru', '1').boundingBox()]);
    expect((kkBox?.x ?? 0) < (ruBox?.x ?? 0)).toBe(true);

    // A wording change in Russian only: the Kazakh paragraph is flagged "to be matched".
    await cursorAtEnd(page, body(page, 'ru', '1'));
    await page.keyboard.type(' Договор подлежит регистрации.');
    await saved(page, 'ru');
    await expect.poll(() => flagged(page, 'kk', '1')).toBe('changed');
    expect(await flagged(page, 'ru', '1')).toBe('');
    const kkNotice = page.locator('[data-testid="column-kk"] [data-testid="parity"]');
    await kkNotice.getByTestId('parity-count').click();
    await expect.poll(() => kkNotice.innerText()).toContain('Статья 8, пункт 1 изменён в русском тексте, но не в казахском тексте');

    // Marked unchanged in Kazakh: the flag goes, the texts are in step again.
    await kkNotice.getByTestId('mark-unchanged').click();
    await expect.poll(() => flagged(page, 'kk', '1')).toBe('');
    await expect.poll(() => page.locator('[data-testid="column-kk"] [data-testid="parity-count"]').textContent()).toBe('Казахский и русский тексты согласованы');

    // Enter at the end of paragraph 1 in Russian: paragraph 1-1 in both texts, the Kazakh one to translate.
    await cursorAtEnd(page, body(page, 'ru', '1'));
    await page.keyboard.press('Enter');
    await page.keyboard.type('Сведения о консорциуме публикуются.');
    await saved(page, 'ru');
    await paragraph(page, 'kk', '1-1').waitFor({ timeout: 15_000 });
    expect(await paragraph(page, 'ru', '1-1').count()).toBe(1);
    expect(await body(page, 'kk', '1-1').textContent()).toBe('');
    await expect.poll(() => flagged(page, 'kk', '1-1')).toBe('translate');

    // "Ready for review" is refused while that finding is open, and says why.
    await page.getByRole('button', { name: 'Документы проекта' }).click();
    await page.getByTestId('amending-law').waitFor();
    await page.getByTestId('mark-ready').click();
    await expect.poll(() => page.getByTestId('readiness').innerText()).toMatch(/казахский и русский тексты не согласованы \(1 расхождение\): Статья 8, пункт 1-1/u);
    // The change made in Russian only, as each amending law writes it.
    await expect.poll(() => page.getByTestId('amending-law').innerText()).toMatch(/в статье 8:\s+пункт 1 после слова «лица\.» дополнить словами «Договор подлежит регистрации\.», текст на казахском языке не изменяется;\s+дополнить пунктом 1-1/u);
    await page.getByTestId('doc-lang-kk').click();
    await expect.poll(() => page.getByTestId('amending-law').innerText()).toMatch(/8-бапта:\s+1-тармақтың қазақ тіліндегі мәтіні өзгермейді, өзгеріс орыс тіліндегі мәтінге енгізіледі;\s+мынадай мазмұндағы 1-1-тармақпен толықтырылсын/u);

    // Translated in the Kazakh column: nothing open between the texts.
    await page.getByTestId('package-parity').getByRole('button').first().click();
    await body(page, 'kk', '1-1').waitFor();
    await cursorAtEnd(page, body(page, 'kk', '1-1'));
    await page.keyboard.type('Консорциум туралы мәліметтер жарияланады.');
    await saved(page, 'kk');
    await expect.poll(() => flagged(page, 'kk', '1-1')).toBe('');
    await expect.poll(() => page.locator('[data-testid="column-ru"] [data-testid="parity-count"]').textContent()).toBe('Казахский и русский тексты согласованы');
  });
});

describe('the texts in force side by side', () => {
  it('the reader shows the Kazakh and Russian texts unit against unit, scrolling together', async () => {
    const { page } = current();
    await page.getByTestId('open-science-technology-policy-ru').click();
    await page.locator('.zan-law').waitFor();
    await page.getByTestId('open-parallel-law').click();
    const article = (lang: 'ru' | 'kk', num: string) => page.locator(`[data-testid="reader-${lang}"] .zan-article[data-num="${num}"]`);
    await article('kk', '9').waitFor();
    await article('ru', '9').waitFor();
    // Scrolling the Kazakh column to article 9 brings the Russian article 9 to the same height.
    await article('kk', '9').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const top = (lang: 'ru' | 'kk') => article(lang, '9').evaluate((el) => Math.round(el.getBoundingClientRect().top));
    await expect.poll(async () => Math.abs((await top('ru')) - (await top('kk'))), { timeout: 5000 }).toBeLessThanOrEqual(2);
  });
});
