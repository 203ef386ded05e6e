import type { Database } from 'better-sqlite3';
import type { ProvisionRow } from '../../../shared/law';

/**
 * A change waiting to be pushed: one provision's row after (null: deleted). The revision it was
 * made on is the one `team_synced` holds when it is pushed: a provision with changes waiting is not
 * brought in step from the server meanwhile, and an earlier push of it moves it on first.
 */
export interface OutboxChange {
  uid: string;
  row: ProvisionRow | null;
}

/** One push waiting in the outbox. */
export interface OutboxEntry {
  seq: number;
  opId: string;
  versionId: string;
  changes: OutboxChange[];
  createdAt: string;
}

/** What the desktop knows of a provision's last state in step with the server. */
export interface SyncedProvision {
  revision: number;
  row: ProvisionRow | null;
}

/** A comment made here, waiting for the team server. */
export interface OutgoingComment {
  id: string;
  packageId: string;
  uid: string;
  parentId: string | null;
  text: string;
  /** A new version of a comment (the first of its line), or its deletion (`deleted`, text empty). */
  supersedes?: string | null;
  deleted?: boolean;
}

/** A provision recorded as in step with the server: at this revision, with this row (null: deleted there). */
export interface SyncedRecord {
  uid: string;
  revision: number;
  row: ProvisionRow | null;
}

/** A desktop's side of team mode (migration 013): linked packages, provisions in step, the outbox. */
export class TeamRepository {
  constructor(private readonly db: Database) {}

  /** Links a package to a team server. */
  link(packageId: string, serverUrl: string, at: string): void {
    this.db.prepare('INSERT INTO team_link (package_id, server_url, linked_at) VALUES (?, ?, ?)').run(packageId, serverUrl, at);
  }

  /** The server a package is linked to, if any. */
  linkOf(packageId: string): string | null {
    const row = this.db.prepare('SELECT server_url AS url FROM team_link WHERE package_id = ?').get(packageId) as { url: string } | undefined;
    return row?.url ?? null;
  }

  /** Records provisions as in step with the server at these revisions. */
  setSynced(versionId: string, synced: readonly SyncedRecord[]): void {
    const put = this.db.prepare('INSERT INTO team_synced (version_id, uid, revision, row) VALUES (?, ?, ?, ?) ON CONFLICT (version_id, uid) DO UPDATE SET revision = excluded.revision, row = excluded.row');
    for (const s of synced) put.run(versionId, s.uid, s.revision, s.row ? JSON.stringify(s.row) : null);
  }

  /** The provisions of a draft in step with the server, by uid. */
  synced(versionId: string, uids?: readonly string[]): Map<string, SyncedProvision> {
    const rows = (uids ? this.db.prepare(`SELECT uid, revision, row FROM team_synced WHERE version_id = ? AND uid IN (SELECT value FROM json_each(?))`).all(versionId, JSON.stringify(uids)) : this.db.prepare('SELECT uid, revision, row FROM team_synced WHERE version_id = ?').all(versionId)) as { uid: string; revision: number; row: string | null }[];
    return new Map(rows.map((r) => [r.uid, { revision: r.revision, row: r.row ? (JSON.parse(r.row) as ProvisionRow) : null }]));
  }

  /** The server's revision of a draft its last pull here reached (migration 018); undefined: pull it whole. */
  pulledTo(versionId: string): number | undefined {
    const row = this.db.prepare('SELECT revision FROM team_pulled WHERE version_id = ?').get(versionId) as { revision: number } | undefined;
    return row?.revision;
  }

  /** Records how far a pull of a draft reached (never back: a slower answer does not undo a later one). */
  setPulledTo(versionId: string, revision: number): void {
    this.db.prepare('INSERT INTO team_pulled (version_id, revision) VALUES (?, ?) ON CONFLICT (version_id) DO UPDATE SET revision = max(revision, excluded.revision)').run(versionId, revision);
  }

  /** Puts a push in the outbox. */
  enqueue(opId: string, versionId: string, changes: readonly OutboxChange[], at: string): void {
    this.db.prepare('INSERT INTO team_outbox (op_id, version_id, changes, created_at) VALUES (?, ?, ?, ?)').run(opId, versionId, JSON.stringify(changes), at);
  }

  /** The pushes waiting, oldest first. */
  outbox(): OutboxEntry[] {
    const rows = this.db.prepare('SELECT seq, op_id AS opId, version_id AS versionId, changes, created_at AS createdAt FROM team_outbox ORDER BY seq').all() as (Omit<OutboxEntry, 'changes'> & { changes: string })[];
    return rows.map((r) => ({ ...r, changes: JSON.parse(r.changes) as OutboxChange[] }));
  }

