import { basename } from 'node:path';
import type { AuditEntry } from '../../store/repositories/review';
import type { ServiceContext, ReadContext } from '../context';
import { getIdentity, requireIdentity, type Identity } from '../identity';
import { ENTRY_FORMAT, entryHash, GENESIS, sha256Bytes } from './hash';
import { headFileOf, writeHead } from './head';
import { baselineDetail } from './state';

/** The package id of an entry about the library or the settings rather than one package. */
export const NO_PACKAGE = '';

/**
 * Appends a signed entry to the audit log, for what a reviewer does (a decision, a comment, a
 * restore): it needs the user's identity, and refuses without one. Call inside the action's
 * transaction, so the entry and the change commit together or not at all.
 */
export function audit(ctx: ServiceContext, packageId: string, uid: string | null, action: string, detail: Record<string, unknown>): void {
  append(ctx, requireIdentity(ctx), packageId, uid, action, detail);
}

/**
 * Appends an entry for any other change (a save, an annotation, an import, an export, a setting):
 * by the user named in the settings, or by nobody yet named (a first start, the CLI).
 */
export function record(ctx: ServiceContext, packageId: string, uid: string | null, action: string, detail: Record<string, unknown>): void {
  append(ctx, getIdentity(ctx) ?? { name: '', role: '' }, packageId, uid, action, detail);
}

/**
 * Logs a file written for the user: what it is, the file's name and the SHA-256 of its bytes, so
 * that a document handed on can be told to be the one exported (or not).
 */
export function recordExport(ctx: ServiceContext, packageId: string, what: Record<string, unknown>, path: string, content: string | Uint8Array): void {
  record(ctx, packageId, null, 'export', { ...what, file: basename(path), sha256: sha256Bytes(content) });
}

/**
 * The entry itself: numbered next, chained to the last one, hashed over its number too, signed
 * with the install key when the context has one. A log of an earlier build (its entries not
 * recording the review state) first gets a baseline entry that does, so that the state can be
 * checked against the log from then on. Once committed, the head file beside the database is
 * brought up to the new head.
 */
function append(ctx: ServiceContext, who: Identity, packageId: string, uid: string | null, action: string, detail: Record<string, unknown>): void {
  ctx.store.transaction(() => {
    // The last entry read once per save (this is on the autosave path): the baseline, when one is due, becomes it.
    const last = writeBaselineIfUnsealed(ctx, ctx.store.review.lastAudit());
    write(ctx, last, who, packageId, uid, action, detail);
  });
  afterCommitRefreshHead(ctx);
}

/**
 * Seals the log of a database an earlier build wrote (its entries unsigned, not recording the
 * review state): a signed baseline entry records the state as it stands, and the head file is
 * written. The app calls it on opening, so that a database it has opened always has a sealed log;
 * the first entry written does it too. Returns whether there was anything to seal.
 */
export function sealAudit(ctx: ServiceContext): boolean {
  const sealed = ctx.store.transaction(() => {
    const last = ctx.store.review.lastAudit();
    return writeBaselineIfUnsealed(ctx, last) !== last;
  });
  if (sealed) afterCommitRefreshHead(ctx);
  return sealed;
}

/** Writes the baseline when the log is not sealed yet and has something to answer for; the log's last entry after it. */
function writeBaselineIfUnsealed(ctx: ServiceContext, last: AuditEntry | undefined): AuditEntry | undefined {
  if (last?.format === ENTRY_FORMAT || !needsBaseline(ctx, last !== undefined)) return last;
  return write(ctx, last, { name: 'zan', role: '' }, NO_PACKAGE, null, 'baseline', baselineDetail(ctx.store));
}

function afterCommitRefreshHead(ctx: ServiceContext): void {
  const file = ctx.store.file;
  if (file) ctx.store.afterCommit(() => refreshHead(ctx, headFileOf(file)));
}

/** Appends one entry after `last` (the log's last, read in the same transaction) and returns it. */
function write(ctx: ServiceContext, last: AuditEntry | undefined, who: Identity, packageId: string, uid: string | null, action: string, detail: Record<string, unknown>): AuditEntry {
  const fields = { seq: (last?.seq ?? 0) + 1, format: ENTRY_FORMAT, at: ctx.now(), actor: who.name, role: who.role, packageId, uid, action, detail: JSON.stringify(detail), prevHash: last?.hash ?? GENESIS };
  const hash = entryHash(fields);
  const entry = { ...fields, hash, keyId: ctx.signer?.keyId ?? null, mac: ctx.signer ? ctx.signer.sign(hash) : null };
  ctx.store.review.appendAudit(entry);
  return entry;
}

/** Whether an unsealed log needs a baseline: it has entries already, or there is review state it did not record. */
function needsBaseline(ctx: ReadContext, hasEntries: boolean): boolean {
  return hasEntries || ctx.store.review.allComments().length > 0 || ctx.store.review.annotationStates().length > 0;
}

/** Writes the head file from the database's committed head (a failure to write it is a defect to report, not the user's error). */
function refreshHead(ctx: ReadContext, file: string): void {
  const head = ctx.store.review.auditHead();
  if (!head) return;
  try {
    writeHead(file, head, ctx.signer);
  } catch (error) {
    ctx.log(`the audit head file ${file} was not written: ${(error as Error).message}`);
  }
}

/** One entry as the audit view shows it. */
export interface AuditTrailEntry {
  seq: number;
  at: string;
  actor: string;
  role: string;
  uid: string | null;
  action: string;
  detail: string;
}

/** The audit trail of a package (or of one provision of it), oldest first. */
export function auditTrail(ctx: ReadContext, filter: { packageId: string; uid?: string }): AuditTrailEntry[] {
  return ctx.store.review.audit(filter).map(({ seq, at, actor, role, uid, action, detail }) => ({ seq, at, actor, role, uid, action, detail }));
}
