import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import type { AuditSigner } from './signer';

/**
 * The head of the audit log kept outside the database, beside it: how many entries it had, the
 * last one's number and hash, signed with the install key. A log cut short, emptied, recreated or
 * re-hashed no longer reaches this head. Written after each commit that logs (never ahead of the
 * database: a crash between the two leaves it behind, which a check accepts, since the entries it
 * names are still there).
 */
export interface AuditHead {
  app: 'zan-audit-head';
  count: number;
  seq: number;
  hash: string;
  keyId: string | null;
  mac: string | null;
}

/** The head file of a database file. */
export function headFileOf(databaseFile: string): string {
  return `${databaseFile}.audit-head`;
}

/** The text a head's signature covers. */
export function headSigned(head: Pick<AuditHead, 'count' | 'seq' | 'hash'>): string {
  return `zan-audit-head:${head.count}:${head.seq}:${head.hash}`;
}

/** Writes the head file (aside, then renamed over the old one, so a reader never sees half of it). */
export function writeHead(file: string, head: { count: number; seq: number; hash: string }, signer: AuditSigner | undefined): void {
  const content: AuditHead = { app: 'zan-audit-head', ...head, keyId: signer?.keyId ?? null, mac: signer ? signer.sign(headSigned(head)) : null };
  // Per thread too: the writer thread writes the head after its saves, the main thread after its own.
  const aside = `${file}.${process.pid}.${threadId}.tmp`;
  writeFileSync(aside, JSON.stringify(content) + '\n');
  renameSync(aside, file);
}

/** What the head file beside a database says: missing, unreadable (with why), or its content. */
export type HeadReading = { kind: 'missing' } | { kind: 'unreadable'; reason: string } | { kind: 'head'; head: AuditHead };

/** Reads a head file without trusting it. */
export function readHead(file: string): HeadReading {
  if (!existsSync(file)) return { kind: 'missing' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { kind: 'unreadable', reason: (error as Error).message };
  }
  const h = parsed as Partial<AuditHead> | null;
  const valid = h !== null && typeof h === 'object' && h.app === 'zan-audit-head' && Number.isSafeInteger(h.count) && Number.isSafeInteger(h.seq) && typeof h.hash === 'string' && (h.keyId === null || typeof h.keyId === 'string') && (h.mac === null || typeof h.mac === 'string');
  return valid ? { kind: 'head', head: h as AuditHead } : { kind: 'unreadable', reason: 'it is not an audit head file' };
}