  /** The uids a draft has changes of waiting in the outbox. */
  pendingUids(versionId: string): Set<string> {
    const found = new Set<string>();
    for (const entry of this.outbox()) if (entry.versionId === versionId) for (const c of entry.changes) found.add(c.uid);
    return found;
  }

  /**
   * Takes a draft's provisions out of the pushes waiting (they became conflicts): those pushes
   * have not been sent yet (the outbox goes one push at a time, oldest first), so they may change;
   * one left with nothing goes.
   */
  dropChanges(versionId: string, uids: readonly string[]): void {
    const drop = new Set(uids);
    for (const entry of this.outbox()) {
      if (entry.versionId !== versionId) continue;
      const kept = entry.changes.filter((c) => !drop.has(c.uid));
      if (kept.length === entry.changes.length) continue;
      if (kept.length === 0) this.remove(entry.seq);
      else this.db.prepare('UPDATE team_outbox SET changes = ? WHERE seq = ?').run(JSON.stringify(kept), entry.seq);
    }
  }

  /**
   * Gives a push waiting a new id and what is left of its changes, in its place: the server
   * decided its old id (stale), and what remains must still go before the pushes after it.
   */
  replace(seq: number, opId: string, changes: readonly OutboxChange[]): void {
    this.db.prepare('UPDATE team_outbox SET op_id = ?, changes = ? WHERE seq = ?').run(opId, JSON.stringify(changes), seq);
  }

  /** The drafts of the packages linked to a team server. */
  linkedDrafts(): string[] {
    return (this.db.prepare("SELECT v.id FROM version v JOIN team_link l ON l.package_id = v.package_id WHERE v.status = 'draft' ORDER BY v.id").all() as { id: string }[]).map((r) => r.id);
  }

  /** Puts a comment made here in the queue for the server (in the comment's own transaction). */
  queueComment(c: OutgoingComment): void {
    this.db.prepare('INSERT INTO team_comment_out (id, package_id, uid, parent_id, text, supersedes, deleted) VALUES (?, ?, ?, ?, ?, ?, ?)').run(c.id, c.packageId, c.uid, c.parentId, c.text, c.supersedes ?? null, c.deleted ? 1 : 0);
  }

  /** The comments waiting for the server, oldest first. */
  commentsOut(): OutgoingComment[] {
    return (this.db.prepare('SELECT id, package_id AS packageId, uid, parent_id AS parentId, text, supersedes, deleted FROM team_comment_out ORDER BY seq').all() as (Omit<OutgoingComment, 'deleted'> & { deleted: number })[]).map((c) => ({ ...c, deleted: c.deleted === 1 }));
  }

  /** The server has a comment: out of the queue. */
  commentSent(id: string): void {
    this.db.prepare('DELETE FROM team_comment_out WHERE id = ?').run(id);
  }

  /** Marks a law text as the one a joined package came with (migration 014): not listed in the library. */
  addBase(versionId: string, packageId: string): void {
    this.db.prepare('INSERT INTO team_base (version_id, package_id) VALUES (?, ?)').run(versionId, packageId);
  }

  /** Records the team's decision on a provision here, with the revision it stands on. */
  setDecision(versionId: string, uid: string, decision: string, standsOn: number): void {
    this.db.prepare('INSERT INTO team_decision (version_id, uid, decision, stands_on) VALUES (?, ?, ?, ?) ON CONFLICT (version_id, uid) DO UPDATE SET decision = excluded.decision, stands_on = excluded.stands_on').run(versionId, uid, decision, standsOn);
  }

  /**
   * The decisions of a draft that these provisions, now at these revisions, lapse (each changed
   * after the revision its decision stands on): taken out, and returned with the decision.
   */
  lapseDecisions(versionId: string, revisions: readonly { uid: string; revision: number }[]): { uid: string; decision: string }[] {
    const find = this.db.prepare('SELECT decision FROM team_decision WHERE version_id = ? AND uid = ? AND stands_on < ?');
    const drop = this.db.prepare('DELETE FROM team_decision WHERE version_id = ? AND uid = ?');
    const lapsed: { uid: string; decision: string }[] = [];
    for (const { uid, revision } of revisions) {
      const row = find.get(versionId, uid, revision) as { decision: string } | undefined;
      if (!row) continue;
      drop.run(versionId, uid);
      lapsed.push({ uid, decision: row.decision });
    }
    return lapsed;
  }

  /** Forgets the team's decision on a provision here (it lapsed on the server). */
  forgetDecision(versionId: string, uid: string): void {
    this.db.prepare('DELETE FROM team_decision WHERE version_id = ? AND uid = ?').run(versionId, uid);
  }

  /** Takes a push out of the outbox (accepted, or turned into conflicts). */
  remove(seq: number): void {
    this.db.prepare('DELETE FROM team_outbox WHERE seq = ?').run(seq);
  }
}
