// What the command line reads and how: its I/O seam, and how a law file is loaded from any format.
import { ImportError, readLawFile } from '../io/import';
import { LawStructureError, parseLaw, printLaw, type Lang } from '../../shared/law';

/** What the CLI touches of the world, so tests can run it without files or a terminal. */
export interface CliIO {
  readFile(path: string): string;
  /** A file's bytes (HTML, DOCX and XML inputs are read as bytes, their encoding detected). */
  readBytes(path: string): Uint8Array;
  writeFile(path: string, content: string | Uint8Array): void;
  out(line: string): void;
  err(line: string): void;
}

/** Reads a file (as text or bytes), or reports on stderr why it cannot be read (exit code 2). */
export function readInput<T>(file: string, io: CliIO, read: (path: string) => T): T | null {
  try {
    return read(file);
  } catch (error) {
    io.err(`${file}: cannot read: ${(error as Error).message}`);
    return null;
  }
}

/** Whether a file is read by the importers (HTML, DOCX, AKN XML) rather than as the plain-text format. */
const isImported = (file: string) => /\.(html?|docx|xml|akn)$/i.test(file);

/**
 * Reads and parses one law file, reporting a problem on stderr (a number: the exit code). A `.txt`
 * is the plain-text format, parsed strictly; HTML, DOCX and Akoma Ntoso XML go through the
 * importers (with their limits), their warnings printed, their errors failing like a bad text.
 */
export function load(file: string, lang: Lang | undefined, io: CliIO): { text: string; parsed: ReturnType<typeof parseLaw> } | number {
  if (isImported(file)) {
    const bytes = readInput(file, io, io.readBytes);
    if (bytes === null) return 2;
    try {
      const read = readLawFile(file, bytes, lang ? { lang } : {});
      for (const f of read.findings) io.err(`${file}: ${f.where}: ${f.severity === 'error' ? f.code : `warning: ${f.code}`}: ${f.message}`);
      if (read.findings.some((f) => f.severity === 'error')) return 1;
      return { text: printLaw(read.law), parsed: read.law };
    } catch (error) {
      if (error instanceof ImportError) {
        io.err(error.message);
        return 2;
      }
      throw error;
    }
  }
  const text = readInput(file, io, io.readFile);
  if (text === null) return 2;
  try {
    return { text, parsed: parseLaw(text, lang ? { lang } : {}) };
  } catch (error) {
    if (error instanceof LawStructureError) {
      const where = error.where.line !== undefined ? `${file}:${error.where.line}` : file;
      io.err(`${where}: ${error.code}: ${error.message.replace(/^Line \d+: /, '')}`);
      return 1;
    }
    throw error;
  }
}
