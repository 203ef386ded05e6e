import { AlignmentType, DeletedTextRun, Document, InsertedTextRun, Packer, Paragraph, TextRun, type IParagraphPropertiesOptionsBase, type ParagraphChild } from 'docx';
import { detectLanguage, type Lang } from '../../shared/law';
import type { RedlineParagraph } from '../../shared/redline/model';
import { commentAnchors, RedlineComments, type ReviewComment, type RevisionAuthor, type Stamp } from './docx-comments';
import { A4_PAGE, FONT, pageFooter, runningHeader } from './docx-page';
import { REDLINE_STYLES, STYLE_OF } from './redline-docx-styles';
import { placeMarks } from './redline-marks';

export type { ReviewComment, RevisionAuthor } from './docx-comments';

/** What goes into a redline DOCX besides its lines. */
export interface RedlineDocxOptions {
  title: string;
  /** The language of the law, for the header's stamp and the page label; read from the text when not given. */
  lang?: Lang;
  /** The package the draft is amended in, named in the running header. */
  packageTitle?: string;
  /** The date of the draft's text (YYYY-MM-DD), in the running header. */
  date?: string;
  /** The author and date of each amendment's revisions, by the amendment's uid. */
  revisionOf(amendmentUid: string): RevisionAuthor;
  /** Notes shown as Word comments on the amendment's first changed line (the gaps it targets and why), by uid. */
  comments?: ReadonlyMap<string, string>;
  /** Reviewers' comment threads on each amendment (comments and replies, oldest first), by uid: Word comments with replies. */
  threads?: ReadonlyMap<string, readonly ReviewComment[]>;
}

/** A line's paragraph properties: its style, and keeping to the footnote after it (so a note does not open a page alone). */
function propertiesOf(p: RedlineParagraph, next: RedlineParagraph | undefined): IParagraphPropertiesOptionsBase {
  return { style: STYLE_OF[p.kind], ...(next?.kind === 'note' ? { keepNext: true } : {}) };
}

/**
 * A redline (shared/redline/model.ts) as a Word document with native tracked changes: `w:ins` /
 * `w:del` runs with each amendment's author and date, a paragraph style per kind of line
 * (subparagraphs indented under their paragraph, footnotes where the law prints them), whole new
 * or removed lines with their paragraph mark tracked too (so accepting or rejecting leaves no empty
 * line; placed as Word places them, see redline-marks.ts), `trackRevisions` on, each amendment's
 * note and the reviewers' threads as Word comments on its first changed line, and on every page the
 * running header (the law, the package, the date, "Проект") and "стр. N из M" in the footer.
 * Word draws its change bars beside tracked changes itself; nothing here turns them off (no
 * `w:revisionView` in the settings).
 */
export async function redlineDocx(paragraphs: readonly RedlineParagraph[], options: RedlineDocxOptions): Promise<Buffer> {
  const lang = options.lang ?? detectLanguage(paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('\n')) ?? 'ru';
  let revision = 0;
  const stamp: Stamp = (uid) => ({ id: ++revision, ...options.revisionOf(uid) });
  const comments = new RedlineComments(options.comments, options.threads, options.revisionOf);
  const marks = placeMarks(paragraphs);
  const body = paragraphs.map((p, i) => {
    const children: ParagraphChild[] = p.runs.map((r) => {
      const style = { text: r.text, font: FONT };
      if (r.change === 'ins' && r.amendment) return new InsertedTextRun({ ...style, ...stamp(r.amendment) });
      if (r.change === 'del' && r.amendment) return new DeletedTextRun({ ...style, ...stamp(r.amendment) });
      return new TextRun(style);
    });
    const amendments = new Set([...p.runs.map((r) => r.amendment), p.mark?.amendment].filter((uid): uid is string => !!uid));
    children.unshift(...[...amendments].flatMap((uid) => commentAnchors(comments.take(uid), p.runs[0], stamp)));
    const { mark, props, formerly } = marks[i]!;
    const own = propertiesOf(paragraphs[props]!, paragraphs[props + 1]);
    // Where marks moved up by one (redline-marks.ts), this paragraph ends another line once the
    // changes are resolved: the properties it had before are recorded, to be given back on reject.
    const before = formerly === null ? null : propertiesOf(paragraphs[formerly]!, paragraphs[formerly + 1]);
    const former = before && p.mark && JSON.stringify(before) !== JSON.stringify(own) ? { revision: { ...stamp(p.mark.amendment), ...before } } : {};
    const run = mark ? { [mark.change === 'ins' ? 'insertion' : 'deletion']: stamp(mark.amendment) } : {};
    return new Paragraph({ ...own, ...former, run, children });
  });
  const head = { law: options.title, package: options.packageTitle, date: options.date };
  const doc = new Document({
    creator: 'Zan Workbench',
    title: options.title,
    features: { trackRevisions: true },
    comments: { children: comments.list },
    styles: { default: { document: { run: { font: FONT, size: 24 } } }, paragraphStyles: REDLINE_STYLES },
    sections: [
      {
        properties: A4_PAGE,
        headers: { default: runningHeader(lang, head) },
        footers: { default: pageFooter(lang) },
        children: [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: options.title, bold: true, font: FONT, size: 28 })] }), ...body],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
