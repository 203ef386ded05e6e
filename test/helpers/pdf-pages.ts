import { execFileSync } from 'node:child_process';

/** Points per millimetre: pdftotext's crop box is in pixels at its resolution, 72 per inch by default (one per point). */
const PT_PER_MM = 72 / 25.4;

/** A band across every page, from `fromMm` to `toMm` below the page's top edge. */
export interface PageBand {
  fromMm: number;
  toMm: number;
}

/**
 * The text of each page of a PDF as pdftotext reads it (`-raw`, in the order it is painted), every
 * run of white space made one space; with `band`, only what is painted in that band of each page
 * (the running header in the top margin, the page label in the bottom one, the body between).
 * A4 pages are assumed (210 mm wide): every document we print is A4.
 */
export function pdfPageTexts(pdf: string, band?: PageBand): string[] {
  const crop = band ? ['-x', '0', '-y', String(Math.round(band.fromMm * PT_PER_MM)), '-W', String(Math.round(210 * PT_PER_MM)), '-H', String(Math.round((band.toMm - band.fromMm) * PT_PER_MM))] : [];
  const text = execFileSync('pdftotext', ['-raw', ...crop, pdf, '-'], { encoding: 'utf8' });
  // pdftotext ends every page with a form feed, the last one too.
  return text.split('\f').slice(0, -1).map((page) => page.replace(/\s+/g, ' ').trim());
}
