import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparativeTableDocx } from '../../../electron/io/table-docx';
import { derive } from '../../../shared/amend';
import { parseLaw, type Lang } from '../../../shared/law';
import { comparativeTable, TABLE_WORDS, type Run } from '../../../shared/table/comparative';
import { SaxesParser } from 'saxes';

const root = join(import.meta.dirname, '../../..');
const fixtures = join(root, 'test/fixtures/instructions');
/** Test output that a person can look at: the PDF and PNG pages LibreOffice renders. */
const out = join(root, '.zan-test/table-docx');

/** Converts a file with LibreOffice into `dir` (its own profile, so runs never share state). */
function soffice(format: 'pdf' | 'fodt', file: string, dir: string): void {
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', format, '--outdir', dir, file], { stdio: 'pipe', timeout: 120_000 });
}

/**
 * The rows of the first table LibreOffice read from the document, each a list of cell texts (the
 * paragraphs of a cell joined by a line break, `<text:s/>` and `<text:tab/>` as the spaces they
 * stand for). Read from the flat ODT's XML, so the result does not depend on fonts, line breaking
 * or the order in which a PDF's text comes out.
 */
function tableRows(fodt: string): string[][] {
  const TEXT = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
  const TABLE = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';
  const parser = new SaxesParser({ xmlns: true });
  const rows: string[][] = [];
  let depth = 0; // nesting of tables: only the outermost first table counts
  let done = false;
  let cell: string[] | null = null;
  let paragraph: string | null = null;
  parser.on('opentag', (tag) => {
    if (done) return;
    if (tag.uri === TABLE && tag.local === 'table') depth += 1;
    if (depth !== 1) return;
    if (tag.uri === TABLE && tag.local === 'table-row') rows.push([]);
    else if (tag.uri === TABLE && tag.local === 'table-cell') cell = [];
    else if (tag.uri === TEXT && (tag.local === 'p' || tag.local === 'h') && cell) paragraph = '';
    else if (tag.uri === TEXT && tag.local === 's' && paragraph !== null) paragraph += ' '.repeat(Number(tag.attributes['text:c']?.value ?? 1));
    else if (tag.uri === TEXT && (tag.local === 'tab' || tag.local === 'line-break') && paragraph !== null) paragraph += tag.local === 'tab' ? '\t' : '\n';
  });
  parser.on('text', (t) => {
    if (!done && depth === 1 && paragraph !== null) paragraph += t;
  });
  parser.on('closetag', (tag) => {
    if (done) return;
    if (tag.uri === TABLE && tag.local === 'table') {
      depth -= 1;
      if (depth === 0) done = true;
    } else if (depth === 1 && tag.uri === TABLE && tag.local === 'table-cell' && cell) {
      rows[rows.length - 1]!.push(cell.join('\n'));
      cell = null;
    } else if (depth === 1 && tag.uri === TEXT && (tag.local === 'p' || tag.local === 'h') && paragraph !== null) {
      cell!.push(paragraph);
      paragraph = null;
    }
  });
  parser.write(fodt).close();
  if (rows.length === 0) throw new Error('LibreOffice found no table in the document');
  return rows;
}

const cellText = (lines: Run[][]) => lines.map((line) => line.map((r) => r.text).join('')).join('\n');
const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('the comparative table as DOCX, opened by LibreOffice', () => {
  it.each(['ru', 'kk', 'en'] as Lang[])('%s: landscape, five columns, one row per amendment, each cell as written', async (lang) => {
    const base = parseLaw(readFileSync(join(fixtures, `base.${lang}.txt`), 'utf8'));
    const draft = parseLaw(readFileSync(join(fixtures, `draft.${lang}.txt`), 'utf8'));
    const amendments = derive(base, draft);
    const rows = comparativeTable(amendments, lang, new Map([[amendments[0]!.uid, 'LEG_GAP: обоснование']]));
    const dir = join(out, lang);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const docx = join(dir, 'table.docx');
    writeFileSync(docx, await comparativeTableDocx(rows, lang, 'Проект Закона'));

    // Pages: landscape, rendered to PNG for a person to look at.
    soffice('pdf', docx, dir);
    const pdf = join(dir, 'table.pdf');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? [];
    expect(Number(width)).toBeGreaterThan(Number(height));
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(dir, 'page')]);
    expect(readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png')).length).toBeGreaterThan(0);

    // Content: the table as LibreOffice reads it, cell by cell.
    soffice('fodt', docx, dir);
    const table = tableRows(readFileSync(join(dir, 'table.fodt'), 'utf8'));
    const w = TABLE_WORDS[lang];
    expect(table.length).toBe(rows.length + 1);
    for (const row of table) expect(row.length).toBe(5);
    expect(table[0]!.map(squeeze)).toEqual([w.no, w.element, w.current, w.proposed, w.justification].map(squeeze));
    rows.forEach((row, i) => {
      const cells = table[i + 1]!.map(squeeze);
      expect(cells).toEqual([String(row.no), row.element, cellText(row.current), cellText(row.proposed), row.justification].map(squeeze));
    });
    expect(table.slice(1).some((cells) => squeeze(cells[2]!) === squeeze(w.absent))).toBe(true);
    expect(squeeze(table[1]![4]!)).toContain('LEG_GAP');

    // The header row repeats on every page: one header row, as written into the document.
    const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' });
    expect(xml.match(/<w:tblHeader\/>/g)?.length).toBe(1);
  }, 180_000);
});
