import type { SaxesTagNS } from 'saxes';
import { AKN_LANG, AKN_NS } from '../../../shared/akn';
import type { DetectedLaw, ImportFinding } from '../../../shared/import';
import { assignEIds, isRepealedStub, LawStructureError, newUid, validateLaw, type Lang, type LawDoc, type Provision, type ProvisionKind } from '../../../shared/law';
import { declaredEncoding, decodeText } from './decode';
import { ImportError, type ImportLimits } from './limits';
import { walkXml } from './xml';

/** Akoma Ntoso hierarchy elements, and the kind of unit each becomes. */
const KIND_OF: Record<string, ProvisionKind> = {
  book: 'section',
  part: 'section',
  title: 'section',
  section: 'section',
  chapter: 'chapter',
  subchapter: 'chapter',
  article: 'article',
  paragraph: 'paragraph',
  subparagraph: 'subparagraph',
  point: 'subparagraph',
  item: 'subparagraph',
  indent: 'subparagraph',
  alinea: 'part',
  hcontainer: 'part',
};

const LANG_OF = new Map(Object.entries(AKN_LANG).map(([lang, code]) => [code, lang as Lang]));

/** A unit being read, with the text gathered for it. */
interface Open {
  unit: Provision;
  lines: string[];
  repealedMark: boolean;
}

/**
 * Reads an Akoma Ntoso act (the workbench's own export, or another system's) into a law within
 * limits: the hierarchy elements become units of their kind (`point` a subparagraph, an unnumbered
 * `paragraph` or an `hcontainer` a part), `num` gives the number (`Статья 5-1.` → `5-1`),
 * `heading` the heading, the paragraphs of `intro`/`content`/`wrapUp` the text, `authorialNote`s
 * the notes; `refersTo="#repealed"` (or a stub text) marks a repealed unit. The language comes from
 * the FRBR expression, the title from the preface, the date and number from the work's URI.
 */
