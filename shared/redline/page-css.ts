import type { Lang } from '../law/language';
import { cssString } from './css-string';
import { DRAFT_STAMP, PAGE_LABEL, runningHeadLines, type RunningHead } from './running-head';

/**
 * The page of a printed document as CSS: A4, the margins Kazakh official documents keep (a wider
 * left one for binding), and in the margins, through CSS's own page-margin boxes, the running
 * header (the law, the package, the date; "Проект" / "Жоба" / "Draft" at the right) and the page
 * label at the foot ("стр. 2 из 5"). Margin boxes, not the printer's header and footer templates:
 * the app (`printToPDF`), the CLI (headless Chromium's `--print-to-pdf`, which takes no templates)
 * and a reader printing the HTML file from a browser all print the same page from the same CSS.
 */
export function pageCss(lang: Lang, head: RunningHead): string {
  const label = PAGE_LABEL[lang].map((p) => (typeof p === 'string' ? cssString(p) : `counter(${p.field})`)).join(' ');
  const small = "font-family: 'PT Sans', 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif; font-size: 8pt; color: #4a5568;";
  return `@page {
  size: A4;
  margin: 20mm 15mm 18mm 25mm;
  @top-left { content: ${cssString(runningHeadLines(lang, head).join('\n'))}; white-space: pre-wrap; vertical-align: bottom; padding-bottom: 3mm; ${small} }
  @top-right { content: ${cssString(DRAFT_STAMP[lang])}; vertical-align: bottom; padding-bottom: 3mm; font-family: 'PT Serif', 'Liberation Serif', 'DejaVu Serif', serif; font-size: 12pt; font-weight: 700; color: #1d2430; }
  @bottom-center { content: ${label}; vertical-align: top; padding-top: 4mm; ${small} }
}`;
}
