import { createHash } from 'node:crypto';
import type { AuditEntry } from '../store/repositories/review';
import type { ServiceContext } from './context';
import { requireIdentity } from './identity';

/** The hash that starts the chain. */
export const GENESIS = '0'.repeat(64);

/** The hash of an entry: SHA-256 over the previous hash and every field, in a fixed order. */
export function entryHash(e: Omit<AuditEntry, 'seq' | 'hash'>): string {
  return createHash('sha256').update(JSON.stringify([e.prevHash, e.at, e.actor, e.role, e.packageId, e.uid, e.action, e.detail])).digest('hex');
}

/** Appends an entry to the audit log, chained to the last one. Call inside the action's transaction. */
export function audit(ctx: ServiceContext, packageId: string, uid: string | null, action: string, detail: Record<string, unknown>): void {
  const who = requireIdentity(ctx);
  const prevHash = ctx.store.review.lastAudit()?.hash ?? GENESIS;
  const entry = { at: ctx.now(), actor: who.name, role: who.role, packageId, uid, action, detail: JSON.stringify(detail), prevHash };
  ctx.store.review.appendAudit({ ...entry, hash: entryHash(entry) });
}

/** The result of checking the chain: fine, or the first entry that breaks it and why. */
export type AuditCheck = { ok: true; entries: number } | { ok: false; seq: number; reason: string };

/**
 * Verifies the audit log: each entry must name the previous entry's hash and carry the hash of its
 * own content. An edited, inserted or deleted entry breaks the chain at the first place it touches.
 */
export function verifyAudit(ctx: ServiceContext): AuditCheck {
  let prev = GENESIS;
  const entries = ctx.store.review.audit();
  for (const e of entries) {
    if (e.prevHash !== prev) return { ok: false, seq: e.seq, reason: 'it does not follow the entry before it (an entry was removed or inserted)' };
    if (entryHash(e) !== e.hash) return { ok: false, seq: e.seq, reason: 'its content does not match its hash (it was edited)' };
    prev = e.hash;
  }
  return { ok: true, entries: entries.length };
}

/** The audit trail of one provision of a package, oldest first. */
export function auditTrail(ctx: ServiceContext, filter: { packageId: string; uid: string }): { seq: number; at: string; actor: string; role: string; action: string; detail: string }[] {
  return ctx.store.review.audit(filter).map(({ seq, at, actor, role, action, detail }) => ({ seq, at, actor, role, action, detail }));
}
