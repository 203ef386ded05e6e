import type { Derivation, DiffCache, IndexedBase } from '../../shared/amend';
import { newUid, type LawDoc, type ProvisionRow } from '../../shared/law';
import type { Store } from '../store/store';
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

/** What every service needs: the store, the clock, an id maker (both replaceable in tests) and a memo. */
export interface ServiceContext {
  store: Store;
  now(): string;
  newId(): string;
  memo: ServiceMemo;
  /** Reports defects that are not errors for the user (a diff timeout). */
  log(message: string): void;
  /** The store is a read-only connection (the worker thread's): services read and derive, and store nothing. */
  readOnly?: boolean;
  /** Signs audit entries with the install key (audit/signer.ts); without one, entries are unsigned. */
  signer?: AuditSigner;
  /** Other keys the log may be checked with (the command line's key file beside the database). */
  verifyKeys?: readonly AuditSigner[];
}

/** A context with the real clock and random ids. */
export function createServiceContext(store: Store): ServiceContext {
  return { store, now: () => new Date().toISOString(), newId: newUid, memo: emptyMemo(), log: (m) => console.warn(`[zan] ${m}`) };
}

/** An empty memo. */
export function emptyMemo(): ServiceMemo {
  return { laws: new Map(), indexes: new Map(), diffs: new Map(), derivations: new Map() };
}
