import { assignEIds } from '../eid';
import type { Lang } from '../language';
import type { LawDoc } from '../provision';
import { LawStructureError } from '../structure-error';
import { detectLanguage } from '../text/detect-language';
import { HEADING_KINDS, MARKERS, PARAGRAPH_LINE, SUBPARAGRAPH_LINE, type HeadingKind } from '../text/markers';
import { strictly, TreeBuilder, type LineSource } from '../text/tree-builder';
import { newUid } from '../uid';
import { validateLaw } from '../validate';
import { PUBLICATION, readActLine, romanNumerals, type ActLine } from './publication';
import { kazakhLetters, normalizeBlock, typographicQuotes } from './normalize';

export { normalizeBlock } from './normalize';

/** One paragraph of a source document, as an importer read it, with what its markup said. */
export interface SourceBlock {
  text: string;
  /** Where it stands in the file, for people: "line 12", "paragraph 40". */
  where: string;
  /** The line of a plain text it came from (1-based), so errors can name it. */
  line?: number;
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
  /** The line of a plain text, when the finding is about one. */
  line?: number;
  message: string;
  /** What the message names (the line read, a count), for the interface to say it in its own language. */
  params?: Record<string, string | number>;
}

/** What an import found in a file: the law, its title and act line, and what it was unsure about. */
export interface DetectedLaw {
  lang: Lang;
  title: string | null;
  act: ActLine | null;
  law: LawDoc;
  findings: ImportFinding[];
}

/** A file that holds no law at all (no heading to tell the language by, no article, or no provisions). */
export class NotALawError extends Error {
  override readonly name = 'NotALawError';
}

/** Options of detection. */
export interface DetectOptions {
  lang?: Lang;
  makeUid?: () => string;
  /** Called now and then; throws to stop a detection that takes too long. */
  checkTime?: () => void;
  /**
   * The text format's policy: the first misplaced line or tree error throws LawStructureError with
   * its line, instead of being kept as text and listed.
   */
  strict?: boolean;
  /** Accept a text without articles (a quoted chapter or section of an amending law). */
  allowNoArticle?: boolean;
  /**
   * The blocks are lines of a plain text, which says nothing of their roles: a line in capitals
   * before the first heading is a title only above an act line (as the portal prints it), never on
   * its own — in the text format it is the preamble, and reading it as a title would lose it.
   */
  plainText?: boolean;
}

/**
 * Heading patterns that also take headings typed in capitals (`РАЗДЕЛ 1.`, `1-БӨЛІМ.`), as
 * official texts print sections: the text format's own patterns are exact.
 */
const HEADINGS: Record<Lang, Record<HeadingKind, RegExp>> = Object.fromEntries(
  (['ru', 'kk', 'en'] as Lang[]).map((lang) => [lang, Object.fromEntries(HEADING_KINDS.map((k) => [k, new RegExp(MARKERS[lang].heading[k].source, 'iu')]))]),
) as Record<Lang, Record<HeadingKind, RegExp>>;

// "ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН" above the title says what the act is, nothing more.
const KIND_LINE = /^(ЗАКОН|КОДЕКС|КОНСТИТУЦИОННЫЙ ЗАКОН) РЕСПУБЛИКИ КАЗАХСТАН$|^ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ (ЗАҢЫ|КОДЕКСІ|КОНСТИТУЦИЯЛЫҚ ЗАҢЫ)$|^(THE )?(LAW|CODE|CONSTITUTIONAL LAW) OF THE REPUBLIC OF KAZAKHSTAN$/u;

/** At most this many places are named in a warning that lists where something was changed. */
const PLACES_SHOWN = 12;

/**
 * Finds the structure of a law in the paragraphs of an official text (plain text in the canonical
 * format or copied from the portal, HTML, DOCX; Russian, Kazakh or English) — the one reader every
 * law text goes through. Each paragraph is normalised first: indentation and odd spaces, ASCII quotes
 * made «…» and „…“ (ru, kk), the Latin i of older Kazakh texts made і (with a warning that lists where).
 * Then: the title and act line before the text (the act's date and number), sections, chapters and
 * articles by their headings (`Статья 17-1.`, `17-1-бап.`, `Article 17-1.`, also in capitals),
 * paragraphs `1.` and subparagraphs `1)`, repealed stubs; the consolidated text's footnotes
 * (`Сноска.` / `Ескерту.` / `Footnote.`, over several lines too), editor notes ("Примечание ИЗПИ!",
 * "Вниманию пользователей!") and other sites' notes ("… (см. стар. ред.)") kept as notes of the unit
 * they follow, never as norm; the portal's table of contents and status labels left out; a heading
 * printed twice read once, with a warning. Unless `strict`, never throws on a misplaced line: it is
 * kept as text and becomes a finding (an error blocks saving), so the user sees the whole tree and
 * every line the reader was unsure about. A text with no article is refused (NotALawError). The tree
 * is built by the text format's own builder (shared/law/text/tree-builder.ts).
 */
