import type { Database } from 'better-sqlite3';

/** A package: one draft amending law, which may amend several laws. */
export interface PackageRecord {
  id: string;
  title: string;
  status: 'draft' | 'review' | 'submitted' | 'archived';
  authors: string[];
  createdAt: string;
  updatedAt: string;
}

interface PackageRow {
  id: string;
  title: string;
  status: PackageRecord['status'];
  authors: string;
  created_at: string;
  updated_at: string;
}

function fromRow(r: PackageRow): PackageRecord {
  return { id: r.id, title: r.title, status: r.status, authors: JSON.parse(r.authors) as string[], createdAt: r.created_at, updatedAt: r.updated_at };
}

/** Packages of amendments. */
export class PackageRepository {
  constructor(private readonly db: Database) {}

  /** Adds a package. */
  insert(p: PackageRecord): void {
    this.db
      .prepare('INSERT INTO package (id, title, status, authors, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(p.id, p.title, p.status, JSON.stringify(p.authors), p.createdAt, p.updatedAt);
  }

  /** One package, or undefined. */
  get(id: string): PackageRecord | undefined {
    const row = this.db.prepare('SELECT * FROM package WHERE id = ?').get(id) as PackageRow | undefined;
    return row && fromRow(row);
  }

  /** Every package, most recently changed first. */
  list(): PackageRecord[] {
    return (this.db.prepare('SELECT * FROM package ORDER BY updated_at DESC, id').all() as PackageRow[]).map(fromRow);
  }

  /** Sets a package's status. */
  setStatus(id: string, status: PackageRecord['status'], now: string): void {
    this.db.prepare('UPDATE package SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id);
  }

  /** Marks a package as changed now. */
  touch(id: string, now: string): void {
    this.db.prepare('UPDATE package SET updated_at = ? WHERE id = ?').run(now, id);
  }
}
