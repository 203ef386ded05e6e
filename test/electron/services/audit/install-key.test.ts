import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installKey, type KeychainLike } from '../../../../electron/services/audit/install-key';
import { tempDir } from '../../harness';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** A keychain stand-in: "encrypts" by reversing and prefixing, so the stored bytes are not the key. */
const keychain = (backend = 'gnome_libsecret'): KeychainLike => ({
  isEncryptionAvailable: () => true,
  encryptString: (t) => Buffer.from(`enc:${[...t].reverse().join('')}`),
  decryptString: (b) => {
    const s = b.toString();
    if (!s.startsWith('enc:')) throw new Error('not ours');
    return [...s.slice(4)].reverse().join('');
  },
  getSelectedStorageBackend: () => backend,
});

describe('the install key', () => {
  it('is made once, kept encrypted by the keychain, and the same on the next start', () => {
    const first = installKey(dir, join(dir, 'zan-audit.key'), keychain());
    const again = installKey(dir, join(dir, 'zan-audit.key'), keychain());
    expect(first.kept).toBe('keychain');
    expect(again.signer.keyId).toBe(first.signer.keyId);
    expect(again.signer.sign('x')).toBe(first.signer.sign('x'));
    expect(readFileSync(join(dir, 'audit-key.enc'), 'utf8')).toMatch(/^enc:/);
    expect(existsSync(join(dir, 'zan-audit.key'))).toBe(false);
  });

  it('falls back to a file readable by the user only where there is no keychain (or only basic_text)', () => {
    for (const chain of [null, keychain('basic_text'), { ...keychain(), isEncryptionAvailable: () => false }]) {
      const key = installKey(dir, join(dir, 'zan-audit.key'), chain);
      expect(key.kept).toBe('file');
      expect(statSync(join(dir, 'zan-audit.key')).mode & 0o077).toBe(0);
    }
  });

  it('refuses an encrypted key the keychain cannot decrypt, rather than making a new one', () => {
    installKey(dir, join(dir, 'zan-audit.key'), keychain());
    const other = { ...keychain(), decryptString: () => { throw new Error('wrong user'); } };
    expect(() => installKey(dir, join(dir, 'zan-audit.key'), other)).toThrow(/cannot be decrypted by this system's keychain \(wrong user\)/);
  });
});
