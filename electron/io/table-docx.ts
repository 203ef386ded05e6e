import { AlignmentType, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Lang } from '../../shared/law';
import { bilingualHeadings, sideCells, type BilingualRow } from '../../shared/table/bilingual';
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

/** One cell; `wording`: a column of the law's wording, justified like the law (the narrow ones read better ragged). */
function cell(content: Run[][], width: number, options: { header?: boolean; wording?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    shading: options.header ? { fill: 'E8E8E8' } : undefined,
    children: paragraphs(content.length ? content : [[]], !options.header && options.wording === true),
  });
}

const text = (s: string, bold = false): Run[][] => [[{ text: s, bold }]];

/** A landscape A4 document with a title, a heading and a table whose header row repeats on every page. */
function tableDocument(title: string, heading: string, headings: readonly string[], widths: readonly number[], body: TableRow[]): Promise<Buffer> {
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: headings.map((t, i) => cell(text(t, true), widths[i] as number, { header: true })) });
  const doc = new Document({
    creator: 'Zan Workbench',
    title: `${title}: ${heading}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE }, margin: { top: 850, bottom: 850, left: 850, right: 850 } } },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: title, bold: true, font: FONT, size: 28 })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: heading, bold: true, font: FONT, size: 24 })] }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...body] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * The comparative table as a Word document: A4 landscape, a title, and a five-column table whose
 * header row repeats on every page; changed words bold.
 */
export async function comparativeTableDocx(rows: readonly ComparativeRow[], lang: Lang, heading: string): Promise<Buffer> {
  const w = TABLE_WORDS[lang];
  const body = rows.map(
    (r) =>
      new TableRow({
        children: [cell(text(String(r.no)), WIDTHS[0]!), cell(text(r.element), WIDTHS[1]!), cell(r.current, WIDTHS[2]!, { wording: true }), cell(r.proposed, WIDTHS[3]!, { wording: true }), cell(text(r.justification), WIDTHS[4]!)],
      }),
  );
  return tableDocument(w.title, heading, [w.no, w.element, w.current, w.proposed, w.justification], WIDTHS, body);
}

/** Column widths of the bilingual table: No. | element | kk current | kk proposed | ru current | ru proposed | justification. */
const BILINGUAL_WIDTHS = [4, 11, 19, 19, 19, 19, 9];

/** The comparative table in both official languages as a Word document (shared/table/bilingual.ts). */
export async function bilingualTableDocx(rows: readonly BilingualRow[], lang: Lang, heading: string): Promise<Buffer> {
  const body = rows.map((r) => {
    const kk = sideCells(r.kk, 'kk');
    const ru = sideCells(r.ru, 'ru');
    const element = (['kk', 'ru'] as const).filter((l) => r.element[l]).map((l) => [{ text: r.element[l], bold: false }]);
    const w = BILINGUAL_WIDTHS;
    return new TableRow({
      children: [cell(text(String(r.no)), w[0]!), cell(element, w[1]!), cell(kk.current, w[2]!, { wording: true }), cell(kk.proposed, w[3]!, { wording: true }), cell(ru.current, w[4]!, { wording: true }), cell(ru.proposed, w[5]!, { wording: true }), cell(text(r.justification), w[6]!)],
    });
  });
  return tableDocument(`${TABLE_WORDS.kk.title} / ${TABLE_WORDS.ru.title}`, heading, bilingualHeadings(lang), BILINGUAL_WIDTHS, body);
}
