/**
 * Whether a string can be stored and sent as the text it claims to be: no lone surrogate (half of
 * a character outside the Basic Multilingual Plane, which SQLite's UTF-8 turns into "���" — the
 * text acknowledged is then not the text stored) and no NUL (which C strings, XML and many
 * tools stop at). The importers refuse such text; the IPC contract refuses it too (ipc.ts).
 */
export function isWellFormedText(s: string): boolean {
  return isWellFormedUnicode(s) && !s.includes('\u0000');
}

// Lone high surrogate (not followed by a low one), or lone low surrogate (not preceded by a high one).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isWellFormedUnicode(s: string): boolean {
  // ES2024's String.prototype.isWellFormed where the engine has it (Node 20, Chromium): a
  // scan in native code, ~1 ms per million characters; the regular expression elsewhere.
  const native = (s as unknown as { isWellFormed?: () => boolean }).isWellFormed;
  return typeof native === 'function' ? native.call(s) : !LONE_SURROGATE.test(s);
}
