import {
  AlignmentType,
  CommentReference,
  DeletedTextRun,
  Document,
  InsertedTextRun,
  Packer,
  Paragraph,
  TextRun,
  type ICommentOptions,
  type IParagraphStyleOptions,
  type ParagraphChild,
} from 'docx';
import type { RedlineParagraph } from '../../shared/redline/model';

const FONT = 'Times New Roman';

/**
 * A Word paragraph style per kind of unit, so a reader can restyle the law in Word and finds its
 * sections, chapters and articles in the navigation pane (outline levels 1–3).
 */
const STYLES: IParagraphStyleOptions[] = [
  { id: 'ZanSection', name: 'Zan Section', basedOn: 'Normal', next: 'Normal', run: { bold: true, size: 26 }, paragraph: { outlineLevel: 0, alignment: AlignmentType.CENTER, spacing: { before: 320, after: 160 } } },
  { id: 'ZanChapter', name: 'Zan Chapter', basedOn: 'Normal', next: 'Normal', run: { bold: true, size: 24 }, paragraph: { outlineLevel: 1, alignment: AlignmentType.CENTER, spacing: { before: 240, after: 120 } } },
  { id: 'ZanArticle', name: 'Zan Article', basedOn: 'Normal', next: 'Normal', run: { bold: true }, paragraph: { outlineLevel: 2, spacing: { before: 200, after: 80 }, keepNext: true } },
  { id: 'ZanPart', name: 'Zan Part', basedOn: 'Normal', paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 567 }, spacing: { after: 60 } } },
  { id: 'ZanParagraph', name: 'Zan Paragraph', basedOn: 'Normal', paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 567 }, spacing: { after: 60 } } },
  { id: 'ZanSubparagraph', name: 'Zan Subparagraph', basedOn: 'Normal', paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 567 }, spacing: { after: 40 } } },
  { id: 'ZanElision', name: 'Zan Elision', basedOn: 'Normal', paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 80, after: 80 } } },
];

const STYLE_OF: Record<RedlineParagraph['kind'], string> = {
  section: 'ZanSection',
  chapter: 'ZanChapter',
  article: 'ZanArticle',
  part: 'ZanPart',
  paragraph: 'ZanParagraph',
  subparagraph: 'ZanSubparagraph',
  elision: 'ZanElision',
};

/** Who made a change and when, as Word shows it on each revision. */
export interface RevisionAuthor {
  author: string;
  date: string;
}

/** What goes into a redline DOCX besides its lines. */
export interface RedlineDocxOptions {
  title: string;
  /** The author and date of each amendment's revisions, by the amendment's uid. */
  revisionOf(amendmentUid: string): RevisionAuthor;
  /** Notes shown as Word comments on the amendment's first changed line (the gaps it targets and why), by uid. */
  comments?: ReadonlyMap<string, string>;
}

/**
 * A redline (shared/redline/model.ts) as a Word document with native tracked changes: `w:ins` /
 * `w:del` runs with each amendment's author and date, a paragraph style per kind of unit, whole new or removed lines with their
 * paragraph mark tracked too (so accepting or rejecting leaves no empty line), `trackRevisions`
 * on, and each amendment's note as a `w:comment` anchored on its first changed line.
 */
export async function redlineDocx(paragraphs: readonly RedlineParagraph[], options: RedlineDocxOptions): Promise<Buffer> {
  let revision = 0;
  const stamp = (uid: string) => ({ id: ++revision, ...options.revisionOf(uid) });
  const comments: ICommentOptions[] = [];
  const commented = new Set<string>();
  const body = paragraphs.map((p) => {
    const children: ParagraphChild[] = p.runs.map((r) => {
      const style = { text: r.text, font: FONT };
      if (r.change === 'ins' && r.amendment) return new InsertedTextRun({ ...style, ...stamp(r.amendment) });
      if (r.change === 'del' && r.amendment) return new DeletedTextRun({ ...style, ...stamp(r.amendment) });
      return new TextRun(style);
    });
    const first = p.runs.find((r) => r.amendment)?.amendment;
    const note = first ? options.comments?.get(first) : undefined;
    if (first && note && !commented.has(first)) {
      commented.add(first);
      const id = comments.length;
      const { author, date } = options.revisionOf(first);
      comments.push({ id, author, date: new Date(date), children: note.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })) });
      // A comment at a point, in the revision of the line's first run: a comment range's end would
      // split that revision in two for LibreOffice.
      const head = p.runs[0];
      const reference = { children: [new CommentReference(id)] };
      children.unshift(
        head?.change === 'ins' && head.amendment
          ? new InsertedTextRun({ ...reference, ...stamp(head.amendment) })
          : head?.change === 'del' && head.amendment
            ? new DeletedTextRun({ ...reference, ...stamp(head.amendment) })
            : new TextRun(reference),
      );
    }
    const mark = p.mark ? { [p.mark.change === 'ins' ? 'insertion' : 'deletion']: stamp(p.mark.amendment) } : {};
    return new Paragraph({ style: STYLE_OF[p.kind], run: mark, children });
  });
  const doc = new Document({
    creator: 'Zan Workbench',
    title: options.title,
    features: { trackRevisions: true },
    comments: { children: comments },
    styles: { default: { document: { run: { font: FONT, size: 24 } } }, paragraphStyles: STYLES },
    sections: [{ children: [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: options.title, bold: true, font: FONT, size: 28 })] }), ...body] }],
  });
  return Packer.toBuffer(doc);
}
