import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparativeTableDocx } from '../../../electron/io/table-docx';
import { derive } from '../../../shared/amend';
import { parseLaw, type Lang } from '../../../shared/law';
import { comparativeTable, TABLE_WORDS } from '../../../shared/table/comparative';

const root = join(import.meta.dirname, '../../..');
const fixtures = join(root, 'test/fixtures/instructions');
/** Test output that a person can look at: the PDF and PNG pages LibreOffice renders. */
const out = join(root, '.zan-test/table-docx');

describe('the comparative table as DOCX, opened by LibreOffice', () => {
  it.each(['ru', 'kk', 'en'] as Lang[])('%s: landscape, five columns, one row per amendment', async (lang) => {
    const base = parseLaw(readFileSync(join(fixtures, `base.${lang}.txt`), 'utf8'));
    const draft = parseLaw(readFileSync(join(fixtures, `draft.${lang}.txt`), 'utf8'));
    const amendments = derive(base, draft);
    const rows = comparativeTable(amendments, lang, new Map([[amendments[0]!.uid, 'LEG_GAP: обоснование']]));
    const dir = join(out, lang);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const docx = join(dir, 'table.docx');
    writeFileSync(docx, await comparativeTableDocx(rows, lang, 'Проект Закона'));

    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'pipe', timeout: 120_000 });
    const pdf = join(dir, 'table.pdf');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? [];
    expect(Number(width)).toBeGreaterThan(Number(height));
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(dir, 'page')]);
    expect(readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png')).length).toBeGreaterThan(0);

    // The text of the PDF has the five column titles, every row's element, and the bold words' text
    // (compared without white space and hyphens: narrow columns wrap words onto new lines, and
    // pdftotext joins a "2-" at a line end with the "1" below it).
    const squeeze = (s: string) => s.replace(/[\s-]+/g, '');
    const text = squeeze(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
    const w = TABLE_WORDS[lang];
    for (const title of [w.element, w.current, w.proposed, w.justification]) expect(text).toContain(squeeze(title));
    expect(rows.length).toBe(amendments.length);
    for (const row of rows) expect(text).toContain(squeeze(row.element));
    expect(text).toContain(squeeze(w.absent));
    expect(text).toContain('LEG_GAP');

    // One table of five columns and 1 + rows rows, as written into the document.
    const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' });
    expect(xml.match(/<w:tr[ >]/g)?.length).toBe(rows.length + 1);
    expect(xml.match(/<w:tblHeader\/>/g)?.length).toBe(1);
    const firstRow = xml.slice(xml.indexOf('<w:tr'), xml.indexOf('</w:tr>'));
    expect(firstRow.match(/<w:tc>/g)?.length).toBe(5);
  }, 180_000);
});
