import type { Database, Statement } from 'better-sqlite3';

/** Which revision of a version (and on which base, for a draft) the search index is current with. */
export interface SearchState {
  versionId: string;
  revision: number;
  baseVersionId: string | null;
}

/** A unit the index found: the version and uid of an indexed unit. */
export interface SearchCandidate {
  versionId: string;
  uid: string;
}

/** The search index (migration 009): units by version and uid, their text as trigrams. */
export class SearchRepository {
  private readonly findEntry: Statement;
  private readonly addEntry: Statement;
  private readonly addText: Statement;
  private readonly dropText: Statement;
  private readonly dropEntry: Statement;

  constructor(private readonly db: Database) {
    this.findEntry = db.prepare('SELECT id FROM search_entry WHERE version_id = ? AND uid = ?');
    this.addEntry = db.prepare('INSERT INTO search_entry (version_id, uid) VALUES (?, ?)');
    this.addText = db.prepare('INSERT INTO search_text (rowid, body) VALUES (?, ?)');
    this.dropText = db.prepare('DELETE FROM search_text WHERE rowid = ?');
    this.dropEntry = db.prepare('DELETE FROM search_entry WHERE version_id = ? AND uid = ?');
  }

  /** Indexes a unit's text (replacing what was indexed for it). Call inside a transaction. */
  put(versionId: string, uid: string, body: string): void {
    const known = this.findEntry.get(versionId, uid) as { id: number } | undefined;
    if (known) {
      this.dropText.run(known.id);
      this.addText.run(known.id, body);
      return;
    }
    const id = this.addEntry.run(versionId, uid).lastInsertRowid;
    this.addText.run(id, body);
  }

  /** Takes a unit out of the index (its text is gone, or is its base's again). */
  remove(versionId: string, uid: string): void {
    this.dropEntry.run(versionId, uid);
  }

  /** Takes every unit of a version out of the index, and its state. */
  removeVersion(versionId: string): void {
    this.db.prepare('DELETE FROM search_entry WHERE version_id = ?').run(versionId);
    this.db.prepare('DELETE FROM search_state WHERE version_id = ?').run(versionId);
  }

  /** Whether a version has its own entry for a unit (a draft's: the unit differs from its base). */
  has(versionId: string, uid: string): boolean {
    return this.findEntry.get(versionId, uid) !== undefined;
  }

  /**
   * Units whose text matches an FTS5 query, with their stored heading and text (one statement:
   * the index, its entries and the units), in the order they were indexed, at most `limit`, read
   * as the caller goes (it may stop early; no other statement may run on the connection meanwhile).
   */
  matchRows(query: string, limit: number): IterableIterator<SearchCandidate & { heading: string; text: string }> {
    return this.db
      .prepare(
        `SELECT e.version_id AS versionId, e.uid AS uid, p.heading AS heading, p.text AS text
         FROM search_text JOIN search_entry e ON e.id = search_text.rowid
         JOIN provision p ON p.version_id = e.version_id AND p.uid = e.uid
         WHERE search_text MATCH ? ORDER BY search_text.rowid LIMIT ?`,
      )
      .iterate(query, limit) as IterableIterator<SearchCandidate & { heading: string; text: string }>;
  }

  /** The index's state of one version, if it has one. */
  stateOf(versionId: string): SearchState | undefined {
    return this.db.prepare('SELECT version_id AS versionId, revision, base_version_id AS baseVersionId FROM search_state WHERE version_id = ?').get(versionId) as SearchState | undefined;
  }

  /** Records that the index is current with this revision of a version. */
  setState(state: SearchState): void {
    this.db
      .prepare('INSERT INTO search_state (version_id, revision, base_version_id) VALUES (?, ?, ?) ON CONFLICT (version_id) DO UPDATE SET revision = excluded.revision, base_version_id = excluded.base_version_id')
      .run(state.versionId, state.revision, state.baseVersionId);
  }
}
