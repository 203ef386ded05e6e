import { createHash, randomBytes } from 'node:crypto';

/** A new token: shown once to the person it is for; the server keeps only its hash. */
export function newToken(): string {
  return `zan_${randomBytes(32).toString('base64url')}`;
}

/** What the server stores of a token (SHA-256: a token is 256 random bits, no slow hash needed). */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
