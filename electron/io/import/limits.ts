/**
 * The bounds every import runs within. A file that breaks one is refused with an ImportError
 * naming the file and the limit; nothing is read past it and nothing is saved.
 */
export interface ImportLimits {
  /** The file's size on disk. */
  maxFileBytes: number;
  /** Entries in a DOCX (ZIP) archive. */
  maxZipEntries: number;
  /** Bytes inflated from a DOCX, all entries together. */
  maxInflatedBytes: number;
  /** How much larger an entry may inflate than it is compressed (zip bombs compress ~1000:1). */
  maxCompressionRatio: number;
  /** Nesting of XML or HTML elements. */
  maxDepth: number;
  /** Characters in one paragraph (a law's longest paragraphs are a few thousand). */
  maxBlockChars: number;
  /** Paragraphs in one file (the Tax Code has some tens of thousands). */
  maxBlocks: number;
  /** Time for the whole import, reading and structure detection. */
  timeoutMs: number;
}

/** The limits of the app and the CLI: generous for a 3 MB code, tight for anything hostile. */
export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 30 * 1024 * 1024,
  maxZipEntries: 1_000,
  maxInflatedBytes: 120 * 1024 * 1024,
  maxCompressionRatio: 100,
  maxDepth: 256,
  maxBlockChars: 100_000,
  maxBlocks: 300_000,
  timeoutMs: 30_000,
};

/** Why an import was refused: a limit, a format the file does not follow, or no law in it. */
export type ImportErrorKind = 'LIMIT' | 'FORMAT' | 'ENCODING' | 'NOT_A_LAW';

/** A refused import: which file, which limit or rule, and what to do. */
export class ImportError extends Error {
  override readonly name = 'ImportError';

  constructor(
    readonly kind: ImportErrorKind,
    readonly file: string,
    message: string,
    /** The limit that was reached (a key of ImportLimits), for LIMIT errors. */
    readonly limit?: keyof ImportLimits,
  ) {
    super(`${file}: ${message}`);
  }
}

/** A clock for one import: `check()` throws once the time limit has passed. */
export function deadline(file: string, limits: ImportLimits, now: () => number = Date.now): { check(): void } {
  const until = now() + limits.timeoutMs;
  return {
    check() {
      if (now() > until) throw new ImportError('LIMIT', file, `reading it took longer than ${limits.timeoutMs / 1000} s (limit timeoutMs).`, 'timeoutMs');
    },
  };
}
