import type { Lang } from '../language';
import type { LawDoc } from '../provision';
import { assignEIds } from '../eid';
import { LawStructureError } from '../structure-error';
import { newUid } from '../uid';
import { validateLaw } from '../validate';
import { detectLanguage } from './detect-language';
import { HEADING_KINDS, MARKERS, PARAGRAPH_LINE, SUBPARAGRAPH_LINE } from './markers';
import { strictly, TreeBuilder } from './tree-builder';

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
  const builder = new TreeBuilder(lang, options.makeUid ?? newUid, strictly);
  const markers = MARKERS[lang];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((raw, i) => {
    const line = raw.trimEnd();
    if (line.trim() === '') return;
    const where = { line: i + 1, label: `line ${i + 1}` };
    for (const kind of HEADING_KINDS) {
      const m = markers.heading[kind].exec(line);
      if (m) return builder.heading(kind, m[1] as string, m[2] ?? '', where);
    }
    if (markers.footnote.test(line)) return builder.note(line, where);
    const para = PARAGRAPH_LINE.exec(line);
    if (para) return builder.paragraph(para[1] as string, para[2] ?? '', line, where);
    const sub = SUBPARAGRAPH_LINE.exec(line);
    if (sub) return builder.subparagraph(sub[1] as string, sub[2] ?? '', line, where);
    builder.unnumbered(line, where);
  });
  const doc: LawDoc = { lang, body: builder.body };
  if (doc.body.length === 0) throw new LawStructureError('EMPTY', 'The text holds no provisions.');
  assignEIds(doc.body);
  try {
    validateLaw(doc);
  } catch (error) {
    // Tree errors name an eId; a person editing a text file needs the line.
    const line = error instanceof LawStructureError && error.where.uid ? builder.whereOf.get(error.where.uid)?.line : undefined;
    if (error instanceof LawStructureError && line !== undefined) {
      throw new LawStructureError(error.code, error.message, { ...error.where, line });
    }
    throw error;
  }
  return doc;
}
