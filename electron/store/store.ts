import type { Database } from 'better-sqlite3';
import { rememberConnection } from './connection';
import type { ReadableDB, WritableDB } from './handles';
import { AmendmentRepository } from './repositories/amendments';
import { ConflictRepository } from './repositories/conflicts';
import { GapRepository } from './repositories/gaps';
import { ReviewRepository } from './repositories/review';
import { SearchRepository } from './repositories/search';
import { SnapshotRepository } from './repositories/snapshots';
import { ReversibleRepository } from './repositories/reversible';
import { PackageRepository } from './repositories/packages';
import { ParityMarkRepository } from './repositories/parity-marks';
import { ProvisionRepository } from './repositories/provisions';
import { VersionRepository } from './repositories/versions';
import { TeamRepository } from './repositories/team';
import { WorkRepository } from './repositories/works';

/** What a read path may call of each repository: its reads (the writes are the Store's alone). */
export interface ReadRepositories {
  works: Pick<WorkRepository, 'listWorks' | 'listExpressions' | 'getExpression' | 'getWork' | 'bySlug' | 'countWorks'>;
  versions: Pick<VersionRepository, 'get' | 'listInForce' | 'listByPackage' | 'draftsOf'>;
  provisions: Pick<ProvisionRepository, 'load' | 'page' | 'outline' | 'rows' | 'loadSnapshot'>;
  packages: Pick<PackageRepository, 'get' | 'list'>;
  amendments: Pick<AmendmentRepository, 'changesTo' | 'derivedBy' | 'orders' | 'getOne' | 'revisions' | 'listForVersion' | 'allAnnotations' | 'annotations'>;
  gaps: Pick<GapRepository, 'list' | 'gapsOf'>;
  review: Pick<ReviewRepository, 'setting' | 'comment' | 'allComments' | 'currentComments' | 'comments' | 'lastAudit' | 'audit' | 'auditHead' | 'annotationStates'>;
  conflicts: Pick<ConflictRepository, 'forVersion' | 'get'>;
  snapshots: Pick<SnapshotRepository, 'listByPackage'>;
  search: Pick<SearchRepository, 'has' | 'matchRows' | 'stateOf'>;
  reversible: Pick<ReversibleRepository, 'ofVersion' | 'ofPackage' | 'operation'>;
  parityMarks: Pick<ParityMarkRepository, 'list'>;
  team: Pick<TeamRepository, 'linkOf' | 'synced' | 'outbox' | 'pendingUids' | 'linkedDrafts' | 'commentsOut'>;
}

/**
 * The store as a read path sees it (the reading worker threads: createReadStore): the reads of
 * each repository and nothing that writes; its connection is opened read-only as well. Services
 * that only read take this (ReadContext), so that the compiler refuses a write on a read path.
 */
export interface ReadStore extends ReadRepositories {
  readonly writable: boolean;
  /** The database file, or null for an in-memory database (tests). */
  readonly file: string | null;
  /** Whether the connection is still open (the app, or a test, may have closed it). */
  isOpen(): boolean;
  /** Runs `fn` in one read transaction: every read it makes sees the same state of the store. */
  readTransaction<T>(fn: () => Promise<T>): Promise<T>;
  /** Closes the connection. */
  close(): void;
}

/** The open database and one repository per aggregate; services that write take this and nothing else. */
export interface Store extends ReadStore {
  readonly writable: true;
  works: WorkRepository;
  versions: VersionRepository;
  provisions: ProvisionRepository;
  packages: PackageRepository;
  amendments: AmendmentRepository;
  gaps: GapRepository;
  review: ReviewRepository;
  conflicts: ConflictRepository;
  snapshots: SnapshotRepository;
  search: SearchRepository;
  reversible: ReversibleRepository;
  parityMarks: ParityMarkRepository;
  team: TeamRepository;
  /** Runs a function in one write transaction (rolled back if it throws). */
  transaction<T>(fn: () => T): T;
  /**
   * Runs a function once the write in progress is committed (at once when none is): for what must
   * follow the database and never run ahead of it, such as the audit head file. Dropped if the
   * transaction rolls back.
   */
  afterCommit(fn: () => void): void;
}

/** Whether a store may be written (the main process's, the writer thread's), rather than only read. */
export function isWritable(store: ReadStore): store is Store {
  return store.writable === true;
}

function repositories(db: Database) {
  return {
    works: new WorkRepository(db),
    versions: new VersionRepository(db),
    provisions: new ProvisionRepository(db),
    packages: new PackageRepository(db),
    amendments: new AmendmentRepository(db),
    gaps: new GapRepository(db),
    review: new ReviewRepository(db),
    conflicts: new ConflictRepository(db),
    snapshots: new SnapshotRepository(db),
    search: new SearchRepository(db),
    reversible: new ReversibleRepository(db),
    parityMarks: new ParityMarkRepository(db),
    team: new TeamRepository(db),
  };
}

function connectionFacts(db: Database) {
  return {
    file: db.memory ? null : db.name,
    isOpen: () => db.open,
    readTransaction: async <T>(fn: () => Promise<T>): Promise<T> => {
      db.exec('BEGIN');
      try {
        return await fn();
      } finally {
        // A read transaction: nothing to keep; ending it must not hide the task's own error.
        if (db.inTransaction) db.exec('ROLLBACK');
      }
    },
    close: () => db.close(),
  };
}

/** Wraps a read-only connection (database.ts openReader) in the reads of the repositories. */
export function createReadStore(db: ReadableDB): ReadStore {
  const store: ReadStore = { writable: false, ...repositories(db), ...connectionFacts(db) };
  rememberConnection(store, db);
  return store;
}

/** Wraps an open, migrated database (see database.ts) in its repositories. */
export function createStore(db: WritableDB): Store {
  let depth = 0;
  let pending: (() => void)[] = [];
  const transaction = <T>(fn: () => T): T => {
    depth++;
    try {
      const result = db.transaction(fn)();
      if (depth === 1) runPending();
      return result;
    } catch (error) {
      if (depth === 1) pending = [];
      throw error;
    } finally {
      depth--;
    }
  };
  const runPending = () => {
    const due = pending;
    pending = [];
    for (const fn of due) fn();
  };
  const store: Store = {
    writable: true,
    ...repositories(db),
    ...connectionFacts(db),
    transaction,
    afterCommit: (fn) => {
      if (depth > 0) pending.push(fn);
      // A transaction opened on the connection directly: after it, on the next turn.
      else if (db.inTransaction) setImmediate(fn);
      else fn();
    },
  };
  rememberConnection(store, db);
  return store;
}
