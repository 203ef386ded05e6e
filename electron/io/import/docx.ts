import type { SourceBlock } from '../../../shared/import';
import { BlockCollector } from './blocks';
import { declaredEncoding, decodeText } from './decode';
import { DocxNumbering, W_NAMESPACES, wAttr, type NumberingRef } from './docx-numbering';
import { ImportError, type ImportLimits } from './limits';
import { walkXml } from './xml';
import { openZip } from './zip';

/** Markup Compatibility: a choice of content and its fallback for older readers (text boxes come twice). */
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** Style names that make a paragraph the title or a heading (Word's built-in names, in English and Russian). */
const TITLE_STYLE = /^(title|заголовок|название)$/i;
const HEADING_STYLE = /^(heading|заголовок)\s*\d$/i;

/** A paragraph being read. */
interface OpenParagraph {
  text: string;
  style: string | null;
  numbering: Partial<NumberingRef>;
  /** The paragraph mark is a tracked deletion: the paragraph joins the next one. */
  markDeleted: boolean;
}

/**
 * Reads the paragraphs of a Word document within limits: the archive is opened by a bounded ZIP
 * reader, `word/document.xml`, `word/styles.xml` and `word/numbering.xml` walked by a strict XML
 * parser (no DTD), in Transitional or Strict OOXML. Each `w:p` is a paragraph: its text runs
 * (inserted text of tracked changes included, deleted and moved-away text left out), tabs as
 * spaces, line breaks as new lines; a paragraph whose mark is a tracked deletion joins the next
 * one; a text box once (Word writes it twice, as a choice and as a fallback); the number Word's
 * list numbering shows (from the paragraph or from its style) put before the text, as Word displays
 * it; its style says whether it is the title or a heading.
 */
export function readDocxBlocks(bytes: Buffer, file: string, limits: ImportLimits, checkTime: () => void): SourceBlock[] {
  const zip = openZip(bytes, file, limits);
  const documentXml = zip.read('word/document.xml');
  if (!documentXml) throw new ImportError('FORMAT', file, 'it has no word/document.xml: it is not a Word document.');
  const styles = readStyles(zip.read('word/styles.xml'), file, limits, checkTime);
  const numbering = DocxNumbering.read(zip.read('word/numbering.xml'), file, limits, checkTime);
  const blocks = new BlockCollector(file, limits);
  // Paragraphs can nest (a text box inside a paragraph): the innermost open one takes the text.
  const open: OpenParagraph[] = [];
  let paragraph: OpenParagraph | null = null;
  let inText = false;
  let deleted = 0;
  let fallback = 0;
  let inParagraphProps = 0;
  let inRunProps = 0;
  // A tracked change of paragraph properties keeps the old ones (w:pPrChange): not what the paragraph has.
  let oldProps = 0;
  let count = 0;
  let inTable = 0;
  let carried = '';
  let sawDocument = false;
  walkXml(decodeText(documentXml, file, declaredEncoding(documentXml), 'its word/document.xml'), file, limits, checkTime, {
    open(tag) {
      if (tag.uri === MC && tag.local === 'Fallback') fallback += 1;
      if (fallback || !W_NAMESPACES.has(tag.uri)) return;
      if (tag.local === 'document') sawDocument = true;
      switch (tag.local) {
        case 'p':
          paragraph = { text: '', style: null, numbering: {}, markDeleted: false };
          open.push(paragraph);
          break;
        case 'pPr':
          inParagraphProps += 1;
          break;
        case 'rPr':
          inRunProps += 1;
          break;
        case 'pPrChange':
          oldProps += 1;
          break;
        case 'pStyle':
          if (paragraph && !oldProps) paragraph.style = wAttr(tag, 'val');
          break;
        case 'ilvl':
          if (paragraph && inParagraphProps && !oldProps) paragraph.numbering.ilvl = Number(wAttr(tag, 'val') ?? 0);
          break;
        case 'numId':
          if (paragraph && inParagraphProps && !oldProps) paragraph.numbering.numId = wAttr(tag, 'val') ?? '0';
          break;
        case 't':
          inText = true;
          break;
        case 'del':
        case 'moveFrom':
          // The paragraph mark deleted (w:pPr/w:rPr/w:del): the paragraph runs on into the next.
          if (paragraph && inParagraphProps && inRunProps) paragraph.markDeleted ||= !oldProps;
          // Deleted text of tracked changes, and the old place of moved text, are not the text.
          else deleted += 1;
          break;
        case 'tab':
          if (paragraph && !deleted && !inParagraphProps) paragraph.text += ' ';
          break;
        case 'br':
        case 'cr':
          if (paragraph && !deleted) paragraph.text += '\n';
          break;
        case 'tbl':
          inTable += 1;
          break;
      }
    },
    close(tag) {
      if (tag.uri === MC && tag.local === 'Fallback') {
        fallback -= 1;
        return;
      }
      if (fallback || !W_NAMESPACES.has(tag.uri)) return;
      if (tag.local === 't') inText = false;
      else if (tag.local === 'pPr') inParagraphProps -= 1;
      else if (tag.local === 'rPr') inRunProps -= 1;
      else if (tag.local === 'pPrChange') oldProps -= 1;
      else if ((tag.local === 'del' || tag.local === 'moveFrom') && !(paragraph && inParagraphProps && inRunProps)) deleted -= 1;
      else if (tag.local === 'tbl') inTable -= 1;
      else if (tag.local === 'p' && paragraph) {
        count += 1;
        if (paragraph.markDeleted) {
          // Its mark deleted, the paragraph is the start of the next one, which gives the merged
          // paragraph its properties (its style, its list number), as Word shows the change accepted.
          carried += paragraph.text;
          open.pop();
          paragraph = open[open.length - 1] ?? null;
          return;
        }
        const style = paragraph.style ? styles.get(paragraph.style) : undefined;
        const name = style?.name ?? paragraph.style ?? '';
        const role = TITLE_STYLE.test(name) ? 'title' : HEADING_STYLE.test(name) ? 'heading' : undefined;
        const ref = { numId: paragraph.numbering.numId ?? style?.numbering?.numId, ilvl: paragraph.numbering.ilvl ?? style?.numbering?.ilvl ?? 0 };
        const listed = ref.numId !== undefined && ref.numId !== '0' ? { numId: ref.numId, ilvl: ref.ilvl } : null;
        const number = listed ? numbering.next(listed) : null;
        // Numbered by a list the file does not define: the number Word would show is unknown.
        const unknown = listed !== null && !numbering.defines(listed);
        const own = carried + paragraph.text;
        carried = '';
        const text = number ? `${number} ${own.replace(/^\s+/, '')}` : own;
        blocks.add(text, `paragraph ${count}${inTable ? ' (in a table)' : ''}`, { ...(role ? { role } : {}), ...(unknown ? { autoNumbered: true } : {}) });
        open.pop();
        paragraph = open[open.length - 1] ?? null;
      }
    },
    text(text) {
      if (!inText || !paragraph || deleted || fallback) return;
      paragraph.text += text;
      if (paragraph.text.length > limits.maxBlockChars) throw new ImportError('LIMIT', file, `paragraph ${count + 1} is more than ${limits.maxBlockChars} characters long (limit maxBlockChars).`, 'maxBlockChars');
    },
  });
  if (carried) blocks.add(carried, `paragraph ${count}`);
  if (!sawDocument) throw new ImportError('FORMAT', file, 'its word/document.xml is not a WordprocessingML document (neither Transitional nor Strict OOXML).');
  return blocks.blocks;
}

/** What a paragraph style gives a paragraph: its name, and list numbering (inherited through basedOn). */
interface StyleInfo {
  name: string;
  numbering?: Partial<NumberingRef>;
}

/** Style ids to their names and numbering, from word/styles.xml (absent: ids stand for themselves). */
function readStyles(xml: Buffer | null, file: string, limits: ImportLimits, checkTime: () => void): Map<string, StyleInfo> {
  const raw = new Map<string, { name: string; basedOn: string | null; numbering: Partial<NumberingRef> }>();
  if (!xml) return new Map();
  let current: { id: string; name: string; basedOn: string | null; numbering: Partial<NumberingRef> } | null = null;
  let inProps = 0;
  walkXml(decodeText(xml, file, declaredEncoding(xml), 'its word/styles.xml'), file, limits, checkTime, {
    open(tag) {
      if (!W_NAMESPACES.has(tag.uri)) return;
      if (tag.local === 'style') current = { id: wAttr(tag, 'styleId') ?? '', name: wAttr(tag, 'styleId') ?? '', basedOn: null, numbering: {} };
      else if (!current) return;
      else if (tag.local === 'name') current.name = wAttr(tag, 'val') ?? current.name;
      else if (tag.local === 'basedOn') current.basedOn = wAttr(tag, 'val');
      else if (tag.local === 'pPr') inProps += 1;
      else if (tag.local === 'numId' && inProps) current.numbering.numId = wAttr(tag, 'val') ?? '0';
      else if (tag.local === 'ilvl' && inProps) current.numbering.ilvl = Number(wAttr(tag, 'val') ?? 0);
    },
    close(tag) {
      if (!W_NAMESPACES.has(tag.uri)) return;
      if (tag.local === 'pPr') inProps -= 1;
      if (tag.local === 'style' && current) {
        raw.set(current.id, current);
        current = null;
      }
    },
    text() {},
  });
  const out = new Map<string, StyleInfo>();
  for (const [id, s] of raw) {
    let numbering: Partial<NumberingRef> = {};
    // The numbering of a style, or of the style it is based on (a few levels at most).
    for (let at: typeof s | undefined = s, hops = 0; at && hops < 10; at = at.basedOn ? raw.get(at.basedOn) : undefined, hops += 1) {
      numbering = { ...at.numbering, ...numbering };
    }
    out.set(id, { name: s.name, ...(numbering.numId !== undefined ? { numbering } : {}) });
  }
  return out;
}
