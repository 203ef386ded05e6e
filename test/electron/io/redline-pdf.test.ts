import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { htmlToPdfHeadless } from '../../../electron/io/pdf-headless';
import { derive } from '../../../shared/amend';
import { parseLaw } from '../../../shared/law';
import { redlineHtml, redlineParagraphs } from '../../../shared/redline';
import { pdfPageTexts } from '../../helpers/pdf-pages';

const root = join(import.meta.dirname, '../../..');
const fixtures = join(root, 'test/fixtures/redline');
const work = mkdtempSync(join(tmpdir(), 'zan-redline-pdf-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The characters a reader sees on an HTML page, in order: its body's text without markup and spacing. */
function charactersOfHtml(html: string): string {
  const body = html.slice(html.indexOf('<body>'));
  return body.replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')
    .replace(/\s+/g, '');
}

describe('the HTML and PDF redlines', () => {
  const base = parseLaw(readFileSync(join(fixtures, 'base.ru.txt'), 'utf8'));
  const draft = parseLaw(readFileSync(join(fixtures, 'draft.ru.txt'), 'utf8'));
  const amendments = derive(base, draft);
  const notes = new Map([[amendments.find((a) => a.eId === 'chp_1__art_5-1')!.uid, 'Законодательный пробел: совместных лабораторий закон не знает.']]);
  const html = redlineHtml(redlineParagraphs(base, draft, amendments), {
    lang: 'ru',
    title: 'О научно-технической политике',
    preparedBy: 'А. Разработчик, 2026-11-27',
    comments: notes,
    packageTitle: 'Проект Закона «О внесении изменений по вопросам науки»',
    date: '2026-11-27',
  });
  const pdf = join(work, 'redline.pdf');

  it('marks each change as <ins> or <del> and shows the gap note under its line', () => {
    expect([...html.matchAll(/<ins>([^<]*)<\/ins>/g)].map((m) => m[1])).toEqual(expect.arrayContaining(['и безвозмездной ', 'университетов', 'Исключен.', '2-1. Совет ежегодно публикует отчет о своей деятельности.']));
    expect([...html.matchAll(/<del>([^<]*)<\/del>/g)].map((m) => m[1])).toEqual(expect.arrayContaining(['организаций высшего образования', '3) кластер – группа организаций одной отрасли;', '1. Премии присуждаются ежегодно.']));
    expect(html).toMatch(/Статья 5-1\. Совместные лаборатории<\/ins><\/p>\n<aside class="note">Законодательный пробел/);
  });

  // Spacing is left out of the comparison: a deletion's margin reads as a space to pdftotext. The
  // body is read between the margins, where the running header and the page number are not.
  it('prints to a PDF whose body has every character of the HTML, in order (headless Chromium, pdftotext)', async () => {
    writeFileSync(pdf, await htmlToPdfHeadless(html));
    const body = pdfPageTexts(pdf, { fromMm: 20, toMm: 279 });
    expect(body.length).toBeGreaterThan(1);
    expect(body.join('').replace(/\s+/g, '')).toBe(charactersOfHtml(html));
    expect(execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' })).toContain('Совместные лаборатории');
  }, 120_000);

  it('has on every page the running header (law, package, date, "Проект") in the top margin and "стр. N из M" in the bottom one', () => {
    const heads = pdfPageTexts(pdf, { fromMm: 0, toMm: 20 });
    const feet = pdfPageTexts(pdf, { fromMm: 279, toMm: 297 });
    expect(heads.length).toBe(feet.length);
    heads.forEach((head, i) => {
      expect(head).toContain('О научно-технической политике');
      expect(head).toContain('Проект Закона «О внесении изменений по вопросам науки» · 27 ноября 2026 г.');
      expect(head).toMatch(/(^|\s)Проект$|^Проект\s/);
      expect(feet[i]).toBe(`стр. ${i + 1} из ${heads.length}`);
    });
  });

  it('marks changed lines for a change bar, indents subparagraphs, keeps a note and a footnote with their line', () => {
    expect(html).toMatch(/<p class="subparagraph changed">2\) консорциум/);
    expect(html).toMatch(/<p class="paragraph">2\. В состав совета/);
    expect(html).toMatch(/p\.changed \{ border-left: 2pt solid/);
    expect(html).toMatch(/<p class="article heading whole-ins changed keep">.*Статья 5-1\. Совместные лаборатории<\/ins><\/p>\n<aside class="note">/);
    expect(html).toMatch(/aside\.note \{[^}]*break-inside: avoid; break-before: avoid;/);
    const noted = structuredClone(draft);
    noted.body[0]!.children[0]!.notes = ['Сноска. Статья 1 с изменениями, внесенными Законом РК от 01.01.2026 № 1-VIII.'];
    const withNote = redlineHtml(redlineParagraphs(base, noted, derive(base, noted)), { lang: 'ru', title: 'T' });
    expect(withNote).toContain('<p class="article heading keep">Статья 1. Основные понятия</p>\n<p class="note">Сноска. Статья 1 с изменениями');
  });

  it('never leaves a note or a footnote at the top of a page without its line (printed with 40 of each)', async () => {
    // Forty paragraphs, each changed, with a note on its amendment and a footnote after it: some
    // fall at the foot of a page, where a break between a line and its note would be free to come.
    const text = (n: number, word: string) => `${n}. Положение номер ${n} о ${word} научных организаций и университетов, длинное, чтобы занять строку или две.`;
    const law = (word: string) => parseLaw(`Статья 1. Положения\n${Array.from({ length: 40 }, (_, i) => `${text(i + 1, word)}\nСноска. Пункт ${i + 1} изменен.`).join('\n')}\n`);
    const [before, after] = [law('советах'), law('комиссиях')];
    const changes = derive(before, after);
    const comments = new Map(changes.map((a, i) => [a.uid, `Обоснование пункта ${i + 1}: совет заменяется комиссией.`]));
    const noted = redlineHtml(redlineParagraphs(before, after, changes), { lang: 'ru', title: 'T', comments });
    const file = join(work, 'notes.pdf');
    writeFileSync(file, await htmlToPdfHeadless(noted));
    const pages = pdfPageTexts(file, { fromMm: 20, toMm: 279 });
    expect(pages.length).toBeGreaterThan(3);
    for (let n = 1; n <= 40; n++) {
      const note = pages.findIndex((p) => p.includes(`Обоснование пункта ${n}:`));
      const footnote = pages.findIndex((p) => p.includes(`Сноска. Пункт ${n} изменен.`));
      // The line's last words are on the page where its note starts, and its footnote's.
      const line = pages.findIndex((p) => p.includes(`строку или две. Обоснование пункта ${n}:`) || p.includes(`или две.Обоснование пункта ${n}:`));
      expect({ n, note, footnote }).toEqual({ n, note: line, footnote: line });
    }
  }, 120_000);

  it('with "changed articles only", leaves out the unchanged articles and marks where', () => {
    const only = redlineHtml(redlineParagraphs(base, draft, amendments, { changedOnly: true }), { lang: 'ru', title: 'T' });
    expect(only).not.toContain('Статья 2. Цели');
    expect(only).not.toContain('Статья 6. Гранты');
    expect(only.match(/<p class="elision">…<\/p>/g)).toHaveLength(2);
    for (const kept of ['Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ', 'Глава 2. ФИНАНСИРОВАНИЕ', 'Статья 1. Основные понятия', 'Статья 8. Отчетность', '4. Положение о совете']) expect(only).toContain(kept);
  });
});
