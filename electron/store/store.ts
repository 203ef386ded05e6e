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
}

/** Wraps an open, migrated database (see database.ts) in its repositories. */
export function createStore(db: Database): Store {
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
    transaction: (fn) => db.transaction(fn)(),
  };
}
