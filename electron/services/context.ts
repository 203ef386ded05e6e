import type { Derivation, DiffCache, IndexedBase } from '../../shared/amend';
import { newUid, type LawDoc, type ProvisionRow } from '../../shared/law';
import { isWritable, type ReadStore, type Store } from '../store/store';
import type { AuditSigner } from './audit/signer';

/** What services keep between calls to avoid repeating work; never the source of truth. */
export interface ServiceMemo {
  /** Texts in force by version id: they never change once stored. */
  laws: Map<string, LawDoc>;
  /** The same texts indexed for derivations (indexBase), made once per text. */
  indexes: Map<string, IndexedBase>;
  /** Word diffs per draft version, so a save re-diffs only the provisions that changed. */
  diffs: Map<string, DiffCache>;
  /**
   * The live derivation of each draft saved lately, at the revision it matches: a save that
   * changes only texts updates it and stores the amendments of those units alone (drafts.ts).
   */
  derivations: Map<string, LiveDerivation>;
}

/** A draft's derivation as of one revision of the draft, against one base. */
export interface LiveDerivation {
  revision: number;
  baseVersionId: string;
  derivation: Derivation;
  /**
   * The draft's stored rows at `revision`, by uid, when known (saves keep them in step): a
   * structural save then applies its changes here instead of reading the whole draft back.
   */
  rows?: Map<string, ProvisionRow>;
}

/**
 * What a service that only reads needs: the store's reads (ReadStore: no method that writes, on
 * the reading worker threads a read-only connection), the clock, an id maker (both replaceable in
 * tests) and a memo. The compiler keeps a read path from writing: a ServiceContext is a
 * ReadContext, not the other way round.
 */
export interface ReadContext {
  store: ReadStore;
  now(): string;
  newId(): string;
  memo: ServiceMemo;
  /** Reports defects that are not errors for the user (a diff timeout). */
  log(message: string): void;
  /** Signs audit entries with the install key (audit/signer.ts); without one, entries are unsigned. */
  signer?: AuditSigner;
  /** Other keys the log may be checked with (the command line's key file beside the database). */
  verifyKeys?: readonly AuditSigner[];
}

/** What every service that writes needs: a ReadContext over the writable store. */
export interface ServiceContext extends ReadContext {
  store: Store;
  /**
   * Runs a write once no other connection is writing (the writer thread's: WorkPool.exclusive), for
   * the writes an async service makes after awaiting (an export's log entry, an import's save).
   * Absent (the CLI, tests over one connection): at once.
   */
  exclusive?<T>(fn: () => T): Promise<T>;
}

/** Whether a context may write (its store is writable: the main process's, the writer thread's). */
export function canWrite(ctx: ReadContext): ctx is ServiceContext {
  return isWritable(ctx.store);
}

/** A context with the real clock and random ids. */
export function createServiceContext(store: Store): ServiceContext;
export function createServiceContext(store: ReadStore): ReadContext;
export function createServiceContext(store: ReadStore): ReadContext {
  return { store, now: () => new Date().toISOString(), newId: newUid, memo: emptyMemo(), log: (m) => console.warn(`[zan] ${m}`) };
}

/** An empty memo. */
export function emptyMemo(): ServiceMemo {
  return { laws: new Map(), indexes: new Map(), diffs: new Map(), derivations: new Map() };
}

/**
 * A write of an async service, made when the store can take it without this thread waiting on
 * another connection's lock (ServiceContext.exclusive); without such a gate, at once.
 */
export function whenWritable<T>(ctx: ServiceContext, fn: () => T): Promise<T> {
  return ctx.exclusive ? ctx.exclusive(fn) : new Promise<T>((ok) => ok(fn()));
}

