import { AlignmentType, Document, Packer, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import type { Lang } from '../../shared/law';
import { amendingLawLayout, NAME_BLANK } from './amending-law-layout';
import { A4_PAGE, FONT, pageFooter, TEXT_WIDTH } from './docx-page';

/** 14 pt, as laws are typed. */
const SIZE = 28;
/** The first-line indent of the law's lines: 1.25 cm. */
const INDENT = 709;

/** What an amending law's DOCX is made from. */
export interface AmendingLawDocxInput {
  lang: Lang;
  /** The package's title; the law's own title is taken from it (amending-law-layout.ts). */
  title: string;
  /** The text of the amending law (renderAmendingLaw). */
  lawText: string;
}

/**
 * The text of an amending law as a Word document laid out as a law is: "Проект" at the top right,
 * "ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН" and the title centred bold, no preamble, the articles (their labels
 * bold, every line justified with a first-line indent), then the signature block: "Президент
 * Республики Казахстан" bold at the left and a blank for the name at the right margin (a right tab
 * stop: a table's borders and widths are what other editors change first). Page numbers centred
 * in the footer, in the law's language.
 */
export async function amendingLawDocx(input: AmendingLawDocxInput): Promise<Buffer> {
  const layout = amendingLawLayout(input.lang, input.title, input.lawText);
  const run = (text: string, bold = false) => new TextRun({ text, bold, font: FONT, size: SIZE });
  const centred = (text: string, after: number) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, keepNext: true, children: [run(text, true)] });
  const lines = layout.lines.map(
    (l) =>
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: INDENT },
        // An article opens with space above it and keeps to its first line.
        spacing: { before: l.label ? 240 : 0, after: 60 },
        keepNext: !!l.label,
        children: l.label ? [run(l.label, true), run(l.rest)] : [run(l.rest)],
      }),
  );
  const doc = new Document({
    creator: 'Zan Workbench',
    title: layout.title,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: A4_PAGE,
        footers: { default: pageFooter(input.lang, 'number') },
        children: [
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 360 }, children: [run(layout.stamp, true)] }),
          centred(layout.heading, 240),
          centred(layout.title, 360),
          ...lines,
          new Paragraph({
            spacing: { before: 720 },
            keepLines: true,
            tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
            children: [run(layout.signatory, true), new TextRun({ font: FONT, size: SIZE, children: [new Tab(), NAME_BLANK] })],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
