import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { existingFileSigner, fileKey, hmacSigner, newAuditKey, type AuditSigner } from './signer';

/** What the app needs of Electron's `safeStorage` (the OS keychain: Keychain, DPAPI, libsecret / kwallet). */
export interface KeychainLike {
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means no keychain, the "encryption" a fixed key anyone has. */
  getSelectedStorageBackend?(): string;
}

/** The install's audit key and where it is kept. */
export interface InstallKey {
  signer: AuditSigner;
  /** 'keychain': encrypted by the OS keychain; 'file': a file readable by the user only (no keychain here). */
  kept: 'keychain' | 'file';
  /** Other keys the app can check its log with (the command line's key file beside the database). */
  others: AuditSigner[];
}

/**
 * The key this install signs its audit log with, made on first start: 32 random bytes, kept
 * encrypted by the OS keychain in `<userData>/audit-key.enc` (so a copy of the user's folder does
 * not carry a usable key), or, where the system has no keychain, in the key file beside the
 * database, readable by the user only (said in the log: a rewrite by the same user can then be
 * signed). An encrypted key that no longer decrypts (another user, a reset keychain) is an error,
 * not a new key: the log it signed would stop verifying without anyone being told.
 */
export function installKey(userData: string, keyFile: string, keychain: KeychainLike | null): InstallKey {
  const usable = keychain && keychain.isEncryptionAvailable() && keychain.getSelectedStorageBackend?.() !== 'basic_text';
  if (!usable) return { signer: hmacSigner(fileKey(keyFile)), kept: 'file', others: [] };
  const file = join(userData, 'audit-key.enc');
  let hex: string;
  if (existsSync(file)) {
    try {
      hex = keychain.decryptString(readFileSync(file));
    } catch (error) {
      throw new Error(`The audit key in ${file} cannot be decrypted by this system's keychain (${(error as Error).message}).`);
    }
    if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`${file} does not hold an audit key.`);
  } else {
    hex = newAuditKey().toString('hex');
    mkdirSync(dirname(file), { recursive: true });
    const aside = `${file}.${process.pid}.tmp`;
    writeFileSync(aside, keychain.encryptString(hex), { mode: 0o600 });
    renameSync(aside, file);
  }
  const beside = existingFileSigner(keyFile);
  return { signer: hmacSigner(Buffer.from(hex, 'hex')), kept: 'keychain', others: beside ? [beside] : [] };
}