export function detectLaw(blocks: readonly SourceBlock[], options: DetectOptions = {}): DetectedLaw {
  const spaced = blocks.map((b) => ({ ...b, text: normalizeBlock(b.text) })).filter((b) => b.text !== '');
  const lang = options.lang ?? detectLanguage(spaced.map((b) => b.text).join('\n'));
  if (!lang) throw new NotALawError('No section, chapter or article heading was found: this does not look like the text of a law.');
  const findings: ImportFinding[] = [];
  const respelt: SourceBlock[] = [];
  let letters = 0;
  const clean = spaced.map((b) => {
    let text = typographicQuotes(b.text, lang);
    if (lang === 'kk') {
      const fixed = kazakhLetters(text);
      if (fixed.changed) {
        letters += fixed.changed;
        respelt.push(b);
      }
      text = fixed.text;
    }
    return { ...b, text: romanNumerals(text) };
  });
  if (respelt.length) {
    const shown = respelt.slice(0, PLACES_SHOWN).map((b) => b.where).join(', ');
    const first = respelt[0] as SourceBlock;
    findings.push({
      severity: 'warning',
      code: 'OLD_SPELLING',
      where: first.where,
      ...(first.line !== undefined ? { line: first.line } : {}),
      message: `The Latin letter i stood for the Kazakh і in ${letters} places (an older spelling); they now read і: ${shown}${respelt.length > PLACES_SHOWN ? ` and ${respelt.length - PLACES_SHOWN} more` : ''}.`,
      params: { count: letters, places: shown, more: Math.max(0, respelt.length - PLACES_SHOWN) },
    });
  }
  const builder = new TreeBuilder(
    lang,
    options.makeUid ?? newUid,
    options.strict
      ? strictly
      : (code, message, where, params) => {
          findings.push({ severity: 'error', code, where: where.label, ...(where.line !== undefined ? { line: where.line } : {}), message: `${message} It was kept as text.`, ...(params ? { params } : {}) });
        },
  );
  const reader = new OfficialText(lang, builder, findings, options.plainText ?? false);
  const titled = titleBeforeActLine(clean, lang);
  if (titled) reader.title = titled.title;
  for (const [i, block] of clean.entries()) {
    if (i % 500 === 0) options.checkTime?.();
    if (titled && i < titled.actAt) {
      reader.aboveActLine(block);
      continue;
    }
    reader.take(block);
  }
  reader.end();
  const law: LawDoc = { lang, body: builder.body };
  if (law.body.length === 0) throw new NotALawError('The text holds no provisions.');
  if (!options.allowNoArticle && reader.articles === 0) {
    throw new NotALawError(`No article was found (no line such as «${MARKERS[lang].label('article', '1')} …»): this is not the text of a law, or its articles are not marked.`);
  }
  assignEIds(law.body);
  options.checkTime?.();
  try {
    validateLaw(law);
  } catch (error) {
    if (!(error instanceof LawStructureError)) throw error;
    const source = error.where.uid ? builder.whereOf.get(error.where.uid) : undefined;
    if (options.strict) throw new LawStructureError(error.code, error.message, { ...error.where, ...(source?.line !== undefined ? { line: source.line } : {}) });
    findings.push({ severity: 'error', code: error.code, where: source?.label || error.where.eId || '', ...(source?.line !== undefined ? { line: source.line } : {}), message: error.message });
  }
  options.checkTime?.();
  return { lang, title: reader.title, act: reader.act, law, findings };
}

/**
 * The title of an act as the portal prints it: the line or lines above the act line (and above any
 * status label), in whatever case. Only when an act line comes before the first heading; null otherwise.
 */
function titleBeforeActLine(blocks: readonly SourceBlock[], lang: Lang): { title: string; actAt: number } | null {
  const markers = PUBLICATION[lang];
  for (let i = 0; i < Math.min(blocks.length, 12); i++) {
    const line = (blocks[i] as SourceBlock).text;
    if (HEADING_KINDS.some((k) => HEADINGS[lang][k].test(line))) return null;
    if (!readActLine(lang, line)) continue;
    const lines = blocks.slice(0, i).map((b) => b.text).filter((t) => !markers.status.test(t) && !KIND_LINE.test(t.toUpperCase()));
    return lines.length ? { title: lines.join(' '), actAt: i } : null;
  }
  return null;
}

