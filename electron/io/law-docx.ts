import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';

const FONT = 'Times New Roman';

/**
 * The text of an amending law as a Word document: the title centred, article headings bold, the
 * items and quoted wording as paragraphs, in the order of the text.
 */
export async function amendingLawDocx(title: string, lawText: string): Promise<Buffer> {
  const lines = lawText.replace(/\n$/, '').split('\n');
  const heading = /^(Статья \d+\.|\d+-бап\.|Article \d+\.)/u;
  const doc = new Document({
    creator: 'Zan Workbench',
    title,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: title, bold: true, font: FONT, size: 28 })] }),
          ...lines.map((line) => {
            const m = heading.exec(line);
            const runs = m
              ? [new TextRun({ text: m[1] as string, bold: true, font: FONT }), new TextRun({ text: line.slice((m[1] as string).length), font: FONT })]
              : [new TextRun({ text: line, font: FONT })];
            return new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 709 }, spacing: { after: 60 }, children: runs });
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
