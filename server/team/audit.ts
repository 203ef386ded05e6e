import { createHash } from 'node:crypto';
import type { Db, Queryable } from '../db/connect';

/** The hash before the first entry. */
const GENESIS = '0'.repeat(64);

/** One entry of the server's log, as appended. */
export interface ServerAuditEntry {
  userId: string;
  device: string;
  action: string;
  packageId: string | null;
  versionId: string | null;
  uid: string | null;
  baseRevision: number | null;
  newRevision: number | null;
  detail: Record<string, unknown>;
}

/** What an entry's hash covers: its number, time and every field, and the previous entry's hash. */
function entryHash(seq: number, at: string, e: ServerAuditEntry, prevHash: string): string {
  const fields = [seq, at, e.userId, e.device, e.action, e.packageId, e.versionId, e.uid, e.baseRevision, e.newRevision, canonical(e.detail), prevHash];
  return createHash('sha256').update(JSON.stringify(fields), 'utf8').digest('hex');
}

/** JSON with its keys sorted, so that what PostgreSQL gives back (jsonb reorders keys) hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(value);
}

/**
 * Takes the log's lock for the rest of the transaction. A transaction that will append takes it
 * first, before any row lock: every writer then waits in the same order, so two cannot deadlock
 * (a push holding a provision and waiting for the log, a decision holding the log's turn and
 * waiting for that provision).
 */
export async function lockAuditChain(q: Queryable): Promise<void> {
  await q.query('SELECT pg_advisory_xact_lock(7236432)');
}

/**
 * Appends an entry, chained to the last, in the caller's transaction. The log's lock held to the
 * transaction's end (lockAuditChain; taken again here, a no-op if held) makes the appends one
 * after another: the chain never forks.
 */
export async function appendAudit(q: Queryable, e: ServerAuditEntry): Promise<number> {
  await lockAuditChain(q);
  const [last] = await q.query<{ seq: string; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const seq = last ? Number(last.seq) + 1 : 1;
  // Microseconds, as PostgreSQL keeps them: the time read back is the time hashed.
  const at = new Date().toISOString();
  const prev = last?.hash ?? GENESIS;
  await q.query(
    'INSERT INTO audit_log (seq, at, user_id, device, action, package_id, version_id, uid, base_revision, new_revision, detail, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)',
    [seq, at, e.userId, e.device, e.action, e.packageId, e.versionId, e.uid, e.baseRevision, e.newRevision, JSON.stringify(e.detail), prev, entryHash(seq, at, e, prev)],
  );
  return seq;
}

/** What a check of the server's log found: how many entries and its last (the head to record elsewhere), or the first that does not hold. */
export type ServerAuditCheck = { ok: true; entries: number; head: AuditHead | null } | { ok: false; entries: number; firstBad: number; reason: string };

/**
 * An entry of the log as recorded outside the database (`zan server audit` prints the last one):
 * its number and hash. A log rewritten from the start with a consistent chain — by someone who
 * can write to the database with its triggers off — no longer has it.
 */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** Reads a head as `zan server audit` prints it: `<seq>:<hash>`. */
export function parseAuditHead(text: string): AuditHead | null {
  // Entries are numbered from 1: a head at 0 names nothing.
  const match = /^([1-9]\d{0,15}):([0-9a-f]{64})$/.exec(text.trim());
  return match ? { seq: Number(match[1]), hash: match[2]! } : null;
}

/**
 * Checks the whole chain: numbers without gaps from 1, each hash over its entry and the one
 * before; and, given heads recorded earlier outside the database (`anchors`), that each entry
 * recorded is still there with the same hash.
 */
export async function verifyServerAudit(db: Db, anchors: readonly AuditHead[] = []): Promise<ServerAuditCheck> {
  const rows = await db.query<{ seq: string; at: Date; user_id: string; device: string; action: string; package_id: string | null; version_id: string | null; uid: string | null; base_revision: string | null; new_revision: string | null; detail: Record<string, unknown>; prev_hash: string; hash: string }>('SELECT * FROM audit_log ORDER BY seq');
  let prev = GENESIS;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const seq = Number(r.seq);
    if (seq !== i + 1) return { ok: false, entries: rows.length, firstBad: seq, reason: `entry ${i + 1} is missing` };
    if (r.prev_hash !== prev) return { ok: false, entries: rows.length, firstBad: seq, reason: 'not chained to the entry before' };
    const entry: ServerAuditEntry = { userId: r.user_id, device: r.device, action: r.action, packageId: r.package_id, versionId: r.version_id, uid: r.uid, baseRevision: r.base_revision === null ? null : Number(r.base_revision), newRevision: r.new_revision === null ? null : Number(r.new_revision), detail: r.detail };
    if (entryHash(seq, r.at.toISOString(), entry, prev) !== r.hash) return { ok: false, entries: rows.length, firstBad: seq, reason: 'its hash does not match what it says' };
    prev = r.hash;
  }
  for (const anchor of anchors) {
    const r = rows[anchor.seq - 1];
    if (!r) return { ok: false, entries: rows.length, firstBad: anchor.seq, reason: `the log ends before entry ${anchor.seq}, recorded earlier: it was cut short` };
    if (r.hash !== anchor.hash) return { ok: false, entries: rows.length, firstBad: anchor.seq, reason: `entry ${anchor.seq} is not the one recorded earlier: the log was rewritten` };
  }
  const last = rows[rows.length - 1];
  return { ok: true, entries: rows.length, head: last ? { seq: Number(last.seq), hash: last.hash } : null };
}
