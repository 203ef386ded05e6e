import { APP_SCHEME } from './app-url';

/**
 * The origin of a URL as Chromium computes it, for the schemes a page of the app can come from:
 * `http:` / `https:` (the dev server) and the app's own `app:` (registered as a standard scheme, so
 * Chromium gives it a scheme://host origin, lowercased, where Node's URL would say "null"). Any
 * other URL — file:, data:, blob:, about:, javascript:, something unparsable — has no origin the
 * app trusts: null.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.origin;
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host ? `${APP_SCHEME}://${parsed.host.toLowerCase()}` : null;
  return null;
}

/**
 * Whether a URL is of exactly the expected origin. Compared as origins, never as string prefixes:
 * with the dev server at `http://localhost:5173`, a prefix test also passes
 * `http://localhost:51730/`, `http://localhost:5173@attacker.example/` and
 * `http://localhost:5173.attacker.example/`.
 */
export function isSameOrigin(url: string, expectedOrigin: string): boolean {
  const origin = originOf(url);
  return origin !== null && origin === expectedOrigin;
}

/**
 * The IPC sender check (the dispatcher's `isTrustedSender`): a frame may call the main process only
 * if its URL is of the renderer's origin. `expectedOrigin` must itself be an origin (originOf of
 * the dev server's URL, or APP_ORIGIN); anything else throws, so a mistaken value stops the start
 * instead of silently refusing (or, with "null", accepting) every sender.
 */
export function sameOriginCheck(expectedOrigin: string): (url: string) => boolean {
  if (originOf(expectedOrigin) !== expectedOrigin) throw new Error(`"${expectedOrigin}" is not an origin the app can trust.`);
  return (url) => isSameOrigin(url, expectedOrigin);
}
