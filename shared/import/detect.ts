import { assignEIds } from '../law/eid';
import type { ProvisionKind } from '../law/kinds';
import type { Lang } from '../law/language';
import type { LawDoc, Provision } from '../law/provision';
import { isRepealedStub } from '../law/repealed';
import { LawStructureError } from '../law/structure-error';
import { detectLanguage } from '../law/text/detect-language';
import { HEADING_KINDS, MARKERS, PARAGRAPH_LINE, SUBPARAGRAPH_LINE, type HeadingKind } from '../law/text/markers';
import { newUid } from '../law/uid';
import { validateLaw } from '../law/validate';
import { PUBLICATION, readActLine, type ActLine } from './markers';

/** One paragraph of a source document, as an importer read it, with what its markup said. */
export interface SourceBlock {
  text: string;
  /** Where it stands in the file, for people: "line 12", "paragraph 40". */
  where: string;
  /** What the markup says it is: the document's title, a heading, a note (italic, coloured, a note class). */
  role?: 'title' | 'heading' | 'note';
  /** Word's automatic list numbering: the number is shown but is not in the text. */
  autoNumbered?: boolean;
}

/** Something an importer noticed: an error blocks saving, a warning asks the user to look. */
export interface ImportFinding {
  severity: 'error' | 'warning';
  code: string;
  where: string;
  message: string;
}

/** What an import found in a file: the law, its title and act line, and what it was unsure about. */
export interface DetectedLaw {
  lang: Lang;
  title: string | null;
  act: ActLine | null;
  law: LawDoc;
  findings: ImportFinding[];
}

/** A file that holds no law at all (no heading to tell the language by, or no provisions). */
export class NotALawError extends Error {
  override readonly name = 'NotALawError';
}

/** Options of detection. */
export interface DetectOptions {
  lang?: Lang;
  makeUid?: () => string;
  /** Called now and then; throws to stop a detection that takes too long. */
  checkTime?: () => void;
}

/**
 * Heading patterns that also take headings typed in capitals (`РАЗДЕЛ 1.`, `1-БӨЛІМ.`), as
 * official texts print sections: the text format's own patterns are exact.
 */
const HEADINGS: Record<Lang, Record<HeadingKind, RegExp>> = Object.fromEntries(
  (['ru', 'kk', 'en'] as Lang[]).map((lang) => [lang, Object.fromEntries(HEADING_KINDS.map((k) => [k, new RegExp(MARKERS[lang].heading[k].source, 'iu')]))]),
) as Record<Lang, Record<HeadingKind, RegExp>>;

// "ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН" above the title says what the act is, nothing more.
const KIND_LINE = /^(ЗАКОН|КОДЕКС) РЕСПУБЛИКИ КАЗАХСТАН$|^ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ (ЗАҢЫ|КОДЕКСІ)$|^(THE )?(LAW|CODE) OF THE REPUBLIC OF KAZAKHSTAN$/u;

