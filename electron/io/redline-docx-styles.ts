import { AlignmentType, type IParagraphStyleOptions } from 'docx';
import type { RedlineParagraph } from '../../shared/redline';

/** The first-line indent of the law's text, and the step by which a subparagraph stands in from its paragraph: 1 cm. */
const INDENT = 567;

/**
 * A Word paragraph style per kind of line, so a reader can restyle the law in Word and finds its
 * sections, chapters and articles in the navigation pane (outline levels 1–3). Headings keep with
 * the line after them; subparagraphs stand in under their paragraph; a footnote ("Сноска. …") is
 * smaller and is not split across pages.
 */
export const REDLINE_STYLES: IParagraphStyleOptions[] = [
  { id: 'ZanSection', name: 'Zan Section', basedOn: 'Normal', next: 'Normal', run: { bold: true, size: 26 }, paragraph: { outlineLevel: 0, alignment: AlignmentType.CENTER, spacing: { before: 320, after: 160 }, keepNext: true } },
  { id: 'ZanChapter', name: 'Zan Chapter', basedOn: 'Normal', next: 'Normal', run: { bold: true, size: 24 }, paragraph: { outlineLevel: 1, alignment: AlignmentType.CENTER, spacing: { before: 240, after: 120 }, keepNext: true } },
  { id: 'ZanArticle', name: 'Zan Article', basedOn: 'Normal', next: 'Normal', run: { bold: true }, paragraph: { outlineLevel: 2, indent: { firstLine: INDENT }, spacing: { before: 200, after: 80 }, keepNext: true } },
  { id: 'ZanPart', name: 'Zan Part', basedOn: 'Normal', paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: INDENT }, spacing: { after: 60 } } },
  { id: 'ZanParagraph', name: 'Zan Paragraph', basedOn: 'Normal', paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: INDENT }, spacing: { after: 60 } } },
  { id: 'ZanSubparagraph', name: 'Zan Subparagraph', basedOn: 'Normal', paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { left: INDENT, firstLine: INDENT }, spacing: { after: 40 } } },
  { id: 'ZanNote', name: 'Zan Footnote', basedOn: 'Normal', run: { italics: true, size: 20, color: '55606E' }, paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: INDENT }, spacing: { after: 60 }, keepLines: true } },
  { id: 'ZanElision', name: 'Zan Elision', basedOn: 'Normal', paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 80, after: 80 } } },
];

/** The style of each kind of line. */
export const STYLE_OF: Record<RedlineParagraph['kind'], string> = {
  section: 'ZanSection',
  chapter: 'ZanChapter',
  article: 'ZanArticle',
  part: 'ZanPart',
  paragraph: 'ZanParagraph',
  subparagraph: 'ZanSubparagraph',
  note: 'ZanNote',
  elision: 'ZanElision',
};
