/**
 * Persistent unit ids. A uid follows a provision through edits and renumbering, so it is the
 * lineage that aligns two versions of a law; it never encodes the number or position.
 */

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A new random uid: 16 base-36 characters (about 82 bits) from the platform's CSPRNG. */
export function newUid(): string {
  const bytes = new Uint8Array(16);
  // Typed locally: shared/ compiles without DOM or Node typings, and both platforms provide Web Crypto.
  (globalThis as unknown as { crypto: { getRandomValues(a: Uint8Array): Uint8Array } }).crypto.getRandomValues(bytes);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % 36];
  return out;
}

/** Whether a string has the shape of a uid (stored data is checked with this before use). */
export function isUid(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-z]{8,40}$/.test(value);
}
