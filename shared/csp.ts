/**
 * The Content Security Policy of the renderer: nothing but the app's own scripts and styles, no
 * eval, no inline script, no network, no frames, no plugins. The built index.html carries it as a
 * meta tag, the main process sends it as a header, and the e2e server serves it, so all three agree.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
