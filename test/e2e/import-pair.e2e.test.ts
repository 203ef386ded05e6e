import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useApp } from './harness';

const current = useApp();

// A small law of two articles in both official languages, parallel (the corpus laws are seeded already).
const RU = `О волонтерских центрах при университетах
Закон Республики Казахстан от 15 марта 2026 года № 301-VIII ЗРК.

Статья 1. Волонтерские центры
1. Университет вправе создать волонтерский центр.
2. Не менее десяти процентов средств центра направляется на обучение волонтеров.

Статья 2. Введение в действие
Настоящий Закон вводится в действие с 1 сентября 2026 года.
`;
const KK = `Университеттер жанындағы волонтерлік орталықтар туралы
Қазақстан Республикасының Заңы 2026 жылғы 15 наурыздағы № 301-VIII ҚРЗ.

1-бап. Волонтерлік орталықтар
1. Университет волонтерлік орталық құруға құқылы.
2. Орталық қаражатының кемінде он пайызы волонтерлерді оқытуға жіберіледі.

2-бап. Қолданысқа енгізу
Осы Заң 2026 жылғы 1 қыркүйектен бастап қолданысқа енгізіледі.
`;

describe('importing both texts of a law in the real renderer', () => {
  it('a Russian and a Kazakh file: compared before saving, saved as one law in both languages', async () => {
    const { page, databaseFile } = current();
    const file = (name: string, text: string) => {
      const path = join(databaseFile, '..', name);
      writeFileSync(path, text);
      return path;
    };
    const ru = file('volunteers.ru.txt', RU);
    const kk = file('volunteers.kk.txt', KK);
    const kkOff = file('volunteers-20.kk.txt', KK.replace('кемінде он пайызы', 'кемінде жиырма пайызы'));

    await page.getByTestId('open-import').click();
    await page.getByTestId('import-file').setInputFiles(ru);
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('import-as-new').isChecked()).toBe(true);

    // The same language twice is refused, saying so.
    await page.getByTestId('import-second-file').setInputFiles(ru);
    await page.getByTestId('import-pair-error').waitFor();
    expect(await page.getByTestId('import-pair-error').innerText()).toContain('ru и ru');

    // A Kazakh text whose share differs: the finding is listed, in the interface's language.
    await page.getByTestId('import-second-file').setInputFiles(kkOff);
    await page.getByTestId('import-pair-findings').waitFor();
    expect(await page.getByTestId('import-pair-error').count()).toBe(0);
    const findings = page.getByTestId('import-pair-findings');
    expect(await findings.innerText()).toContain('Тексты расходятся в 1 месте');
    expect(await findings.locator('li').count()).toBe(1);
    expect(await findings.locator('li').innerText()).toMatch(/Статья 1, пункт 2.*20 %/u);
    // Findings do not stop the save: the drafter decides. This time, the right file instead.
    expect(await page.getByTestId('import-save').isEnabled()).toBe(true);
    await page.getByTestId('import-pair-remove').click();
    await page.getByTestId('import-second-file').setInputFiles(kk);
    await expect.poll(() => findings.innerText()).toContain('Казахский и русский тексты согласованы');
    expect(await findings.locator('li').count()).toBe(0);

    await page.getByTestId('import-save').click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-done').innerText()).toContain('оба текста');
    // The first text is the one opened.
    await page.getByTestId('import-open').click();
    await page.locator('.zan-law').waitFor();
    expect(await page.locator('.zan-law').innerText()).toContain('Университет вправе создать волонтерский центр.');

    // The library has the new law once, with both its texts.
    await page.getByTestId('nav-library').click();
    const card = page.locator('.work-card', { hasText: 'О волонтерских центрах при университетах' });
    await card.waitFor();
    expect(await card.count()).toBe(1);
    expect((await card.locator('.lang-button').allInnerTexts()).sort()).toEqual(['РУС', 'ҚАЗ'].sort());
    await card.locator('.lang-button', { hasText: 'ҚАЗ' }).click();
    await page.locator('.zan-law').waitFor();
    await expect.poll(() => page.locator('.zan-law').innerText()).toContain('Университет волонтерлік орталық құруға құқылы.');
  });
});
