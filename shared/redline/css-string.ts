/**
 * Text as a CSS string literal ("…"), for the `content` of a page's margin boxes: quotes and
 * backslashes escaped, a line break as CSS's own `\A` (the box keeps it with `white-space: pre-wrap`).
 * A `</style>` in a title cannot end the style sheet: "<" is written as its escape.
 * (HTML and XML text are escaped in shared/text/escape.ts; this is CSS's own syntax.)
 */
export function cssString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/</g, '\\3c ').replace(/\r?\n/g, '\\A ')}"`;
}
