import type { Database } from 'better-sqlite3';

/** A version of an expression: the text in force from a date, or a package's working draft. */
export interface VersionRecord {
  id: string;
  expressionId: string;
  status: 'in_force' | 'draft';
  inForceFrom: string | null;
  packageId: string | null;
  baseVersionId: string | null;
  /** Increases with every saved change; a save names the revision it was made on. */
  revision: number;
  createdAt: string;
  updatedAt: string;
}

const COLUMNS = `id, expression_id AS expressionId, status, in_force_from AS inForceFrom, package_id AS packageId,
  base_version_id AS baseVersionId, revision, created_at AS createdAt, updated_at AS updatedAt`;

/** Versions of expressions. */
export class VersionRepository {
  constructor(private readonly db: Database) {}

  /** Adds a version. */
  insert(v: VersionRecord): void {
    this.db
      .prepare(
        `INSERT INTO version (id, expression_id, status, in_force_from, package_id, base_version_id, revision, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(v.id, v.expressionId, v.status, v.inForceFrom, v.packageId, v.baseVersionId, v.revision, v.createdAt, v.updatedAt);
  }

  /** One version, or undefined. */
  get(id: string): VersionRecord | undefined {
    return this.db.prepare(`SELECT ${COLUMNS} FROM version WHERE id = ?`).get(id) as VersionRecord | undefined;
  }

  /**
   * The versions in force, newest first within each expression: the library's texts (a joined
   * package's copy of a law, migration 014, is the package's and is not listed).
   */
  listInForce(): VersionRecord[] {
    return this.db
      .prepare(`SELECT ${COLUMNS} FROM version WHERE status = 'in_force' AND id NOT IN (SELECT version_id FROM team_base) ORDER BY expression_id, in_force_from DESC`)
      .all() as VersionRecord[];
  }

  /** The working drafts of a package, in the order they were added (drafts added together share a time). */
  listByPackage(packageId: string): VersionRecord[] {
    return this.db.prepare(`SELECT ${COLUMNS} FROM version WHERE package_id = ? ORDER BY created_at, rowid`).all(packageId) as VersionRecord[];
  }

  /** Puts a draft on another text in force (after a rebase), as a new revision. */
  rebaseTo(id: string, baseVersionId: string, now: string): void {
    this.db.prepare('UPDATE version SET base_version_id = ?, revision = revision + 1, updated_at = ? WHERE id = ?').run(baseVersionId, now, id);
  }

  /** The working drafts made on any version of an expression. */
  draftsOf(expressionId: string): VersionRecord[] {
    return this.db.prepare(`SELECT ${COLUMNS} FROM version WHERE expression_id = ? AND status = 'draft' ORDER BY created_at, rowid`).all(expressionId) as VersionRecord[];
  }

  /**
   * Moves a version from `expected` to the next revision. Returns false if someone saved in
   * between (the caller reports a conflict instead of overwriting).
   */
  advanceRevision(id: string, expected: number, now: string): boolean {
    const result = this.db
      .prepare('UPDATE version SET revision = revision + 1, updated_at = ? WHERE id = ? AND revision = ?')
      .run(now, id, expected);
    return result.changes === 1;
  }
}
