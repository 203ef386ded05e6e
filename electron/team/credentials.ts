import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeychainLike } from '../services/audit/install-key';

/** The team server this desktop works with, and the person's token for it. */
export interface TeamCredentials {
  url: string;
  token: string;
}

/** Where they are kept: by the OS keychain, or (no keychain on this system) in a file only this user can read. */
export type CredentialsKept = 'keychain' | 'file';

const ENCRYPTED = 'team-credentials.enc';
const PLAIN = 'team-credentials.json';

function usable(keychain: KeychainLike | null): keychain is KeychainLike {
  return keychain !== null && keychain.isEncryptionAvailable() && keychain.getSelectedStorageBackend?.() !== 'basic_text';
}

/**
 * Keeps the team server's address and the token (Electron `safeStorage`: the token never lies
 * in the clear in the user's folder); where the system has no keychain, in a file readable by
 * this user only, and the caller says so. Written aside and renamed: never half a file.
 */
export function saveCredentials(userData: string, keychain: KeychainLike | null, credentials: TeamCredentials): CredentialsKept {
  mkdirSync(userData, { recursive: true });
  const json = JSON.stringify(credentials);
  const kept: CredentialsKept = usable(keychain) ? 'keychain' : 'file';
  const file = join(userData, kept === 'keychain' ? ENCRYPTED : PLAIN);
  const aside = `${file}.${process.pid}.tmp`;
  writeFileSync(aside, kept === 'keychain' ? keychain!.encryptString(json) : json, { mode: 0o600 });
  chmodSync(aside, 0o600);
  renameSync(aside, file);
  // Only one of the two: a token kept by the keychain leaves no copy in the clear behind.
  rmSync(join(userData, kept === 'keychain' ? PLAIN : ENCRYPTED), { force: true });
  return kept;
}

/** The credentials kept, if any; a file that cannot be read or decrypted counts as none (said in `problem`). */
export function loadCredentials(userData: string, keychain: KeychainLike | null): { credentials: TeamCredentials | null; kept: CredentialsKept | null; problem: string | null } {
  const encrypted = join(userData, ENCRYPTED);
  const plain = join(userData, PLAIN);
  try {
    if (existsSync(encrypted)) {
      if (!keychain) return { credentials: null, kept: null, problem: 'the team token is kept by a keychain this process cannot use' };
      return { credentials: parse(keychain.decryptString(readFileSync(encrypted))), kept: 'keychain', problem: null };
    }
    if (existsSync(plain)) return { credentials: parse(readFileSync(plain, 'utf8')), kept: 'file', problem: null };
  } catch (error) {
    return { credentials: null, kept: null, problem: (error as Error).message };
  }
  return { credentials: null, kept: null, problem: null };
}

function parse(text: string): TeamCredentials {
  const value = JSON.parse(text) as Partial<TeamCredentials>;
  if (typeof value.url !== 'string' || typeof value.token !== 'string') throw new Error('the team credentials file does not hold an address and a token');
  return { url: value.url, token: value.token };
}
