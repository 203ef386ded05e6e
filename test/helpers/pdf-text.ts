import { execFileSync } from 'node:child_process';

/**
 * The text of a PDF as pdftotext reads it, in the order it is painted (`-raw`), every run of white
 * space made one space: a phrase is found whatever line breaking the fonts of a machine give.
 * (Hyphenation is off in every document we print, so no word is split with a hyphen.)
 */
export function pdfText(pdf: string): string {
  return execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}
