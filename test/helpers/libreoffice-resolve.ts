import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const SCRIPT = join(import.meta.dirname, 'libreoffice-resolve.py');

/** A paragraph of the body as Writer has it: its text and its paragraph style's name ("Zan Article"). */
export interface WriterParagraph {
  text: string;
  style: string;
}

/** The paragraphs LibreOffice Writer shows after "Accept All" and after "Reject All" tracked changes. */
export interface Resolved {
  accept: WriterParagraph[];
  reject: WriterParagraph[];
}

/** Pythons that may have LibreOffice's `uno` module: the distribution's comes first (pyenv shims lack it). */
const PYTHONS = [process.env['ZAN_PYTHON'], '/usr/bin/python3', 'python3'].filter((p): p is string => !!p);

/**
 * The python3 that can drive LibreOffice (it imports `uno`, and soffice runs), or why none can:
 * a test skips with that reason where LibreOffice or python3-uno is not installed.
 */
export function libreOfficePython(): { python: string } | { missing: string } {
  if (spawnSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 }).status !== 0) return { missing: 'soffice (LibreOffice) is not installed' };
  for (const python of PYTHONS) {
    if (spawnSync(python, ['-c', 'import uno'], { stdio: 'ignore', timeout: 30_000 }).status === 0) return { python };
  }
  return { missing: `no python3 with LibreOffice's uno module (apt-get install python3-uno), tried ${PYTHONS.join(', ')}` };
}

/**
 * Opens each DOCX in one headless LibreOffice and resolves its tracked changes both ways (see
 * libreoffice-resolve.py). `profile` is a folder for LibreOffice's user profile, so a run shares
 * nothing with another soffice on the machine.
 */
export function resolveInLibreOffice(python: string, profile: string, files: readonly string[]): Map<string, Resolved> {
  const out = execFileSync(python, [SCRIPT, profile, ...files], { encoding: 'utf8', timeout: 60_000 + files.length * 30_000, maxBuffer: 64 * 1024 * 1024 });
  const read = (ps: [string, string][]) => ps.map(([text, style]) => ({ text, style }));
  return new Map(Object.entries(JSON.parse(out) as Record<string, { accept: [string, string][]; reject: [string, string][] }>).map(([f, r]) => [f, { accept: read(r.accept), reject: read(r.reject) }]));
}