export function readAkn(bytes: Uint8Array, file: string, limits: ImportLimits, checkTime: () => void, options: { lang?: Lang; makeUid?: () => string } = {}): DetectedLaw {
  const xml = decodeText(bytes, file, declaredEncoding(bytes));
  const findings: ImportFinding[] = [];
  const body: Provision[] = [];
  const stack: Open[] = [];
  const makeUid = options.makeUid ?? newUid;
  let rootSeen = false;
  let inBody = 0;
  let capture: { kind: 'num' | 'heading' | 'p' | 'note' | 'docTitle' | null; text: string } = { kind: null, text: '' };
  let noteDepth = 0;
  // What was being gathered when a note began inside it (a heading's or a paragraph's text).
  let beforeNote: typeof capture | null = null;
  let lang: Lang | null = options.lang ?? null;
  let title: string | null = null;
  let workUri: string | null = null;
  const unknown = new Set<string>();
  // Units and paragraphs count against the same limit as the other readers' paragraphs.
  let blocks = 0;
  const count = () => {
    if (++blocks > limits.maxBlocks) throw new ImportError('LIMIT', file, `it has more than ${limits.maxBlocks} units and paragraphs (limit maxBlocks).`, 'maxBlocks');
  };

  const start = (kind: typeof capture.kind) => (capture = { kind, text: '' });
  walkXml(xml, file, limits, checkTime, {
    open(tag: SaxesTagNS) {
      if (!rootSeen) {
        rootSeen = true;
        if (tag.local !== 'akomaNtoso' || tag.uri !== AKN_NS) throw new ImportError('FORMAT', file, `its root is <${tag.name}> in ${tag.uri || 'no namespace'}, not an Akoma Ntoso 3.0 document.`);
        return;
      }
      if (tag.uri !== AKN_NS) return;
      const name = tag.local;
      const value = (a: string) => tag.attributes[a]?.value;
      if (name === 'FRBRlanguage' && !options.lang) lang = LANG_OF.get(value('language') ?? '') ?? lang;
      if (name === 'FRBRuri' && workUri === null) workUri = value('value') ?? null;
      if (name === 'body' || name === 'mainBody') inBody += 1;
      if (name === 'authorialNote') {
        if (noteDepth++ === 0) {
          beforeNote = capture;
          start('note');
        }
        return;
      }
      if (noteDepth) return;
      if (name === 'docTitle' && title === null) return void start('docTitle');
      if (!inBody) return;
      const kind = KIND_OF[name];
      if (kind) {
        count();
        const unit: Provision = { uid: makeUid(), eId: '', kind, num: '', heading: '', text: '', repealed: false, notes: [], children: [] };
        stack.push({ unit, lines: [], repealedMark: /#repealed\b/.test(value('refersTo') ?? '') || value('status') === 'removed' });
        return;
      }
      if (name === 'num') start('num');
      else if (name === 'heading') start('heading');
      else if (name === 'p') {
        count();
        start('p');
      }
      else if (!['body', 'mainBody', 'intro', 'content', 'wrapUp', 'list', 'blockList', 'listIntroduction', 'b', 'i', 'u', 'span', 'ref', 'term', 'def', 'sup', 'sub', 'br', 'eol'].includes(name)) unknown.add(name);
    },
    close(tag: SaxesTagNS) {
      if (tag.uri !== AKN_NS) return;
      const name = tag.local;
      const current = stack[stack.length - 1];
      if (name === 'authorialNote') {
        if (--noteDepth === 0) {
          if (current && capture.text.trim()) current.unit.notes.push(capture.text.replace(/\s+/g, ' ').trim());
          capture = beforeNote ?? { kind: null, text: '' };
          beforeNote = null;
        }
        return;
      }
      if (noteDepth) return;
      if (name === 'body' || name === 'mainBody') inBody -= 1;
      if (name === 'docTitle' && capture.kind === 'docTitle') {
        title = capture.text.trim() || null;
        return void start(null);
      }
      if (KIND_OF[name] && current) {
        stack.pop();
        const { unit, lines } = current;
        unit.text = lines.join('\n');
        if (unit.kind === 'paragraph' && !unit.num) unit.kind = 'part';
        if (unit.kind === 'part') unit.num = '';
        unit.repealed = current.repealedMark || isRepealedStub(unit.kind === 'article' ? unit.heading : unit.text, lang ?? 'ru');
        const parent = stack[stack.length - 1];
        (parent ? parent.unit.children : body).push(unit);
        return;
      }
      if (!current) return;
      if (name === 'num' && capture.kind === 'num') current.unit.num = numberOf(capture.text);
      else if (name === 'heading' && capture.kind === 'heading') current.unit.heading = capture.text.trim();
      else if (name === 'p' && capture.kind === 'p') {
        const line = capture.text.replace(/\s+/g, ' ').trim();
        if (line) current.lines.push(line);
      } else return;
      start(null);
    },
    text(text) {
      if (capture.kind) capture.text += text;
      if (capture.text.length > limits.maxBlockChars) throw new ImportError('LIMIT', file, `a paragraph is more than ${limits.maxBlockChars} characters long (limit maxBlockChars).`, 'maxBlockChars');
    },
  });
  checkTime();
  if (!lang) throw new ImportError('NOT_A_LAW', file, 'it does not say its language (FRBRlanguage); choose one.');
  if (body.length === 0) throw new ImportError('NOT_A_LAW', file, 'its body holds no provisions.');
  if (unknown.size) findings.push({ severity: 'warning', code: 'UNKNOWN_ELEMENT', where: file, message: `Elements read as plain text or left out: ${[...unknown].sort().join(', ')}.` });
  const law: LawDoc = { lang, body };
  assignEIds(law.body);
  checkTime();
  try {
    validateLaw(law);
  } catch (error) {
    if (!(error instanceof LawStructureError)) throw error;
    findings.push({ severity: 'error', code: error.code, where: error.where.eId ?? file, message: error.message });
  }
  checkTime();
  return { lang, title, act: actOf(workUri), law, findings };
}

/** The number in a `num`: `Статья 5-1.` → `5-1`, `5-1-бап.` → `5-1`, `3)` → `3`. */
function numberOf(text: string): string {
  return /\d+(?:-\d+)*/.exec(text)?.[0] ?? '';
}

/** The act's kind, date and number from the work's FRBR URI (`/akn/kz/act/[code/]2024-07-01/103-VIII`). */
function actOf(uri: string | null): DetectedLaw['act'] {
  const m = uri ? /^\/akn\/kz\/act\/(code\/)?(\d{4}-\d{2}-\d{2})\/([^/]+)/.exec(uri) : null;
  if (!m || m[2] === '0000-00-00') return null;
  return { kind: m[1] ? 'code' : 'law', date: m[2]!, number: m[3] === 'nn' ? '' : m[3]! };
}
