import type { Database } from 'better-sqlite3';
import type { Lang } from '../../../shared/law';

/** A work (one law or code) as stored. */
export interface WorkRecord {
  id: string;
  slug: string;
  kind: 'law' | 'code';
  date: string | null;
  number: string | null;
  illustrative: boolean;
  modeledOn: string | null;
}

/** One language text of a work. */
export interface ExpressionRecord {
  id: string;
  workId: string;
  lang: Lang;
  title: string;
}

interface WorkRow {
  id: string;
  slug: string;
  kind: 'law' | 'code';
  date: string | null;
  number: string | null;
  illustrative: number;
  modeled_on: string | null;
}

/** Works and their expressions: the aggregate "a law in its languages". */
export class WorkRepository {
  constructor(private readonly db: Database) {}

  /** Adds a work. */
  insertWork(work: WorkRecord): void {
    this.db
      .prepare('INSERT INTO work (id, slug, kind, date, number, illustrative, modeled_on) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(work.id, work.slug, work.kind, work.date, work.number, work.illustrative ? 1 : 0, work.modeledOn);
  }

  /** Adds one language expression of a work. */
  insertExpression(expression: ExpressionRecord): void {
    this.db
      .prepare('INSERT INTO expression (id, work_id, lang, title) VALUES (?, ?, ?, ?)')
      .run(expression.id, expression.workId, expression.lang, expression.title);
  }

  /** Every work, ordered by slug. */
  listWorks(): WorkRecord[] {
    const rows = this.db.prepare('SELECT * FROM work ORDER BY slug').all() as WorkRow[];
    return rows.map((r) => ({ id: r.id, slug: r.slug, kind: r.kind, date: r.date, number: r.number, illustrative: r.illustrative === 1, modeledOn: r.modeled_on }));
  }

  /** The work with this slug, or undefined. */
  bySlug(slug: string): WorkRecord | undefined {
    return this.listWorks().find((w) => w.slug === slug);
  }

  /** One work, or undefined. */
  getWork(id: string): WorkRecord | undefined {
    return this.listWorks().find((w) => w.id === id);
  }

  /** Every expression, grouped by nothing: callers group by workId. */
  listExpressions(): ExpressionRecord[] {
    return this.db.prepare('SELECT id, work_id AS workId, lang, title FROM expression ORDER BY work_id, lang').all() as ExpressionRecord[];
  }

  /** One expression, or undefined. */
  getExpression(id: string): ExpressionRecord | undefined {
    return this.db.prepare('SELECT id, work_id AS workId, lang, title FROM expression WHERE id = ?').get(id) as ExpressionRecord | undefined;
  }

  /** How many works the store holds (0 means a fresh database to seed). */
  countWorks(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM work').get() as { n: number }).n;
  }
}
