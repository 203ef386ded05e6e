import { createHash } from 'node:crypto';
import { StoreError } from '../store/errors';
import type { AuditEntry } from '../store/repositories/review';
import type { ServiceContext } from './context';

/** Who is working: the name and role shown as author on amendments, comments and tracked changes. */
export interface Identity {
  name: string;
  role: string;
}

/** The identity set in the settings, or null before the first start asked for it. */
export function getIdentity(ctx: ServiceContext): Identity | null {
  const name = ctx.store.review.setting('user.name');
  return name ? { name, role: ctx.store.review.setting('user.role') ?? '' } : null;
}

/** Sets the user's name and role. */
export function setIdentity(ctx: ServiceContext, identity: Identity): Identity {
  if (!identity.name.trim()) throw new StoreError('INVALID_INPUT', 'A name is needed.');
  ctx.store.review.setSetting('user.name', identity.name.trim());
  ctx.store.review.setSetting('user.role', identity.role.trim());
  return getIdentity(ctx) as Identity;
}

/** The identity, or the error that asks for it. */
export function requireIdentity(ctx: ServiceContext): Identity {
  const identity = getIdentity(ctx);
  if (!identity) throw new StoreError('NOT_READY', 'Set your name and role first: review actions are signed.');
  return identity;
}

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
