import type { Database } from 'better-sqlite3';
import type { GapDefinition } from '../../../shared/gaps/taxonomy';

/** A gap as stored: its definition, whether it is retired, and its place in lists. */
export interface GapRecord extends GapDefinition {
  retired: boolean;
  ord: number;
}

interface GapRow {
  code: string;
  names: string;
  descriptions: string;
  instrument: string;
  retired: number;
  ord: number;
}

/** The gap taxonomy, and the gaps each amendment of a package targets. */
export class GapRepository {
  constructor(private readonly db: Database) {}

  /** Every gap, retired ones included, in list order. */
  list(): GapRecord[] {
    return (this.db.prepare('SELECT * FROM gap ORDER BY ord, code').all() as GapRow[]).map((r) => ({
      code: r.code,
      names: JSON.parse(r.names) as GapDefinition['names'],
      descriptions: JSON.parse(r.descriptions) as GapDefinition['descriptions'],
      instrument: JSON.parse(r.instrument) as GapDefinition['instrument'],
      retired: r.retired === 1,
      ord: r.ord,
    }));
  }

  /** Adds a gap or changes its texts (the code is its identity). */
  save(gap: GapDefinition, ord: number): void {
    this.db
      .prepare(
        `INSERT INTO gap (code, names, descriptions, instrument, retired, ord) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (code) DO UPDATE SET names = excluded.names, descriptions = excluded.descriptions, instrument = excluded.instrument, retired = excluded.retired`,
      )
      .run(gap.code, JSON.stringify(gap.names), JSON.stringify(gap.descriptions), JSON.stringify(gap.instrument), gap.retired ? 1 : 0, ord);
  }

  /** Retires a gap (or brings it back); annotations that use it keep it. */
  setRetired(code: string, retired: boolean): boolean {
    return this.db.prepare('UPDATE gap SET retired = ? WHERE code = ?').run(retired ? 1 : 0, code).changes === 1;
  }

  /** The gaps each provision's amendment in a package targets. */
  gapsOf(packageId: string): Map<string, string[]> {
    const rows = this.db.prepare('SELECT uid, gap_code AS code FROM amendment_gap WHERE package_id = ? ORDER BY gap_code').all(packageId) as { uid: string; code: string }[];
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.uid, [...(out.get(r.uid) ?? []), r.code]);
    return out;
  }

  /** Sets the gaps of one amendment. Call inside a transaction. */
  setGapsOf(packageId: string, uid: string, codes: readonly string[]): void {
    this.db.prepare('DELETE FROM amendment_gap WHERE package_id = ? AND uid = ?').run(packageId, uid);
    const insert = this.db.prepare('INSERT INTO amendment_gap (package_id, uid, gap_code) VALUES (?, ?, ?)');
    for (const code of codes) insert.run(packageId, uid, code);
  }
}
