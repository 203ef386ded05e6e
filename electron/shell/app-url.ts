/**
 * The app's own scheme. The built renderer is served as `app://zan/…` rather than `file://…`: a
 * file:// page has an opaque origin and, in Electron, extra privileges over every other file on
 * disk, while app:// is a standard, secure origin of its own whose only content is the renderer.
 */
export const APP_SCHEME = 'app';

/** The one host the app's scheme serves; any other host under app:// is refused. */
export const APP_HOST = 'zan';

/** The renderer's origin, as Chromium computes it for a standard scheme (and as IPC senders are checked). */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The page the main window loads. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * The scheme's privileges (protocol.registerSchemesAsPrivileged, before the app is ready):
 * `standard` gives it real origins and relative URLs, `secure` makes it a secure context like
 * https, `supportFetchAPI` lets the page fetch its own files. Nothing more: no `bypassCSP`, no
 * `corsEnabled` (which would let other origins read it), no service workers, no streaming.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

/** Why a request under app:// is refused, with the HTTP status it is answered with. */
export interface AppUrlRefusal {
  status: 400 | 403 | 404;
  reason: string;
}

/**
 * The path segments (decoded) of the file an app:// URL names, or why it names none. Refused: other
 * schemes and hosts, credentials and ports, empty, `.` and `..` segments (after decoding, so `%2e%2e`
 * too), segments holding a slash, a backslash, a colon (Windows drives and streams) or NUL once
 * decoded (`%2F`, `%5C`), malformed escapes, and dot-files. The WHATWG parser already folds plain
 * `..` away; this check does not rely on it, because Chromium and Node parse a custom scheme
 * differently (Node keeps backslashes, Chromium turns them into slashes).
 */
export function appUrlPath(rawUrl: string): { segments: string[] } | AppUrlRefusal {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { status: 400, reason: 'not a URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:`) return { status: 400, reason: `not an ${APP_SCHEME}: URL` };
  if (url.username || url.password || url.port) return { status: 400, reason: 'credentials or a port in the URL' };
  if (url.hostname.toLowerCase() !== APP_HOST) return { status: 403, reason: `host "${url.hostname}" is not ${APP_HOST}` };
  if (url.pathname === '' || url.pathname === '/') return { segments: ['index.html'] };
  if (!url.pathname.startsWith('/')) return { status: 400, reason: 'a relative path' };
  const segments: string[] = [];
  for (const raw of url.pathname.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { status: 400, reason: 'a malformed escape in the path' };
    }
    if (segment === '' || segment === '.' || segment === '..') return { status: 400, reason: 'an empty, "." or ".." path segment' };
    if (/[/\\:\0]/.test(segment)) return { status: 400, reason: 'a slash, backslash, colon or NUL inside a path segment' };
    // The build writes no dot-files; a request for one (.git, .vite) is looking for something else.
    if (segment.startsWith('.')) return { status: 404, reason: 'a dot-file' };
    segments.push(segment);
  }
  return { segments };
}
