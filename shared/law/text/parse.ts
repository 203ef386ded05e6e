import type { ProvisionKind } from '../kinds';
import type { Lang } from '../language';
import type { LawDoc, Provision } from '../provision';
import { assignEIds } from '../eid';
import { isRepealedStub } from '../repealed';
import { LawStructureError } from '../structure-error';
import { newUid } from '../uid';
import { validateLaw } from '../validate';
import { detectLanguage } from './detect-language';
import { HEADING_KINDS, MARKERS, PARAGRAPH_LINE, SUBPARAGRAPH_LINE, type HeadingKind } from './markers';

/** Options for parseLaw. */
export interface ParseOptions {
  /** The language of the text; detected from its headings when absent. */
  lang?: Lang;
  /** Makes uids; tests pass a counter to get stable ids. */
  makeUid?: () => string;
}

/**
 * Parses the plain-text law format (resources/corpus/FORMAT.md) into a provision tree.
 * Sections, chapters and articles open with heading lines; `1.` lines are paragraphs and `1)` lines
 * subparagraphs; footnotes are kept as notes of the unit above; other lines are unnumbered parts
 * (after a heading or a part) or continuation lines (after a paragraph or subparagraph).
 * Throws LawStructureError, with the line number, on text that cannot be a law.
 */
export function parseLaw(text: string, options: ParseOptions = {}): LawDoc {
  const lang = options.lang ?? detectLanguage(text);
  if (lang === null) {
    throw new LawStructureError('EMPTY', 'No section, chapter or article heading found: cannot tell the language.');
  }
  const parser = new LineParser(lang, options.makeUid ?? newUid);
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((line, i) => parser.take(line.trimEnd(), i + 1));
  const doc: LawDoc = { lang, body: parser.body };
  if (doc.body.length === 0) throw new LawStructureError('EMPTY', 'The text holds no provisions.');
  assignEIds(doc.body);
  try {
    validateLaw(doc);
  } catch (error) {
    // Tree errors name an eId; a person editing a text file needs the line.
    const line = error instanceof LawStructureError && error.where.uid ? parser.lineOf.get(error.where.uid) : undefined;
    if (error instanceof LawStructureError && line !== undefined) {
      throw new LawStructureError(error.code, error.message, { ...error.where, line });
    }
    throw error;
  }
  return doc;
}

/** The running state of a parse: where each kind of line attaches. */
class LineParser {
  readonly body: Provision[] = [];
  /** The line each unit (by uid) started on, to report structure errors by line. */
  readonly lineOf = new Map<string, number>();
  private readonly open: Partial<Record<HeadingKind, Provision>> = {};
  /** The unit the previous line belonged to: footnotes and continuations attach here. */
  private last: Provision | null = null;
  /** The paragraph or part that a following subparagraph belongs to. */
  private listOwner: Provision | null = null;

  constructor(
    private readonly lang: Lang,
    private readonly makeUid: () => string,
  ) {}

  take(line: string, lineNo: number): void {
    if (line.trim() === '') return;
    const markers = MARKERS[this.lang];
    for (const kind of HEADING_KINDS) {
      const m = markers.heading[kind].exec(line);
      if (m) return this.heading(kind, m[1] as string, m[2] ?? '', lineNo);
    }
    if (markers.footnote.test(line)) {
      if (!this.last) throw new LawStructureError('ORPHAN_NOTE', 'A footnote comes before any provision.', { line: lineNo });
      this.last.notes.push(line);
      return;
    }
    const para = PARAGRAPH_LINE.exec(line);
    if (para) return this.paragraph(para[1] as string, para[2] ?? '', lineNo);
    const sub = SUBPARAGRAPH_LINE.exec(line);
    if (sub) return this.subparagraph(sub[1] as string, sub[2] ?? '', lineNo);
    this.unnumbered(line, lineNo);
  }

  private heading(kind: HeadingKind, num: string, heading: string, lineNo: number): void {
    const unit = this.unit(kind, num, lineNo, { heading, repealed: kind === 'article' && isRepealedStub(heading, this.lang) });
    const container = kind === 'section' ? null : kind === 'chapter' ? this.open.section : (this.open.chapter ?? this.open.section);
    (container ? container.children : this.body).push(unit);
    this.open[kind] = unit;
    if (kind === 'section') delete this.open.chapter;
    if (kind !== 'article') delete this.open.article;
    this.last = unit;
    this.listOwner = null;
  }

  private paragraph(num: string, text: string, lineNo: number): void {
    const article = this.open.article;
    if (!article) {
      throw new LawStructureError('ORPHAN_PARAGRAPH', `Paragraph ${num}. stands outside any article.`, { line: lineNo });
    }
    const unit = this.unit('paragraph', num, lineNo, { text, repealed: isRepealedStub(text, this.lang) });
    article.children.push(unit);
    this.last = unit;
    this.listOwner = unit;
  }

  private subparagraph(num: string, text: string, lineNo: number): void {
    if (!this.listOwner) {
      throw new LawStructureError(
        'ORPHAN_SUBPARAGRAPH',
        `Subparagraph ${num}) has no paragraph or introductory part to belong to.`,
        { line: lineNo },
      );
    }
    const unit = this.unit('subparagraph', num, lineNo, { text, repealed: isRepealedStub(text, this.lang) });
    this.listOwner.children.push(unit);
    this.last = unit;
  }

  private unnumbered(line: string, lineNo: number): void {
    if (this.last && (this.last.kind === 'paragraph' || this.last.kind === 'subparagraph')) {
      this.last.text += `\n${line}`;
      return;
    }
    const unit = this.unit('part', '', lineNo, { text: line, repealed: isRepealedStub(line, this.lang) });
    const container = this.open.article ?? this.open.chapter ?? this.open.section;
    (container ? container.children : this.body).push(unit);
    this.last = unit;
    this.listOwner = unit;
  }

  private unit(
    kind: ProvisionKind,
    num: string,
    lineNo: number,
    fields: { heading?: string; text?: string; repealed: boolean },
  ): Provision {
    const unit: Provision = {
      uid: this.makeUid(),
      eId: '',
      kind,
      num,
      heading: fields.heading ?? '',
      text: fields.text ?? '',
      repealed: fields.repealed,
      notes: [],
      children: [],
    };
    this.lineOf.set(unit.uid, lineNo);
    return unit;
  }
}
