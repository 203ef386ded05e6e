import { AlignmentType, BorderStyle, Footer, Header, PageNumber, Paragraph, Tab, TabStopType, TextRun, type ISectionPropertiesOptions } from 'docx';
import type { Lang } from '../../shared/law';
import { DRAFT_STAMP, PAGE_LABEL, runningHeadLines, type RunningHead } from '../../shared/redline';

/** Times New Roman has every Kazakh letter (ә ғ қ ң ө ұ ү һ і); LibreOffice substitutes the metric-compatible Liberation Serif. */
export const FONT = 'Times New Roman';

const A4 = { width: 11906, height: 16838 };
/** The margins of the printed redline (shared/redline/page-css.ts), in twips: 20 mm top, 18 bottom, 25 left, 15 right. */
const MARGIN = { top: 1134, bottom: 1020, left: 1417, right: 850, header: 567, footer: 510 };
/** The width of the text between the margins: where a right tab stop stands at the right margin. */
export const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

/** A4 portrait with the margins the PDF has, so that the DOCX and the PDF break their pages alike. */
export const A4_PAGE: ISectionPropertiesOptions = { page: { size: A4, margin: MARGIN } };

/**
 * The running header of every page: the law (and the package and the date) at the left, the
 * draft's stamp ("Проект" / "Жоба" / "Draft") at the right margin on a right tab stop, a thin rule
 * under it. The same lines the PDF prints in its page-margin boxes (page-css.ts).
 */
export function runningHeader(lang: Lang, head: RunningHead): Header {
  const [first = '', ...rest] = runningHeadLines(lang, head);
  const small = { font: FONT, size: 16, color: '4A5568' };
  const rule = { bottom: { style: BorderStyle.SINGLE, size: 4, color: 'A0AEC0', space: 4 } };
  const last = (i: number) => i === rest.length;
  return new Header({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        border: last(0) ? rule : undefined,
        children: [new TextRun({ ...small, text: first }), new TextRun({ font: FONT, size: 24, bold: true, children: [new Tab(), DRAFT_STAMP[lang]] })],
      }),
      ...rest.map((text, i) => new Paragraph({ border: last(i + 1) ? rule : undefined, children: [new TextRun({ ...small, text })] })),
    ],
  });
}

/**
 * The footer of every page, centred: the page label with Word's PAGE and NUMPAGES fields ("стр. 2
 * из 5"), or the page number alone (`number`: a law's pages carry only their number).
 */
export function pageFooter(lang: Lang, style: 'label' | 'number' = 'label'): Footer {
  const pieces = style === 'number' ? [PageNumber.CURRENT] : PAGE_LABEL[lang].map((p) => (typeof p === 'string' ? p : p.field === 'page' ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES));
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ font: FONT, size: 18, color: '4A5568', children: pieces })] })] });
}
