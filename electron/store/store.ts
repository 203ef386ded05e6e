import type { Database } from 'better-sqlite3';
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
import { WorkRepository } from './repositories/works';

/** The open database and one repository per aggregate; services take this and nothing else. */
export interface Store {
  db: Database;
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
  /** Runs a function in one write transaction (rolled back if it throws). */
  transaction<T>(fn: () => T): T;
  /**
   * Runs a function once the write in progress is committed (at once when none is): for what must
   * follow the database and never run ahead of it, such as the audit head file. Dropped if the
   * transaction rolls back.
   */
  afterCommit(fn: () => void): void;
}

/** Wraps an open, migrated database (see database.ts) in its repositories. */
export function createStore(db: Database): Store {
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
  return {
    db,
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
    transaction,
    afterCommit: (fn) => {
      if (depth > 0) pending.push(fn);
      // A transaction opened on the connection directly: after it, on the next turn.
      else if (db.inTransaction) setImmediate(fn);
      else fn();
    },
  };
}