/**
 * What an official text has that the text format has not: a title and an act line before the
 * provisions, status labels, editor notes (a marker line, then the note), notes over several lines,
 * other sites' notes, a table of contents, notes known by their markup, headings in capitals or
 * printed twice, Word's automatic numbering. Everything else goes to the tree builder as it is.
 */
class OfficialText {
  title: string | null = null;
  act: ActLine | null = null;
  /** How many articles the text has (a law without one is not a law). */
  articles = 0;
  /** An editor note's marker stood alone: its text is the next block. */
  private noteOpen: { marker: string; where: LineSource } | null = null;
  /** The last block was a note that may go on in the next block. */
  private noteRunning = false;
  /** Inside the table of contents: its first entry, once seen (the text proper repeats it). */
  private contents: { first: string | null } | null = null;
  private readonly markers;

  constructor(
    private readonly lang: Lang,
    private readonly builder: TreeBuilder,
    private readonly findings: ImportFinding[],
    private readonly plainText: boolean,
  ) {
    this.markers = PUBLICATION[lang];
  }

  take(block: SourceBlock): void {
    const line = block.text;
    const where: LineSource = { label: block.where, ...(block.line !== undefined ? { line: block.line } : {}) };
    if (this.contents && this.skipContents(line)) return;
    if (this.noteOpen) {
      const { marker } = this.noteOpen;
      this.noteOpen = null;
      if (!this.isStructural(line) && !this.markers.contents.test(line)) return this.note(`${marker} ${line}`, where);
      this.note(marker, where);
    }
    // A note's next line joins it; with no note to join (never expected), the line is read as any other.
    if (this.noteRunning && this.continuesNote(line) && this.builder.continueNote(line)) {
      this.noteRunning = !closesNote(line);
      return;
    }
    this.noteRunning = false;
    if (this.markers.contents.test(line)) {
      this.contents = { first: null };
      return;
    }
    const editorNote = this.markers.editorNote.exec(line);
    if (editorNote) {
      if (line.length <= editorNote[0].length + 1) this.noteOpen = { marker: line, where };
      else this.note(line, where);
      return;
    }
    if (this.markers.footnote.test(line) || this.isSiteNote(line)) {
      this.note(line, where);
      this.noteRunning = !closesNote(line);
      return;
    }
    for (const kind of HEADING_KINDS) {
      const m = HEADINGS[this.lang][kind].exec(line);
      if (m) return this.heading(kind, m[1] as string, m[2] ?? '', block, where);
    }
    // Before the first heading: status labels, the title, the act line, then the preamble.
    if (this.builder.beforeHeadings) {
      if (this.markers.status.test(line)) {
        if (this.markers.repealedAct.test(line)) this.warn('ACT_NOT_IN_FORCE', block, `The page marks the act "${line}": it may no longer be in force.`, { text: clip(line) });
        return;
      }
      if (!this.plainText && KIND_LINE.test(line.toUpperCase()) && line === line.toUpperCase()) return;
      const act = readActLine(this.lang, line);
      if (act && !this.act) {
        this.act = act;
        if (this.markers.repealedAct.test(line)) this.warn('ACT_NOT_IN_FORCE', block, `The act line says the act is no longer in force: "${clip(line)}".`, { text: clip(line) });
        return;
      }
      const capitals = !this.plainText && line === line.toUpperCase() && /\p{L}/u.test(line) && line.length < 400;
      if (this.title === null && this.builder.body.length === 0 && (block.role === 'title' || capitals)) {
        this.title = line;
        return;
      }
    }
    if (block.role === 'note') {
      // Markup alone does not make a numbered unit a note: it stays law text, and the user is told.
      if (!PARAGRAPH_LINE.test(line) && !SUBPARAGRAPH_LINE.test(line)) return this.note(line, where);
      this.warn('NOTE_STYLED_UNIT', block, `Styled like a note (italic or coloured) but numbered like a unit; read as law text: "${clip(line)}".`, { text: clip(line) });
    }
    if (block.autoNumbered) this.warn('AUTO_NUMBER', block, `Word numbers this line with a list the file does not define, so the number it shows is unknown; read as plain text: "${clip(line)}".`, { text: clip(line) });
    const para = block.autoNumbered ? null : PARAGRAPH_LINE.exec(line);
    if (para) return this.builder.paragraph(para[1] as string, para[2] ?? '', line, where);
    const sub = block.autoNumbered ? null : SUBPARAGRAPH_LINE.exec(line);
    if (sub) return this.builder.subparagraph(sub[1] as string, sub[2] ?? '', line, where);
    if (block.role === 'heading') this.warn('UNKNOWN_HEADING', block, `Marked as a heading but not a section, chapter or article heading; read as text: "${clip(line)}".`, { text: clip(line) });
    const continued = this.builder.unnumbered(line, where);
    if (continued && /\p{Lu}/u.test(line) && line === line.toUpperCase() && line.length > 3) {
      this.warn('CAPS_LINE', block, `A line in capitals was read as a new line of the unit above; is it a heading the importer did not know? "${clip(line)}".`, { text: clip(line) });
    }
  }

