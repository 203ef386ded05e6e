import { extname } from 'node:path';
import { detectLaw, NotALawError, type DetectedLaw } from '../../../shared/import';
import type { Lang } from '../../../shared/law';
import { readAkn } from './akn';
import { readDocxBlocks } from './docx';
import { readHtmlBlocks } from './html';
import { deadline, DEFAULT_LIMITS, ImportError, type ImportLimits } from './limits';
import { readTextBlocks } from './text';

export { DEFAULT_LIMITS, ImportError, type ImportLimits } from './limits';

/** The formats a law can be imported from. */
export type ImportFormat = 'text' | 'html' | 'docx' | 'akn';

/** A law read from a file: its format and what was detected in it. */
export interface ReadLaw extends DetectedLaw {
  format: ImportFormat;
}

/** Options of reading a law file. */
export interface ReadOptions {
  /** The language, when the user knows it better than the headings tell. */
  lang?: Lang;
  limits?: ImportLimits;
  makeUid?: () => string;
}

/** Which reader a file needs: by its first bytes (a ZIP is a DOCX), then by its name. */
export function formatOf(name: string, bytes: Uint8Array): ImportFormat {
  const ext = extname(name).toLowerCase();
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart();
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'docx';
  if (ext === '.docx') return 'docx';
  if (ext === '.xml' || ext === '.akn' || /^<\?xml/.test(head) || /^<akomaNtoso\b/.test(head)) return 'akn';
  if (ext === '.html' || ext === '.htm' || /^<(!doctype html|html)\b/i.test(head)) return 'html';
  return 'text';
}

/**
 * Reads a law from a file's bytes (plain text, HTML, DOCX or Akoma Ntoso XML) within the limits,
 * and detects its structure. Everything a hostile or broken file can do ends in an ImportError
 * naming the file and the limit or rule; nothing is written anywhere.
 */
export function readLawFile(name: string, bytes: Uint8Array, options: ReadOptions = {}): ReadLaw {
  const limits = options.limits ?? DEFAULT_LIMITS;
  if (bytes.length === 0) throw new ImportError('FORMAT', name, 'the file is empty.');
  if (bytes.length > limits.maxFileBytes) throw new ImportError('LIMIT', name, `it is ${bytes.length} bytes (limit maxFileBytes = ${limits.maxFileBytes}).`, 'maxFileBytes');
  const clock = deadline(name, limits);
  const format = formatOf(name, bytes);
  const detect = { ...(options.lang ? { lang: options.lang } : {}), ...(options.makeUid ? { makeUid: options.makeUid } : {}), checkTime: clock.check };
  try {
    if (format === 'akn') return { format, ...readAkn(bytes, name, limits, clock.check, detect) };
    const blocks =
      format === 'docx' ? readDocxBlocks(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), name, limits, clock.check) : format === 'html' ? readHtmlBlocks(bytes, name, limits, clock.check) : readTextBlocks(bytes, name, limits, clock.check);
    const detected = detectLaw(blocks, { ...detect, plainText: format === 'text' });
    clock.check();
    return { format, ...detected };
  } catch (error) {
    if (error instanceof NotALawError) throw new ImportError('NOT_A_LAW', name, error.message.replace(/^./, (c) => c.toLowerCase()));
    if (error instanceof ImportError) throw error;
    // A reader's own failure on bad input is still the file's fault, said plainly; never a crash.
    throw new ImportError('FORMAT', name, `it could not be read as ${format === 'akn' ? 'Akoma Ntoso XML' : format.toUpperCase()}: ${(error as Error).message}`);
  }
}
