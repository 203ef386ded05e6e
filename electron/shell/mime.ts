import { extname } from 'node:path';

/**
 * The content types of what the renderer build is made of. A file of any other kind is not served:
 * the page has no use for it, and a wrong type is how a file gets run as something it is not (the
 * responses also say `nosniff`, so Chromium takes the type as given).
 */
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

/** The content type a file of the renderer is served with, by its extension; null when it is not served. */
export function contentTypeOf(fileName: string): string | null {
  return TYPES[extname(fileName).toLowerCase()] ?? null;
}
