import { NotALawError } from '../read/detect';
import { readLawText } from '../read/text';
import type { Lang } from '../language';
import type { LawDoc } from '../provision';
import { LawStructureError } from '../structure-error';

/** Options for parseLaw. */
export interface ParseOptions {
  /** The language of the text; detected from its headings when absent. */
  lang?: Lang;
  /** Makes uids; tests pass a counter to get stable ids. */
  makeUid?: () => string;
  /** Accept a text without articles (a quoted chapter of an amending law). */
  allowNoArticle?: boolean;
}

/**
 * Parses a law text (the plain-text format of resources/corpus/FORMAT.md, or the same text as the
 * portal shows it: indented, ASCII quotes, notes) into a provision tree, through the one reader
 * (shared/law/read/detect.ts) in its strict mode: the first line that cannot be placed, or a tree
 * error, throws LawStructureError with the line number; a text with no heading or no article throws
 * it with the code EMPTY. Warnings are dropped: readLawText gives them.
 */
export function parseLaw(text: string, options: ParseOptions = {}): LawDoc {
  try {
    return readLawText(text, { ...options, strict: true }).law;
  } catch (error) {
    if (error instanceof NotALawError) throw new LawStructureError('EMPTY', error.message);
    throw error;
  }
}