/** Text as a law holds it: one line, no-break and odd spaces made plain, Unicode composed. */
export function normalizeBlock(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u00A0\u2000-\u200B\u202F\u205F\u3000\t]/g, ' ')
    .replace(/[\u00AD\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Finds the structure of a law in the paragraphs of an official text (HTML, DOCX or plain text,
 * in Russian, Kazakh or English): the title and act line before the text, sections, chapters and
 * articles by their headings (`Статья 17-1.`, `17-1-бап.`, `Article 17-1.`), paragraphs `1.` and
 * subparagraphs `1)`, repealed stubs, and the consolidated text's footnotes (`Сноска.` / `Ескерту.` /
 * `Footnote.`) and editor notes ("Примечание ИЗПИ!") kept as notes of the unit they follow, not as
 * norm. Never throws on a misplaced line: it becomes a finding (an error blocks saving), so the
 * user sees the whole tree and every line the importer was unsure about.
 */
export function detectLaw(blocks: readonly SourceBlock[], options: DetectOptions = {}): DetectedLaw {
  const clean = blocks.map((b) => ({ ...b, text: normalizeBlock(b.text) })).filter((b) => b.text !== '');
  const lang = options.lang ?? detectLanguage(clean.map((b) => b.text).join('\n'));
  if (!lang) throw new NotALawError('No section, chapter or article heading was found: this does not look like the text of a law.');
  const builder = new TreeBuilder(lang, options.makeUid ?? newUid);
  for (const [i, block] of clean.entries()) {
    if (i % 500 === 0) options.checkTime?.();
    builder.take(block);
  }
  const law: LawDoc = { lang, body: builder.body };
  if (law.body.length === 0) throw new NotALawError('The file holds no provisions.');
  assignEIds(law.body);
  options.checkTime?.();
  try {
    validateLaw(law);
  } catch (error) {
    if (!(error instanceof LawStructureError)) throw error;
    const where = (error.where.uid && builder.whereOf.get(error.where.uid)) || error.where.eId || '';
    builder.findings.push({ severity: 'error', code: error.code, where, message: error.message });
  }
  options.checkTime?.();
  return { lang, title: builder.title, act: builder.act, law, findings: builder.findings };
}

/** Builds the tree block by block; notes what it could not place with certainty. */
class TreeBuilder {
  readonly body: Provision[] = [];
  readonly findings: ImportFinding[] = [];
  readonly whereOf = new Map<string, string>();
  title: string | null = null;
  act: ActLine | null = null;
  private readonly open: Partial<Record<HeadingKind, Provision>> = {};
  private last: Provision | null = null;
  private listOwner: Provision | null = null;
  /** Notes met before any unit: they go to the first one. */
  private pendingNotes: string[] = [];
  /** An editor note's marker stood alone: its text is the next block. */
  private noteOpen: string | null = null;

  constructor(
    private readonly lang: Lang,
    private readonly makeUid: () => string,
  ) {}

  take(block: SourceBlock): void {
    const line = block.text;
    const markers = MARKERS[this.lang];
    if (this.noteOpen !== null) {
      const marker = this.noteOpen;
      this.noteOpen = null;
      if (!this.isStructural(line)) return this.note(`${marker} ${line}`);
      this.note(marker);
    }
    const editorNote = PUBLICATION[this.lang].editorNote.exec(line);
    if (editorNote) {
      if (line.length <= editorNote[0].length + 1) this.noteOpen = line;
      else this.note(line);
      return;
    }
    if (markers.footnote.test(line)) return this.note(line);
    for (const kind of HEADING_KINDS) {
      const m = HEADINGS[this.lang][kind].exec(line);
      if (m) return this.heading(kind, m[1] as string, m[2] ?? '', block);
    }
    // Before the first heading: the title, the act line, then the preamble.
    if (this.body.every((u) => u.kind === 'part') && !this.open.section && !this.open.chapter) {
      if (KIND_LINE.test(line.toUpperCase()) && line === line.toUpperCase()) return;
      const act = readActLine(this.lang, line);
      if (act && !this.act) {
        this.act = act;
        return;
      }
      if (this.title === null && this.body.length === 0 && (block.role === 'title' || (line === line.toUpperCase() && /\p{L}/u.test(line) && line.length < 400))) {
        this.title = line;
        return;
      }
    }
    if (block.role === 'note') {
      // Markup alone does not make a numbered unit a note: it stays law text, and the user is told.
      if (!PARAGRAPH_LINE.test(line) && !SUBPARAGRAPH_LINE.test(line)) return this.note(line);
      this.findings.push({ severity: 'warning', code: 'NOTE_STYLED_UNIT', where: block.where, message: `Styled like a note (italic or coloured) but numbered like a unit; read as law text: "${clip(line)}".` });
    }
    if (block.autoNumbered) {
      this.findings.push({ severity: 'warning', code: 'AUTO_NUMBER', where: block.where, message: `Word numbers this line by itself; the number is not in the text, so it was read as plain text: "${clip(line)}".` });
    }
    const para = PARAGRAPH_LINE.exec(line);
    if (para && !block.autoNumbered) return this.paragraph(para[1] as string, para[2] ?? '', block);
    const sub = SUBPARAGRAPH_LINE.exec(line);
    if (sub && !block.autoNumbered) return this.subparagraph(sub[1] as string, sub[2] ?? '', block);
    if (block.role === 'heading') {
      this.findings.push({ severity: 'warning', code: 'UNKNOWN_HEADING', where: block.where, message: `Marked as a heading but not a section, chapter or article heading; read as text: "${clip(line)}".` });
    }
    this.unnumbered(line, block);
  }

  private isStructural(line: string): boolean {
    const markers = MARKERS[this.lang];
    return HEADING_KINDS.some((k) => HEADINGS[this.lang][k].test(line)) || PARAGRAPH_LINE.test(line) || SUBPARAGRAPH_LINE.test(line) || markers.footnote.test(line);
  }

  private note(text: string): void {
    if (this.last) this.last.notes.push(text);
    else this.pendingNotes.push(text);
  }

  private heading(kind: HeadingKind, num: string, heading: string, block: SourceBlock): void {
    const unit = this.unit(kind, num, block, { heading, repealed: kind === 'article' && isRepealedStub(heading, this.lang) });
    const container = kind === 'section' ? null : kind === 'chapter' ? this.open.section : (this.open.chapter ?? this.open.section);
    (container ? container.children : this.body).push(unit);
    this.open[kind] = unit;
    if (kind === 'section') delete this.open.chapter;
    if (kind !== 'article') delete this.open.article;
    this.last = unit;
    this.listOwner = null;
  }

  private paragraph(num: string, text: string, block: SourceBlock): void {
    const article = this.open.article;
    if (!article) {
      this.findings.push({ severity: 'error', code: 'ORPHAN_PARAGRAPH', where: block.where, message: `Paragraph ${num}. stands outside any article; it was kept as text.` });
      return this.unnumbered(block.text, block);
    }
    const unit = this.unit('paragraph', num, block, { text, repealed: isRepealedStub(text, this.lang) });
    article.children.push(unit);
    this.last = unit;
    this.listOwner = unit;
  }

  private subparagraph(num: string, text: string, block: SourceBlock): void {
    if (!this.listOwner) {
      this.findings.push({ severity: 'error', code: 'ORPHAN_SUBPARAGRAPH', where: block.where, message: `Subparagraph ${num}) has no paragraph or introductory part to belong to; it was kept as text.` });
      return this.unnumbered(block.text, block);
    }
    const unit = this.unit('subparagraph', num, block, { text, repealed: isRepealedStub(text, this.lang) });
    this.listOwner.children.push(unit);
    this.last = unit;
  }

  private unnumbered(line: string, block: SourceBlock): void {
    if (this.last && (this.last.kind === 'paragraph' || this.last.kind === 'subparagraph')) {
      // A line after a numbered unit continues it (a new абзац of its text), as in the text format.
      this.last.text += `\n${line}`;
      if (/\p{Lu}/u.test(line) && line === line.toUpperCase() && line.length > 3) {
        this.findings.push({ severity: 'warning', code: 'CAPS_LINE', where: block.where, message: `A line in capitals was read as a new line of the unit above; is it a heading the importer did not know? "${clip(line)}".` });
      }
      return;
    }
    const unit = this.unit('part', '', block, { text: line, repealed: isRepealedStub(line, this.lang) });
    const container = this.open.article ?? this.open.chapter ?? this.open.section;
    (container ? container.children : this.body).push(unit);
    this.last = unit;
    this.listOwner = unit;
  }

  private unit(kind: ProvisionKind, num: string, block: SourceBlock, fields: { heading?: string; text?: string; repealed: boolean }): Provision {
    const unit: Provision = { uid: this.makeUid(), eId: '', kind, num, heading: fields.heading ?? '', text: fields.text ?? '', repealed: fields.repealed, notes: this.pendingNotes, children: [] };
    this.pendingNotes = [];
    this.whereOf.set(unit.uid, block.where);
    return unit;
  }
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
