import { lstat, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { appUrlPath } from './app-url';
import { contentTypeOf } from './mime';

/** Options of the app:// handler. */
export interface AppProtocolOptions {
  /** Where refused requests are reported (a path-traversal attempt, another host): not plain 404s. */
  log?(message: string): void;
}

/**
 * The handler of `protocol.handle('app', …)`: answers GET and HEAD for files of the built renderer
 * folder (`rootDir`) and nothing else. Each answer carries its content type, the renderer's CSP (a
 * custom protocol's responses do not pass through the session's header hook the way http ones do,
 * so the handler sets it itself) and `nosniff`. A file must be a regular file inside the folder: a
 * symbolic link or a folder is not served, so a link planted in the build cannot point outside it.
 */
export function appProtocolHandler(rootDir: string, options: AppProtocolOptions = {}): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, `method ${request.method}`, request, options);
    const path = appUrlPath(request.url);
    if ('status' in path) return path.status === 404 ? empty(404) : refuse(path.status, path.reason, request, options);
    const type = contentTypeOf(path.segments[path.segments.length - 1] ?? '');
    if (!type) return empty(404);
    const file = join(rootDir, ...path.segments);
    // The segments cannot climb out (appUrlPath refuses "..", separators and drives); checked again
    // on the joined path so that the rule holds whatever join makes of them on this platform.
    const inside = relative(rootDir, file);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return refuse(400, 'a path outside the renderer folder', request, options);
    try {
      const stat = await lstat(file);
      if (!stat.isFile()) return empty(404);
      const body = request.method === 'HEAD' ? null : await readFile(file);
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': type,
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
          // The files change with every build of the app; the page must never run an older one.
          'Cache-Control': 'no-cache',
        },
      });
    } catch {
      return empty(404);
    }
  };
}

function empty(status: number): Response {
  return new Response(null, { status, headers: { 'X-Content-Type-Options': 'nosniff' } });
}

function refuse(status: number, reason: string, request: Request, options: AppProtocolOptions): Response {
  options.log?.(`app:// refused ${request.method} ${request.url}: ${reason}`);
  return empty(status);
}
