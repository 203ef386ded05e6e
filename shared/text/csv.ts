/**
 * CSV for spreadsheets (RFC 4180, as Excel and LibreOffice Calc open it), safe against formula
 * injection (OWASP, "CSV Injection"): a text cell whose first character is `=`, `+`, `-`, `@`, a tab
 * or a carriage return would be read by a spreadsheet as a formula — `=HYPERLINK(…)` in a
 * justification becomes a live link, and worse — so it is written with an apostrophe in front,
 * inside quotes: `"'=HYPERLINK(…)"`. The apostrophe shows in the cell; that is the price OWASP
 * accepts, and it is the only change made to the text.
 *
 * A leading `-` is common in a law's text ("- подпункт …") and it is neutralised too: a
 * spreadsheet reads `- подпункт` as a formula as well (Excel shows #NAME?), so the apostrophe keeps
 * such text readable rather than harming it. Numbers are another matter: a cell given as a
 * `number` (a count, by construction) is written as it is, a negative one included, since it can
 * only ever be a number. The rule is by type, not by look: a string such as "-5" is text and gets
 * the apostrophe.
 */

// OWASP's list of characters that start a formula in Excel or LibreOffice Calc.
const FORMULA_START = /^[=+\-@\t\r]/;

// A cell is quoted when it has to be (a separator, a quote or a line break in it) or when it is neutralised.
// `;` too: Excel in a Russian or Kazakh locale splits CSV on semicolons.
const NEEDS_QUOTES = /[",;\n\r]/;

/** One CSV cell: a number as it is; text quoted when needed (quotes doubled) and, when it could start a formula, prefixed with an apostrophe. */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return text !== value || NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole CSV file: rows of cells joined by commas, CRLF after every row (RFC 4180), with a UTF-8
 * byte-order mark in front so that Excel reads Cyrillic and Kazakh letters as UTF-8.
 */
export function csvFile(rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
