import { assignEIds } from '../law/eid';
import type { Lang } from '../law/language';
import type { LawDoc } from '../law/provision';
import { LawStructureError } from '../law/structure-error';
import { detectLanguage } from '../law/text/detect-language';
import { HEADING_KINDS, MARKERS, PARAGRAPH_LINE, SUBPARAGRAPH_LINE, type HeadingKind } from '../law/text/markers';
import { TreeBuilder, type LineSource } from '../law/text/tree-builder';
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
 * articles by their headings (`Статья 17-1.`, `17-1-бап.`, `Article 17-1.`, also in capitals),
 * paragraphs `1.` and subparagraphs `1)`, repealed stubs, and the consolidated text's footnotes
 * (`Сноска.` / `Ескерту.` / `Footnote.`) and editor notes ("Примечание ИЗПИ!") kept as notes of the
 * unit they follow, not as norm. Never throws on a misplaced line: it is kept as text and becomes a
 * finding (an error blocks saving), so the user sees the whole tree and every line the importer was
 * unsure about. The tree is built by the text format's own builder (shared/law/text/tree-builder.ts).
 */
export function detectLaw(blocks: readonly SourceBlock[], options: DetectOptions = {}): DetectedLaw {
  const clean = blocks.map((b) => ({ ...b, text: normalizeBlock(b.text) })).filter((b) => b.text !== '');
  const lang = options.lang ?? detectLanguage(clean.map((b) => b.text).join('\n'));
  if (!lang) throw new NotALawError('No section, chapter or article heading was found: this does not look like the text of a law.');
  const findings: ImportFinding[] = [];
  const builder = new TreeBuilder(lang, options.makeUid ?? newUid, (code, message, where) => {
    findings.push({ severity: 'error', code, where: where.label, message: `${message} It was kept as text.` });
  });
  const reader = new OfficialText(lang, builder, findings);
  for (const [i, block] of clean.entries()) {
    if (i % 500 === 0) options.checkTime?.();
    reader.take(block);
  }
  reader.end();
  const law: LawDoc = { lang, body: builder.body };
  if (law.body.length === 0) throw new NotALawError('The file holds no provisions.');
  assignEIds(law.body);
  options.checkTime?.();
  try {
    validateLaw(law);
  } catch (error) {
    if (!(error instanceof LawStructureError)) throw error;
    const where = (error.where.uid && builder.whereOf.get(error.where.uid)?.label) || error.where.eId || '';
    findings.push({ severity: 'error', code: error.code, where, message: error.message });
  }
  options.checkTime?.();
  return { lang, title: reader.title, act: reader.act, law, findings };
}

/**
 * What an official text has that the text format has not: a title and an act line before the
 * provisions, editor notes (a marker line, then the note), notes known by their markup, headings
 * in capitals, Word's automatic numbering. Everything else goes to the tree builder as it is.
 */
class OfficialText {
  title: string | null = null;
  act: ActLine | null = null;
  /** An editor note's marker stood alone: its text is the next block. */
  private noteOpen: { marker: string; where: LineSource } | null = null;

  constructor(
    private readonly lang: Lang,
    private readonly builder: TreeBuilder,
    private readonly findings: ImportFinding[],
  ) {}

  take(block: SourceBlock): void {
    const line = block.text;
    const where: LineSource = { label: block.where };
    if (this.noteOpen) {
      const { marker } = this.noteOpen;
      this.noteOpen = null;
      if (!this.isStructural(line)) return this.builder.note(`${marker} ${line}`, where, true);
      this.builder.note(marker, where, true);
    }
    const editorNote = PUBLICATION[this.lang].editorNote.exec(line);
    if (editorNote) {
      if (line.length <= editorNote[0].length + 1) this.noteOpen = { marker: line, where };
      else this.builder.note(line, where, true);
      return;
    }
    if (MARKERS[this.lang].footnote.test(line)) return this.builder.note(line, where, true);
    for (const kind of HEADING_KINDS) {
      const m = HEADINGS[this.lang][kind].exec(line);
      if (m) return this.builder.heading(kind, m[1] as string, m[2] ?? '', where);
    }
    // Before the first heading: the title, the act line, then the preamble.
    if (this.builder.beforeHeadings) {
      if (KIND_LINE.test(line.toUpperCase()) && line === line.toUpperCase()) return;
      const act = readActLine(this.lang, line);
      if (act && !this.act) {
        this.act = act;
        return;
      }
      if (this.title === null && this.builder.body.length === 0 && (block.role === 'title' || (line === line.toUpperCase() && /\p{L}/u.test(line) && line.length < 400))) {
        this.title = line;
        return;
      }
    }
    if (block.role === 'note') {
      // Markup alone does not make a numbered unit a note: it stays law text, and the user is told.
      if (!PARAGRAPH_LINE.test(line) && !SUBPARAGRAPH_LINE.test(line)) return this.builder.note(line, where, true);
      this.warn('NOTE_STYLED_UNIT', block, `Styled like a note (italic or coloured) but numbered like a unit; read as law text: "${clip(line)}".`);
    }
    if (block.autoNumbered) this.warn('AUTO_NUMBER', block, `Word numbers this line by itself; the number is not in the text, so it was read as plain text: "${clip(line)}".`);
    const para = block.autoNumbered ? null : PARAGRAPH_LINE.exec(line);
    if (para) return this.builder.paragraph(para[1] as string, para[2] ?? '', line, where);
    const sub = block.autoNumbered ? null : SUBPARAGRAPH_LINE.exec(line);
    if (sub) return this.builder.subparagraph(sub[1] as string, sub[2] ?? '', line, where);
    if (block.role === 'heading') this.warn('UNKNOWN_HEADING', block, `Marked as a heading but not a section, chapter or article heading; read as text: "${clip(line)}".`);
    const continued = this.builder.unnumbered(line, where);
    if (continued && /\p{Lu}/u.test(line) && line === line.toUpperCase() && line.length > 3) {
      this.warn('CAPS_LINE', block, `A line in capitals was read as a new line of the unit above; is it a heading the importer did not know? "${clip(line)}".`);
    }
  }

  /** An editor note's marker at the very end keeps its place as a note. */
  end(): void {
    if (this.noteOpen) this.builder.note(this.noteOpen.marker, this.noteOpen.where, true);
  }

  private isStructural(line: string): boolean {
    return HEADING_KINDS.some((k) => HEADINGS[this.lang][k].test(line)) || PARAGRAPH_LINE.test(line) || SUBPARAGRAPH_LINE.test(line) || MARKERS[this.lang].footnote.test(line);
  }

  private warn(code: string, block: SourceBlock, message: string): void {
    this.findings.push({ severity: 'warning', code, where: block.where, message });
  }
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
