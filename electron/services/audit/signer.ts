import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { sha256 } from './hash';

/**
 * Signs audit entries and the head file with a key kept outside the database: whoever can rewrite
 * the database file can re-hash a chain, but cannot sign it without the install's key.
 */
export interface AuditSigner {
  /** A fingerprint of the key, stored with each signature, so a check knows which key to use. */
  keyId: string;
  /** The signature (HMAC-SHA-256, hex) of a text. */
  sign(text: string): string;
  /** The key itself: handed only to the app's own worker threads, which check the log off the main thread. */
  readonly secret: Buffer;
}

/** A signer over a secret key (32 random bytes for a new install). */
export function hmacSigner(key: Buffer): AuditSigner {
  if (key.length < 32) throw new Error('An audit key has at least 32 bytes.');
  return { keyId: sha256(key.toString('hex')).slice(0, 16), sign: (text) => createHmac('sha256', key).update(text).digest('hex'), secret: key };
}

/** Whether a signature is the signer's for that text (compared in constant time). */
export function signatureHolds(signer: AuditSigner, text: string, mac: string): boolean {
  const expected = Buffer.from(signer.sign(text), 'hex');
  const given = Buffer.from(/^[0-9a-f]+$/.test(mac) ? mac : '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A new random key. */
export function newAuditKey(): Buffer {
  return randomBytes(32);
}

/**
 * The key kept in a file (hex, readable by its owner only): the CLI's and the tests' key, and the
 * app's where the system offers no keychain (electron/audit-key.ts). Made on first use.
 */
export function fileKey(file: string): Buffer {
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-f]{64,}$/.test(text)) throw new Error(`${file} is not an audit key file (64 or more hex digits).`);
    return Buffer.from(text, 'hex');
  }
  const key = newAuditKey();
  mkdirSync(dirname(file), { recursive: true });
  // Written aside and renamed: a crash leaves either no key or the whole key.
  const aside = `${file}.${process.pid}.tmp`;
  writeFileSync(aside, key.toString('hex') + '\n', { mode: 0o600 });
  chmodSync(aside, 0o600);
  renameSync(aside, file);
  return key;
}

/** An existing key file's signer, or null when there is no such file. */
export function existingFileSigner(file: string): AuditSigner | null {
  return existsSync(file) ? hmacSigner(fileKey(file)) : null;
}
