/**
 * Text as HTML: the characters that could open a tag or an entity or close a (double-quoted)
 * attribute, escaped. One home for the redline's and the amending law's pages (the HTML is
 * printed to PDF, so a stray "<" in a law's wording must print, not open an element).
 */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Text as a CSS string literal ("…"), for the `content` of a page's margin boxes: quotes and
 * backslashes escaped, a line break as CSS's own `\A` (the box keeps it with `white-space: pre-wrap`).
 * A `</style>` in a title cannot end the style sheet: "<" is written as its escape.
 */
export function cssString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/</g, '\\3c ').replace(/\r?\n/g, '\\A ')}"`;
}
