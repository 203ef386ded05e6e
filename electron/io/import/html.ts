import { Parser } from 'htmlparser2';
import type { SourceBlock } from '../../../shared/import';
import { BlockCollector } from './blocks';
import { decodeText, declaredEncoding } from './decode';
import { ImportError, type ImportLimits } from './limits';

/** Elements whose text is never the law's: scripts, styles, the page's chrome. */
const SKIPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'nav', 'header', 'footer', 'button', 'select', 'iframe', 'object', 'form']);
/** Elements that end one paragraph and start another. */
const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'tr', 'table', 'blockquote', 'section', 'article', 'pre', 'dd', 'dt', 'dl', 'ul', 'ol', 'center', 'main', 'body']);
/** Elements HTML never closes. */
const VOID = new Set(['br', 'hr', 'img', 'meta', 'link', 'input', 'col', 'area', 'base', 'wbr', 'source', 'track', 'embed', 'param']);
/** A class that marks a note of the consolidated text or of the editor (the portal's style). */
const NOTE_CLASS = /\b(note|notes|footnote|editor-note|comment)\b/i;
/** An inline style that colours text red or grey, as the portal prints its notes. */
const NOTE_STYLE = /(^|;)\s*color\s*:\s*(red|#f00\b|#ff0000|#c00\b|#cc0000|gray|grey|#808080|#999)/i;

/**
 * Reads the paragraphs of an HTML page (the legal information portal's style): each block
 * element is a paragraph; `<h1>` (or a `title` class) is the act's title, `<h2>`–`<h6>` headings;
 * a paragraph in a note class, or all in italic or red, is a note; the page's head, scripts, menus
 * and footers are skipped. Nesting deeper than the limit is refused.
 */
export function readHtmlBlocks(bytes: Uint8Array, file: string, limits: ImportLimits, checkTime: () => void): SourceBlock[] {
  const html = decodeText(bytes, file, declaredEncoding(bytes));
  const blocks = new BlockCollector(file, limits);
  const stack: { name: string; note: boolean; skip: boolean }[] = [];
  let text = '';
  let noteChars = 0;
  let role: SourceBlock['role'];
  let paragraphs = 0;
  let events = 0;
  let titled = false;

  const flush = () => {
    const trimmed = text.replace(/[ \t\r\f]+/g, ' ').trim();
    if (trimmed) {
      paragraphs += 1;
      const allNote = noteChars >= text.replace(/\s/g, '').length && noteChars > 0;
      blocks.add(trimmed, `paragraph ${paragraphs}`, role ? { role } : allNote ? { role: 'note' } : {});
    }
    text = '';
    noteChars = 0;
    role = undefined;
  };
  const skipping = () => stack.some((e) => e.skip);
  const inNote = () => stack.some((e) => e.note);

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (++events % 2000 === 0) checkTime();
        if (VOID.has(name)) {
          if (name === 'br' && !skipping()) text += '\n';
          return;
        }
        if (BLOCKS.has(name)) flush();
        const note = NOTE_CLASS.test(attrs['class'] ?? '') || NOTE_STYLE.test(attrs['style'] ?? '') || name === 'i' || name === 'em';
        stack.push({ name, note, skip: SKIPPED.has(name) });
        if (stack.length > limits.maxDepth) throw new ImportError('LIMIT', file, `its elements nest more than ${limits.maxDepth} deep (limit maxDepth).`, 'maxDepth');
        if (name === 'h1' || /\btitle\b/i.test(attrs['class'] ?? '')) role = titled ? 'heading' : 'title';
        else if (/^h[2-6]$/.test(name)) role = 'heading';
        if (NOTE_CLASS.test(attrs['class'] ?? '') && BLOCKS.has(name)) role = 'note';
      },
      ontext(data) {
        if (skipping()) return;
        text += data.replace(/\n/g, ' ');
        if (inNote()) noteChars += data.replace(/\s/g, '').length;
        if (text.length > limits.maxBlockChars) throw new ImportError('LIMIT', file, `paragraph ${paragraphs + 1} is more than ${limits.maxBlockChars} characters long (limit maxBlockChars).`, 'maxBlockChars');
      },
      onclosetag(name) {
        if (VOID.has(name)) return;
        // Close up to the matching element (browsers forgive unclosed inline elements too).
        const at = stack.map((e) => e.name).lastIndexOf(name);
        if (at < 0) return;
        if (BLOCKS.has(name)) {
          if (role === 'title') titled = true;
          flush();
        }
        stack.length = at;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false },
  );
  parser.write(html);
  parser.end();
  flush();
  return blocks.blocks;
}
