import type { SaxesTagNS } from 'saxes';
import type { SourceBlock } from '../../../shared/import';
import { BlockCollector } from './blocks';
import { declaredEncoding, decodeText } from './decode';
import { ImportError, type ImportLimits } from './limits';
import { walkXml } from './xml';
import { openZip } from './zip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Style names that make a paragraph the title or a heading (Word's built-in names, in English and Russian). */
const TITLE_STYLE = /^(title|заголовок|название)$/i;
const HEADING_STYLE = /^(heading|заголовок)\s*\d$/i;

/**
 * Reads the paragraphs of a Word document within limits: the archive is opened by a bounded ZIP
 * reader, `word/document.xml` and `word/styles.xml` walked by a strict XML parser (no DTD). Each
 * `w:p` is a paragraph: its text runs (inserted text of tracked changes included, deleted text
 * left out), tabs as spaces, line breaks as new lines; its style says whether it is the title or a
 * heading; Word's automatic numbering is flagged, since its numbers are not in the text.
 */
export function readDocxBlocks(bytes: Buffer, file: string, limits: ImportLimits, checkTime: () => void): SourceBlock[] {
  const zip = openZip(bytes, file, limits);
  const documentXml = zip.read('word/document.xml');
  if (!documentXml) throw new ImportError('FORMAT', file, 'it has no word/document.xml: it is not a Word document.');
  const styleNames = readStyleNames(zip.read('word/styles.xml'), file, limits, checkTime);
  const blocks = new BlockCollector(file, limits);
  // Paragraphs can nest (a text box inside a paragraph): the innermost open one takes the text.
  const open: { text: string; style: string | null; numbered: boolean }[] = [];
  let paragraph: { text: string; style: string | null; numbered: boolean } | null = null;
  let inText = false;
  let deleted = 0;
  let count = 0;
  let inTable = 0;
  walkXml(decodeText(documentXml, file, declaredEncoding(documentXml), 'its word/document.xml'), file, limits, checkTime, {
    open(tag) {
      if (tag.uri !== W) return;
      switch (tag.local) {
        case 'p':
          paragraph = { text: '', style: null, numbered: false };
          open.push(paragraph);
          break;
        case 'pStyle':
          if (paragraph) paragraph.style = attr(tag, 'val');
          break;
        case 'numPr':
          if (paragraph) paragraph.numbered = true;
          break;
        case 't':
          inText = true;
          break;
        case 'del':
        case 'moveFrom':
          // Deleted text of tracked changes, and the old place of moved text, are not the text.
          deleted += 1;
          break;
        case 'tab':
          if (paragraph && !deleted) paragraph.text += ' ';
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
      if (tag.uri !== W) return;
      if (tag.local === 't') inText = false;
      else if (tag.local === 'del' || tag.local === 'moveFrom') deleted -= 1;
      else if (tag.local === 'tbl') inTable -= 1;
      else if (tag.local === 'p' && paragraph) {
        count += 1;
        const name = paragraph.style ? (styleNames.get(paragraph.style) ?? paragraph.style) : '';
        const role = TITLE_STYLE.test(name) ? 'title' : HEADING_STYLE.test(name) ? 'heading' : undefined;
        blocks.add(paragraph.text, `paragraph ${count}${inTable ? ' (in a table)' : ''}`, { ...(role ? { role } : {}), ...(paragraph.numbered ? { autoNumbered: true } : {}) });
        open.pop();
        paragraph = open[open.length - 1] ?? null;
      }
    },
    text(text) {
      if (!inText || !paragraph || deleted) return;
      paragraph.text += text;
      if (paragraph.text.length > limits.maxBlockChars) throw new ImportError('LIMIT', file, `paragraph ${count + 1} is more than ${limits.maxBlockChars} characters long (limit maxBlockChars).`, 'maxBlockChars');
    },
  });
  return blocks.blocks;
}

/** A WordprocessingML attribute of an element, whatever prefix the file gives its namespace. */
function attr(tag: SaxesTagNS, local: string): string | null {
  return Object.values(tag.attributes).find((a) => a.uri === W && a.local === local)?.value ?? null;
}

/** Style ids to names, from word/styles.xml (absent: ids stand for themselves). */
function readStyleNames(xml: Buffer | null, file: string, limits: ImportLimits, checkTime: () => void): Map<string, string> {
  const names = new Map<string, string>();
  if (!xml) return names;
  let current: string | null = null;
  walkXml(decodeText(xml, file, declaredEncoding(xml), 'its word/styles.xml'), file, limits, checkTime, {
    open(tag) {
      if (tag.uri !== W) return;
      if (tag.local === 'style') current = attr(tag, 'styleId');
      else if (tag.local === 'name' && current) names.set(current, attr(tag, 'val') ?? current);
    },
    close(tag) {
      if (tag.uri === W && tag.local === 'style') current = null;
    },
    text() {},
  });
  return names;
}
