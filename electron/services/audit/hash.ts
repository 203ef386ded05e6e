import { createHash } from 'node:crypto';
import type { AuditEntry } from '../../store/repositories/review';

/** The hash that starts the chain. */
export const GENESIS = '0'.repeat(64);

/** How the entries written by this build are hashed: the sequence number is part of what is hashed. */
export const ENTRY_FORMAT = 2;

/** What an entry's hash is made of: every field but the hash and the signature. */
export type HashedFields = Pick<AuditEntry, 'seq' | 'format' | 'at' | 'actor' | 'role' | 'packageId' | 'uid' | 'action' | 'detail' | 'prevHash'>;

/**
 * The hash of an entry. Format 2 (this build) covers the sequence number and the previous hash with
 * every field, so renumbering an entry breaks it; format 1 (entries of earlier builds, kept as they
 * were written) left the number out.
 */
export function entryHash(e: HashedFields): string {
  const fields = e.format >= 2 ? ['zan-audit-2', e.seq, e.prevHash, e.at, e.actor, e.role, e.packageId, e.uid, e.action, e.detail] : [e.prevHash, e.at, e.actor, e.role, e.packageId, e.uid, e.action, e.detail];
  return sha256(JSON.stringify(fields));
}

/** SHA-256 of a string (UTF-8), in hex. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** SHA-256 of a file's content (a string as UTF-8), in hex. */
export function sha256Bytes(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * A short fingerprint of a text an entry records without repeating it (a unit's new wording, a
 * comment, a justification): 128 bits of its SHA-256, enough to tell any change, at half the size
 * in a save of thousands of units.
 */
export function textHash(...parts: readonly (string | number | boolean | null)[]): string {
  return sha256(JSON.stringify(parts)).slice(0, 32);
}
