import type { SaxesTagNS } from 'saxes';
import { AKN_NS } from '../../../shared/akn';
import { declaredEncoding, decodeText } from './decode';
import { ImportError, type ImportLimits } from './limits';
import { walkXml } from './xml';

/**
 * The hierarchy elements of Akoma Ntoso (civil-law and common-law documents alike): each becomes a
 * node of the raw tree, mapped onto the workbench's units afterwards (akn-tree.ts).
 */
export const HIERARCHY: ReadonlySet<string> = new Set([
  'book', 'tome', 'part', 'title', 'subtitle', 'division', 'subdivision', 'chapter', 'subchapter', 'section', 'subsection',
  'article', 'paragraph', 'subparagraph', 'point', 'item', 'indent', 'alinea', 'clause', 'subclause', 'list', 'hcontainer', 'level', 'rule', 'subrule', 'proviso', 'transitional',
]);

/** Elements whose `<p>`s are a unit's own text, and where in the unit they stand. */
const TEXT_PLACES = { intro: 'intro', listIntroduction: 'intro', content: 'content', wrapUp: 'wrapUp', listWrapUp: 'wrapUp' } as const;
type Place = (typeof TEXT_PLACES)[keyof typeof TEXT_PLACES];

/** Inline and block elements whose text is read as text (no warning). */
const INLINE = new Set(['b', 'i', 'u', 'span', 'ref', 'term', 'def', 'sup', 'sub', 'br', 'eol', 'eop', 'inline', 'mref', 'rref', 'date', 'person', 'organization', 'location', 'concept', 'object', 'event', 'role', 'quantity', 'entity', 'abbr', 'docNumber', 'docDate', 'docType', 'docProponent', 'shortTitle', 'a', 'img', 'blockList', 'blockContainer', 'tblock', 'foreign', 'quotedStructure', 'embeddedStructure', 'crossHeading', 'subheading', 'marker', 'noteRef', 'placeholder', 'fillIn', 'omissis', 'num', 'heading', 'p', 'quotedText', 'mod', 'mmod', 'authorialNote', 'body', 'mainBody']);

/** One hierarchy element as read: its number and heading as printed, its own text by place, its notes, its children. */
export interface RawNode {
  element: string;
  /** The `name` of an hcontainer, `refersTo` and `status` as given. */
  name: string;
  eId: string;
  num: string;
  heading: string;
  lines: Record<Place, string[]>;
  /** Notes (authorialNote) of the unit: in its num or heading, and in its own text (intro, content, wrap-up). */
  notes: string[];
  textNotes: string[];
  repealed: boolean;
  children: RawNode[];
}

/** One modification of an amendment document: its type, where it points, its old and new wording. */
export interface RawModification {
  type: string;
  destination: string;
  old: string | null;
  new: string | null;
  /** The text of the `<mod>` it comes from, for messages. */
  text: string;
}

/** An Akoma Ntoso document as read, before it is mapped onto a law. */
export interface AknDocument {
  /** The document type: the root's child (`act`, `bill`, `amendment`, `doc`, …). */
  type: string;
  /** The FRBRlanguage code as written (`rus`, `ru`, `eng`, `spa`, …), or null. */
  language: string | null;
  workUri: string | null;
  title: string | null;
  body: RawNode[];
  modifications: RawModification[];
  /** Elements read as plain text or left out. */
  unknown: Set<string>;
}

/**
 * Reads an Akoma Ntoso 3.0 document (the workbench's own export, or another publisher's) within
 * limits into a raw tree of its hierarchy: any hierarchy element of the standard is a node, with
 * `num` and `heading` as printed, the `<p>`s of `intro` / `content` / `wrapUp` as its own text,
 * `authorialNote`s as notes (not normative text), `refersTo="#repealed"` or `status="removed"` as
 * repealed; and, for an amendment document, its modifications (`textualMod` with the quoted old and
 * new wording). Refuses what is not Akoma Ntoso 3.0.
 */
