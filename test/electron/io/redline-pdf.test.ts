import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { htmlToPdfHeadless } from '../../../electron/io/pdf-headless';
import { derive } from '../../../shared/amend';
import { parseLaw } from '../../../shared/law';
import { redlineHtml, redlineParagraphs } from '../../../shared/redline';

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
  const html = redlineHtml(redlineParagraphs(base, draft, amendments), { lang: 'ru', title: 'О научно-технической политике', preparedBy: 'А. Разработчик, 2026-11-27', comments: notes });

  it('marks each change as <ins> or <del> and shows the gap note under its line', () => {
    expect([...html.matchAll(/<ins>([^<]*)<\/ins>/g)].map((m) => m[1])).toEqual(expect.arrayContaining(['и безвозмездной ', 'университетов', 'Исключен.', '2-1. Совет ежегодно публикует отчет о своей деятельности.']));
    expect([...html.matchAll(/<del>([^<]*)<\/del>/g)].map((m) => m[1])).toEqual(expect.arrayContaining(['организаций высшего образования', '3) кластер – группа организаций одной отрасли;', '1. Премии присуждаются ежегодно.']));
    expect(html).toMatch(/Статья 5-1\. Совместные лаборатории<\/ins><\/p>\n<aside class="note">Законодательный пробел/);
  });

  // Spacing is left out of the comparison: a deletion's margin reads as a space to pdftotext.
  it('prints to a PDF that has every character of the HTML, in order (headless Chromium, pdftotext)', async () => {
    const pdf = join(work, 'redline.pdf');
    writeFileSync(pdf, await htmlToPdfHeadless(html));
    const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
    expect(text.replace(/\s+/g, '')).toBe(charactersOfHtml(html));
    expect(text).toContain('Совместные лаборатории');
  }, 120_000);

  it('with "changed articles only", leaves out the unchanged articles and marks where', () => {
    const only = redlineHtml(redlineParagraphs(base, draft, amendments, { changedOnly: true }), { lang: 'ru', title: 'T' });
    expect(only).not.toContain('Статья 2. Цели');
    expect(only).not.toContain('Статья 6. Гранты');
    expect(only.match(/<p class="elision">…<\/p>/g)).toHaveLength(2);
    for (const kept of ['Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ', 'Глава 2. ФИНАНСИРОВАНИЕ', 'Статья 1. Основные понятия', 'Статья 8. Отчетность', '4. Положение о совете']) expect(only).toContain(kept);
  });
});