  /** A line above the act line: the title (already taken) or a status label, which may say the act is repealed. */
  aboveActLine(block: SourceBlock): void {
    if (this.markers.status.test(block.text) && this.markers.repealedAct.test(block.text)) this.warn('ACT_NOT_IN_FORCE', block, `The page marks the act "${block.text}": it may no longer be in force.`, { text: clip(block.text) });
  }

  /** An editor note's marker at the very end keeps its place as a note. */
  end(): void {
    if (this.noteOpen) this.note(this.noteOpen.marker, this.noteOpen.where);
  }

  private note(text: string, where: LineSource): void {
    this.builder.note(text, where, true);
  }

  /** A heading; the same heading again right after it (some sites print it twice) is read once. */
  private heading(kind: HeadingKind, num: string, heading: string, block: SourceBlock, where: LineSource): void {
    const last = this.builder.lastOpened;
    if (last && last.kind === kind && last.num === num && last.heading === heading) {
      this.warn('DUPLICATE_HEADING', block, `The heading "${clip(block.text)}" is printed twice; it was read once.`, { text: clip(block.text) });
      return;
    }
    if (kind === 'article') this.articles += 1;
    this.builder.heading(kind, num, heading, where);
  }

  /**
   * The portal's table of contents lists the headings of the text before the text itself: its
   * entries are left out until the first of them comes again, or until a line that is no heading.
   * Returns true when the line was an entry.
   */
  private skipContents(line: string): boolean {
    const contents = this.contents as { first: string | null };
    const isHeading = HEADING_KINDS.some((k) => HEADINGS[this.lang][k].test(line));
    if (isHeading && line !== contents.first) {
      contents.first ??= line;
      return true;
    }
    this.contents = null;
    return false;
  }

  /**
   * Whether a line goes on with the unfinished note before it (a note printed over several lines):
   * it is no unit, note or marker, and it begins as the rest of a sentence does — in lower case, with
   * a date or number, a bracket, a dash or a quote, or the abbreviation of the republic ("ҚР", "РК").
   * A line that begins as a sentence does (a capital letter) is law text again.
   */
  private continuesNote(line: string): boolean {
    if (this.isStructural(line) || this.markers.editorNote.test(line) || this.markers.contents.test(line)) return false;
    return /^([\p{Ll}\d(«„"–—-]|(ҚР|РК|ЗРК|ҚРЗ|№|N\s?\d)(?=[\s\d.]))/u.test(line);
  }

  private isStructural(line: string): boolean {
    return HEADING_KINDS.some((k) => HEADINGS[this.lang][k].test(line)) || PARAGRAPH_LINE.test(line) || SUBPARAGRAPH_LINE.test(line) || this.markers.footnote.test(line) || this.isSiteNote(line);
  }

  /** Another site's note; a numbered line that reads like one is a unit's stub ("3. Исключен … (см. стар. ред.)"), not a note. */
  private isSiteNote(line: string): boolean {
    return this.markers.siteNote.test(line) && !PARAGRAPH_LINE.test(line) && !SUBPARAGRAPH_LINE.test(line);
  }

  private warn(code: string, block: SourceBlock, message: string, params?: Record<string, string | number>): void {
    this.findings.push({ severity: 'warning', code, where: block.where, ...(block.line !== undefined ? { line: block.line } : {}), message, ...(params ? { params } : {}) });
  }
}

/**
 * Whether a note's line ends it: notes end with a full stop ("… Законом РК от … № …." / "… Заңымен.")
 * or a closing bracket; a line that stops mid-sentence goes on in the next one.
 */
function closesNote(line: string): boolean {
  return /[.!)]$/u.test(line);
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
