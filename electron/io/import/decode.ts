import { ImportError } from './limits';

// A high surrogate not followed by a low one, or a low one not after a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Encodings a law's text file may declare (others are refused with a message, not guessed). */
const SUPPORTED = new Map([
  ['utf-8', 'utf-8'],
  ['utf8', 'utf-8'],
  ['windows-1251', 'windows-1251'],
  ['cp1251', 'windows-1251'],
  ['koi8-r', 'koi8-r'],
  ['utf-16', 'utf-16le'],
  ['utf-16le', 'utf-16le'],
  ['utf-16be', 'utf-16be'],
]);

/**
 * Decodes a text or HTML file: a byte-order mark decides first, then the encoding the file
 * declares (an HTML `<meta charset>`, an XML declaration), else strict UTF-8. Bytes that are not
 * valid in that encoding, lone surrogates and NUL characters (a binary file) are refused: a
 * wrongly guessed encoding would put mojibake into a law. `part` names what is decoded in messages
 * ("it", or a part of a DOCX).
 */
export function decodeText(bytes: Uint8Array, file: string, declared: string | null = null, part = 'it'): string {
  let encoding = 'utf-8';
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) (encoding = 'utf-16le'), (start = 2);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) (encoding = 'utf-16be'), (start = 2);
  else if (declared) {
    const known = SUPPORTED.get(declared.toLowerCase());
    if (!known) throw new ImportError('ENCODING', file, `${part} declares the encoding "${declared}", which is not supported; save it as UTF-8.`);
    encoding = known;
  }
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(start));
  } catch {
    throw new ImportError('ENCODING', file, encoding === 'utf-8' && !declared ? `${part} is not valid UTF-8 and declares no other encoding; save it as UTF-8.` : `${part} is not valid ${encoding}.`);
  }
  if (LONE_SURROGATE.test(text)) throw new ImportError('ENCODING', file, `${part} holds unpaired UTF-16 surrogates (broken characters).`);
  if (text.includes('\u0000')) throw new ImportError('FORMAT', file, `${part} holds NUL characters: it is a binary file, not a text.`);
  return text;
}

/** The encoding an HTML or XML file declares in its first bytes, or null. */
export function declaredEncoding(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? /<\?xml[^>]*encoding\s*=\s*["']([\w-]+)["']/i.exec(head)?.[1] ?? null;
}
