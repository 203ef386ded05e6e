import type { ProvisionKind } from '../kinds';
import type { Lang } from '../language';
import type { Provision } from '../provision';
import { isRepealedStub } from '../repealed';
import { LawStructureError, type LawErrorCode } from '../structure-error';
import type { HeadingKind } from './markers';

/** Where a line stands in its source: a line number (text files) and a label for people. */
export interface LineSource {
  line?: number;
  label: string;
}

/**
 * What a builder does with a line it cannot place (a paragraph outside any article, a subparagraph
 * with nothing to belong to, a note before any unit): the text format throws, an importer keeps
 * the line as text and records a finding.
 */
export type Misplaced = (code: LawErrorCode, message: string, where: LineSource, params?: Record<string, string | number>) => void;

/**
 * Builds a provision tree line by line, the same way for the plain-text format (shared/law/text/
 * parse.ts) and for imported texts (shared/law/read/detect.ts): headings open sections, chapters
 * and articles; `N.` lines are paragraphs of the open article, `N)` lines subparagraphs of the
 * last paragraph or part; notes attach to the unit above; other lines are parts, or new lines
 * (абзацы) of the paragraph or subparagraph above.
 */
export class TreeBuilder {
  readonly body: Provision[] = [];
  /** Where each unit (by uid) began, to report tree errors by line. */
  readonly whereOf = new Map<string, LineSource>();
  private readonly open: Partial<Record<HeadingKind, Provision>> = {};
  private lastUnit: Provision | null = null;
  private listOwner: Provision | null = null;
  /** Notes met before any unit (when the caller allows them): they go to the first one. */
  private pendingNotes: string[] = [];

  constructor(
    private readonly lang: Lang,
    private readonly makeUid: () => string,
    private readonly misplaced: Misplaced,
  ) {}

  /** The unit the last line went to. */
  get last(): Provision | null {
    return this.lastUnit;
  }

  /** Whether no heading has been met yet (the lines so far are the preamble). */
  get beforeHeadings(): boolean {
    return !this.open.section && !this.open.chapter && !this.open.article && this.body.every((u) => u.kind === 'part');
  }

  /** A note of the consolidated text (a footnote, an editor note): metadata of the unit above. */
  note(text: string, where: LineSource, allowBeforeUnits = false): void {
    if (this.lastUnit) this.lastUnit.notes.push(text);
    else if (allowBeforeUnits) this.pendingNotes.push(text);
    else this.misplaced('ORPHAN_NOTE', 'A footnote comes before any provision.', where);
  }

  /** Continues the note last taken (a note printed over several lines); false if there is none to continue. */
  continueNote(text: string): boolean {
    const notes = this.lastUnit ? this.lastUnit.notes : this.pendingNotes;
    if (notes.length === 0) return false;
    notes[notes.length - 1] = `${notes[notes.length - 1]} ${text}`;
    return true;
  }

  /** The section, chapter or article opened last, if the last line opened it (to notice a heading printed twice). */
  get lastOpened(): Provision | null {
    return this.lastUnit && (this.lastUnit.kind === 'section' || this.lastUnit.kind === 'chapter' || this.lastUnit.kind === 'article') ? this.lastUnit : null;
  }

  heading(kind: HeadingKind, num: string, heading: string, where: LineSource): void {
    const unit = this.unit(kind, num, where, { heading, repealed: kind === 'article' && isRepealedStub(heading, this.lang) });
    const container = kind === 'section' ? null : kind === 'chapter' ? this.open.section : (this.open.chapter ?? this.open.section);
    (container ? container.children : this.body).push(unit);
    this.open[kind] = unit;
    if (kind === 'section') delete this.open.chapter;
    if (kind !== 'article') delete this.open.article;
    this.lastUnit = unit;
    this.listOwner = null;
  }

  paragraph(num: string, text: string, line: string, where: LineSource): void {
    const article = this.open.article;
    if (!article) {
      this.misplaced('ORPHAN_PARAGRAPH', `Paragraph ${num}. stands outside any article.`, where, { num });
      this.unnumbered(line, where);
      return;
    }
    const unit = this.unit('paragraph', num, where, { text, repealed: isRepealedStub(text, this.lang) });
    article.children.push(unit);
    this.lastUnit = unit;
    this.listOwner = unit;
  }

  subparagraph(num: string, text: string, line: string, where: LineSource): void {
    if (!this.listOwner) {
      this.misplaced('ORPHAN_SUBPARAGRAPH', `Subparagraph ${num}) has no paragraph or introductory part to belong to.`, where, { num });
      this.unnumbered(line, where);
      return;
    }
    const unit = this.unit('subparagraph', num, where, { text, repealed: isRepealedStub(text, this.lang) });
    this.listOwner.children.push(unit);
    this.lastUnit = unit;
  }

  /** An unnumbered line: a new line of the paragraph or subparagraph above, else a part. Returns true for a continuation. */
  unnumbered(line: string, where: LineSource): boolean {
    if (this.lastUnit && (this.lastUnit.kind === 'paragraph' || this.lastUnit.kind === 'subparagraph')) {
      this.lastUnit.text += `\n${line}`;
      return true;
    }
    const unit = this.unit('part', '', where, { text: line, repealed: isRepealedStub(line, this.lang) });
    const container = this.open.article ?? this.open.chapter ?? this.open.section;
    (container ? container.children : this.body).push(unit);
    this.lastUnit = unit;
    this.listOwner = unit;
    return false;
  }

  private unit(kind: ProvisionKind, num: string, where: LineSource, fields: { heading?: string; text?: string; repealed: boolean }): Provision {
    const unit: Provision = { uid: this.makeUid(), eId: '', kind, num, heading: fields.heading ?? '', text: fields.text ?? '', repealed: fields.repealed, notes: this.pendingNotes, children: [] };
    this.pendingNotes = [];
    this.whereOf.set(unit.uid, where);
    return unit;
  }
}

/** The misplaced-line policy of the text format: the first such line is an error, with its line number. */
export const strictly: Misplaced = (code, message, where) => {
  throw new LawStructureError(code, message, where.line !== undefined ? { line: where.line } : {});
};
