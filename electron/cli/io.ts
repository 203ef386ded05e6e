// What the command line reads and how: its I/O seam, and how a law file is loaded from any format.
import { ImportError, readLawFile } from '../io/import';
import { NotALawError, readLawText, type DetectedLaw, type ImportFinding } from '../../shared/import';
import { printLaw, type Lang, type LawDoc } from '../../shared/law';

/** What the CLI touches of the world, so tests can run it without files or a terminal. */
export interface CliIO {
  readFile(path: string): string;
  /** A file's bytes (HTML, DOCX and XML inputs are read as bytes, their encoding detected). */
  readBytes(path: string): Uint8Array;
  writeFile(path: string, content: string | Uint8Array): void;
  out(line: string): void;
  err(line: string): void;
  /** The better_sqlite3.node built for the running ABI (the packaged app's CLI runs under Electron); Node's own build otherwise. */
  nativeBinding?: string;
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

/** A law file read: its text, its tree, and what the reader found (title, act line, findings). */
export interface LoadedLaw {
  text: string;
  parsed: LawDoc;
  read: DetectedLaw;
}

/** Prints what the reader found in a file: `file:line: CODE: message`, warnings marked. */
function report(file: string, findings: readonly ImportFinding[], io: CliIO): void {
  for (const f of findings) {
    const where = f.line !== undefined ? `${file}:${f.line}` : `${file}: ${f.where}`;
    io.err(`${where}: ${f.severity === 'error' ? f.code : `warning: ${f.code}`}: ${f.message.replace(/^Line \d+: /, '')}`);
  }
}

/**
 * Reads one law file through the one reader (shared/import), reporting a problem on stderr (a
 * number: the exit code): plain text (the canonical format or a text copied from the portal),
 * HTML, DOCX or Akoma Ntoso XML (those through the importers, with their limits). Every finding
 * is printed; an error fails like a bad text (exit 1), a file that holds no law too.
 */
export function load(file: string, lang: Lang | undefined, io: CliIO): LoadedLaw | number {
  if (isImported(file)) {
    const bytes = readInput(file, io, io.readBytes);
    if (bytes === null) return 2;
    try {
      const read = readLawFile(file, bytes, lang ? { lang } : {});
      report(file, read.findings, io);
      if (read.findings.some((f) => f.severity === 'error')) return 1;
      return { text: printLaw(read.law), parsed: read.law, read };
    } catch (error) {
      if (error instanceof ImportError) {
        io.err(error.message);
        return error.kind === 'NOT_A_LAW' ? 1 : 2;
      }
      throw error;
    }
  }
  const text = readInput(file, io, io.readFile);
  if (text === null) return 2;
  try {
    const read = readLawText(text, lang ? { lang } : {});
    report(file, read.findings, io);
    if (read.findings.some((f) => f.severity === 'error')) return 1;
    return { text, parsed: read.law, read };
  } catch (error) {
    if (error instanceof NotALawError) {
      io.err(`${file}: EMPTY: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
