import type { AuditEntry } from '../../store/repositories/review';
import type { ReadStore } from '../../store/store';
import { ENTRY_FORMAT, entryHash, GENESIS } from './hash';
import { headSigned, type HeadReading } from './head';
import { signatureHolds, type AuditSigner } from './signer';
import { recordedState, stateDifference } from './state';

/** What a check of the audit log found. */
export type AuditCheck =
  | {
      ok: true;
      entries: number;
      /** Entries whose signature was checked with a key given (the others: no key to check them). */
      signed: number;
      /** What the check could not establish, in words (no key given, no head file, a log older than the seal). */
      notes: string[];
    }
  | {
      ok: false;
      /** The first entry that is not as written, or null where what broke is not one entry (the head, the review state). */
      seq: number | null;
      reason: string;
    };

/** What the check is given besides the store: the keys it may verify signatures with, and the head file beside the database. */
export interface AuditEvidence {
  /** Keys to check signatures with: an entry signed with one of them must carry its signature. */
  keys: readonly AuditSigner[];
  /**
   * Whether the keys are all the keys that signed the log (the app's own check; the command line
   * with --key): then an entry signed with any other key, or unsigned, is tampered with. Otherwise
   * (a key found beside the database) such entries are only left unchecked, and said so.
   */
  complete: boolean;
  head: HeadReading;
}

/**
 * Verifies the audit log: each entry names the previous entry's hash and carries the hash of its own
 * content (its number included, since the seal), the numbers run on without a gap, and no entry of
 * an earlier format follows a sealed one; with keys, each sealed entry's signature is one of theirs
 * (a re-hashed chain or a forged entry cannot be signed without the install's key); the log still
 * reaches the head file written beside the database (a log cut short, emptied or re-hashed does
 * not); and the comments and review decisions in the database are those the log last recorded.
 */
export function verifyAuditLog(store: ReadStore, evidence: AuditEvidence): AuditCheck {
  const entries = store.review.audit();
  const keys = new Map(evidence.keys.map((k) => [k.keyId, k]));
  const notes: string[] = [];
  let prev = GENESIS;
  let sealed = false;
  let signed = 0;
  const unknown = new Set<string>();
  for (const [i, e] of entries.entries()) {
    if (e.seq !== i + 1) return broken(e, i === 0 ? 'the log does not start at entry 1 (entries before it were removed)' : `it follows entry ${entries[i - 1]?.seq} (the entries between were removed, or it was renumbered)`);
    if (e.prevHash !== prev) return broken(e, 'it does not follow the entry before it (an entry was removed or inserted)');
    if (entryHash(e) !== e.hash) return broken(e, e.format >= ENTRY_FORMAT ? 'its content or number does not match its hash (it was edited or renumbered)' : 'its content does not match its hash (it was edited)');
    if (sealed && e.format < ENTRY_FORMAT) return broken(e, 'it is written in the format of an earlier build after entries of this one');
    sealed ||= e.format >= ENTRY_FORMAT;
    if (keys.size > 0 && e.format >= ENTRY_FORMAT) {
      const key = e.keyId ? keys.get(e.keyId) : undefined;
      if (key) {
        if (!e.mac || !signatureHolds(key, e.hash, e.mac)) return broken(e, 'its signature does not match (it was written or re-hashed without the install key)');
        signed++;
      } else if (evidence.complete) return broken(e, e.keyId ? `it is signed with a key that was not given (key ${e.keyId})` : 'it is not signed');
      else unknown.add(e.keyId ?? 'none');
    }
    prev = e.hash;
  }
  if (keys.size === 0 && sealed) notes.push('signatures not checked: no key given');
  if (unknown.size > 0) notes.push(`signatures not checked of the entries signed with other keys (${[...unknown].join(', ')}): give them with --key`);
  const head = checkHead(entries, evidence, keys);
  if (typeof head === 'object') return head;
  if (head) notes.push(head);
  const state = recordedState(entries);
  if (state) {
    const difference = stateDifference(store, state);
    if (difference) return { ok: false, seq: null, reason: difference };
  } else notes.push('review state not checked: the log predates the build that records it');
  return { ok: true, entries: entries.length, signed, notes };
}

/** The head file against the log: a failure, a note of what could not be checked, or '' when it holds. */
function checkHead(entries: readonly AuditEntry[], evidence: AuditEvidence, keys: ReadonlyMap<string, AuditSigner>): Extract<AuditCheck, { ok: false }> | string {
  const reading = evidence.head;
  if (reading.kind === 'missing') return entries.some((e) => e.format >= ENTRY_FORMAT) ? 'no audit head file beside the database: a log cut short cannot be told from a whole one' : '';
  if (reading.kind === 'unreadable') return { ok: false, seq: null, reason: `the audit head file beside the database cannot be read (${reading.reason})` };
  const { head } = reading;
  const headKey = head.keyId ? keys.get(head.keyId) : undefined;
  if (headKey || (keys.size > 0 && evidence.complete)) {
    if (!headKey || !head.mac || !signatureHolds(headKey, headSigned(head), head.mac)) return { ok: false, seq: null, reason: 'the audit head file is not signed with a key given (it was rewritten)' };
  }
  const at = entries[head.seq - 1];
  if (entries.length < head.count || !at) return { ok: false, seq: null, reason: `the log has ${entries.length} entries, its head file says it had ${head.count}: entries were removed` };
  if (at.hash !== head.hash) return { ok: false, seq: at.seq, reason: 'it is not the entry the head file names (the log was rewritten)' };
  return '';
}

function broken(e: AuditEntry, reason: string): Extract<AuditCheck, { ok: false }> {
  return { ok: false, seq: e.seq, reason };
}
