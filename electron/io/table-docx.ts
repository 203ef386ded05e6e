import { AlignmentType, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Lang } from '../../shared/law';
import { TABLE_WORDS, type ComparativeRow, type Run } from '../../shared/table/comparative';

/** Times New Roman has every Kazakh letter (ә ғ қ ң ө ұ ү һ і); LibreOffice substitutes the metric-compatible Liberation Serif. */
const FONT = 'Times New Roman';
const SIZE = 22; // half-points: 11 pt
/** Column widths in percent: No. | element | current | proposed | justification. */
const WIDTHS = [5, 15, 30, 30, 20];

function paragraphs(content: Run[][], justified: boolean): Paragraph[] {
  return content.map(
    (line) =>
      new Paragraph({
        alignment: justified ? AlignmentType.JUSTIFIED : AlignmentType.LEFT,
        spacing: { after: 60 },
        children: line.map((r) => new TextRun({ text: r.text, bold: r.bold, font: FONT, size: SIZE })),
      }),
  );
}

function cell(content: Run[][], column: number, header = false): TableCell {
  return new TableCell({
    width: { size: WIDTHS[column] as number, type: WidthType.PERCENTAGE },
    shading: header ? { fill: 'E8E8E8' } : undefined,
    // The wording columns are justified like the law; the narrow ones read better ragged.
    children: paragraphs(content.length ? content : [[]], !header && (column === 2 || column === 3)),
  });
}

/**
 * The comparative table as a Word document: A4 landscape, a title, and a five-column table whose
 * header row repeats on every page; changed words bold.
 */
export async function comparativeTableDocx(rows: readonly ComparativeRow[], lang: Lang, heading: string): Promise<Buffer> {
  const w = TABLE_WORDS[lang];
  const text = (s: string, bold = false): Run[][] => [[{ text: s, bold }]];
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [w.no, w.element, w.current, w.proposed, w.justification].map((t, i) => cell(text(t, true), i, true)),
  });
  const body = rows.map(
    (r) => new TableRow({ children: [cell(text(String(r.no)), 0), cell(text(r.element), 1), cell(r.current, 2), cell(r.proposed, 3), cell(text(r.justification), 4)] }),
  );
  const doc = new Document({
    creator: 'Zan Workbench',
    title: `${w.title}: ${heading}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE }, margin: { top: 850, bottom: 850, left: 850, right: 850 } } },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: w.title, bold: true, font: FONT, size: 28 })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: heading, bold: true, font: FONT, size: 24 })] }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...body] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