export function readAknDocument(bytes: Uint8Array, file: string, limits: ImportLimits, checkTime: () => void): AknDocument {
  const xml = decodeText(bytes, file, declaredEncoding(bytes));
  const doc: AknDocument = { type: '', language: null, workUri: null, title: null, body: [], modifications: [], unknown: new Set() };
  const stack: RawNode[] = [];
  let rootSeen = false;
  let inBody = 0;
  let place: Place | null = null;
  let capture: { kind: 'num' | 'heading' | 'p' | 'note' | 'docTitle' | 'quoted' | 'mod' | null; text: string } = { kind: null, text: '' };
  let noteDepth = 0;
  let beforeNote: typeof capture | null = null;
  let notePlace: Place | null = null;
  const quoted = new Map<string, string>();
  let quotedId: string | null = null;
  let quotedText = '';
  const modTexts = new Map<string, string>();
  let modId: string | null = null;
  let modText = '';
  let blocks = 0;
  const count = () => {
    if (++blocks > limits.maxBlocks) throw new ImportError('LIMIT', file, `it has more than ${limits.maxBlocks} units and paragraphs (limit maxBlocks).`, 'maxBlocks');
  };
  const start = (kind: typeof capture.kind) => (capture = { kind, text: '' });
  const clean = (t: string) => t.replace(/\s+/g, ' ').trim();

  walkXml(xml, file, limits, checkTime, {
    open(tag: SaxesTagNS, depth: number) {
      if (!rootSeen) {
        rootSeen = true;
        if (tag.local !== 'akomaNtoso' || tag.uri !== AKN_NS) throw new ImportError('FORMAT', file, `its root is <${tag.name}> in ${tag.uri || 'no namespace'}, not an Akoma Ntoso 3.0 document.`);
        return;
      }
      if (tag.uri !== AKN_NS) return;
      const name = tag.local;
      const value = (a: string) => tag.attributes[a]?.value;
      if (depth === 2 && !doc.type) doc.type = name;
      if (name === 'FRBRlanguage' && doc.language === null) doc.language = value('language') ?? null;
      if (name === 'FRBRuri' && doc.workUri === null) doc.workUri = value('value') ?? null;
      if (name === 'quotedText' && value('eId')) {
        quotedId = value('eId') ?? null;
        quotedText = '';
      }
      if ((name === 'mod' || name === 'mmod') && value('eId')) {
        modId = value('eId') ?? null;
        modText = '';
      }
      if (name === 'textualMod') doc.modifications.push({ type: value('type') ?? '', destination: '', old: null, new: null, text: value('eId') ?? '' });
      const last = doc.modifications[doc.modifications.length - 1];
      if (last && (name === 'destination' || name === 'old' || name === 'new' || name === 'source')) {
        const href = value('href') ?? '';
        if (name === 'destination') last.destination = href;
        else if (name === 'old') last.old = href;
        else if (name === 'new') last.new = href;
        else last.text = href;
      }
      if (name === 'body' || name === 'mainBody') inBody += 1;
      if (name === 'authorialNote') {
        if (noteDepth++ === 0) {
          beforeNote = capture;
          notePlace = place;
          start('note');
        }
        return;
      }
      if (noteDepth) return;
      if (name === 'docTitle' && doc.title === null) return void start('docTitle');
      if (!inBody) return;
      if (HIERARCHY.has(name)) {
        count();
        stack.push({ element: name, name: value('name') ?? '', eId: value('eId') ?? '', num: '', heading: '', lines: { intro: [], content: [], wrapUp: [] }, notes: [], textNotes: [], repealed: /#repealed\b/.test(value('refersTo') ?? '') || value('status') === 'removed', children: [] });
        place = null;
        return;
      }
      if (name in TEXT_PLACES) place = TEXT_PLACES[name as keyof typeof TEXT_PLACES];
      else if (name === 'num') start('num');
      else if (name === 'heading') start('heading');
      else if (name === 'p') {
        count();
        start('p');
      } else if (!INLINE.has(name)) doc.unknown.add(name);
    },
    close(tag: SaxesTagNS) {
      if (tag.uri !== AKN_NS) return;
      const name = tag.local;
      const current = stack[stack.length - 1];
      if (name === 'quotedText' && quotedId) {
        quoted.set(quotedId, quotedText.trim());
        quotedId = null;
      }
      if ((name === 'mod' || name === 'mmod') && modId) {
        modTexts.set(modId, clean(modText));
        modId = null;
      }
      if (name === 'authorialNote') {
        if (--noteDepth === 0) {
          const note = clean(capture.text);
          if (current && note) (notePlace ? current.textNotes : current.notes).push(note);
          capture = beforeNote ?? { kind: null, text: '' };
          beforeNote = null;
        }
        return;
      }
      if (noteDepth) return;
      if (name === 'body' || name === 'mainBody') inBody -= 1;
      if (name === 'docTitle' && capture.kind === 'docTitle') {
        doc.title = capture.text.trim() || null;
        return void start(null);
      }
      if (HIERARCHY.has(name) && current) {
        stack.pop();
        const parent = stack[stack.length - 1];
        (parent ? parent.children : doc.body).push(current);
        place = null;
        return;
      }
      if (name in TEXT_PLACES) {
        place = null;
        return;
      }
      if (!current) return;
      if (name === 'num' && capture.kind === 'num') current.num = clean(capture.text);
      else if (name === 'heading' && capture.kind === 'heading') current.heading = clean(capture.text);
      else if (name === 'p' && capture.kind === 'p') {
        const line = clean(capture.text);
        if (line) current.lines[place ?? 'content'].push(line);
      } else return;
      start(null);
    },
    text(text) {
      if (capture.kind) capture.text += text;
      if (quotedId) quotedText += text;
      if (modId) modText += text;
      if (capture.text.length > limits.maxBlockChars) throw new ImportError('LIMIT', file, `a paragraph is more than ${limits.maxBlockChars} characters long (limit maxBlockChars).`, 'maxBlockChars');
    },
  });
  checkTime();
  // Modifications point at their quoted texts and their mod by eId.
  for (const m of doc.modifications) {
    m.old = m.old ? (quoted.get(m.old.replace(/^#/, '')) ?? null) : null;
    m.new = m.new ? (quoted.get(m.new.replace(/^#/, '')) ?? null) : null;
    m.text = modTexts.get(m.text.replace(/^#/, '')) ?? m.text;
  }
  return doc;
}
