import type { PublishRequest, PullSince } from '../../shared/team/contract';
import type { Db, Queryable } from '../db/connect';
import { appendAudit, lockAuditChain } from './audit';
import { notify } from './events';
import { TeamError } from './errors';
import { requireRole, type TeamUser } from './users';

/** A package as the people of it see it in their library. */
export interface TeamPackage {
  id: string;
  title: string;
  /** The name of the person who published it. */
  publishedBy: string;
  drafts: { versionId: string; lang: string; title: string }[];
}

/**
 * Publishes a package from a desktop: its drafts, the law each amends, and each draft's rows,
 * every row at a first revision from the server. The publisher becomes a member, with the
 * members named. Publishing a package already there is refused (its desktop pushes changes).
 */
export async function publishPackage(db: Db, user: TeamUser, request: PublishRequest, device: string): Promise<{ revisions: Record<string, Record<string, number>> }> {
  requireRole(user, ['owner', 'drafter'], 'publish a package');
  return db.tx(async (q) => {
    await lockAuditChain(q);
    const [known] = await q.query<{ published_by: string }>('SELECT published_by FROM package WHERE id = $1', [request.packageId]);
    if (known) {
      // Said to its publisher with whether anyone else has changed it since: a desktop whose own
      // record of the publication was lost (its transaction failed after the server's) takes it up again.
      const yours = known.published_by === user.id;
      const others = yours ? await q.query('SELECT 1 FROM provision p JOIN draft d ON d.version_id = p.version_id WHERE d.package_id = $1 AND p.changed_by <> $2 LIMIT 1', [request.packageId, user.id]) : [];
      throw new TeamError('INVALID', `Package ${request.packageId} is already on the server.`, { alreadyPublished: true, yours, changedByOthers: others.length > 0 });
    }
    await q.query('INSERT INTO package (id, title, published_by) VALUES ($1, $2, $3)', [request.packageId, request.title, user.id]);
    for (const member of new Set([user.id, ...request.members])) {
      const exists = await q.query('SELECT id FROM team_user WHERE id = $1', [member]);
      if (exists.length === 0) throw new TeamError('NOT_FOUND', `No person ${member} in the team.`);
      await q.query('INSERT INTO package_member (package_id, user_id) VALUES ($1, $2)', [request.packageId, member]);
    }
    const revisions: Record<string, Record<string, number>> = {};
    for (const [ord, draft] of request.drafts.entries()) {
      await q.query('INSERT INTO draft (version_id, package_id, lang, title, base, ord) VALUES ($1, $2, $3, $4, $5, $6)', [draft.versionId, request.packageId, draft.lang, draft.title, JSON.stringify(draft.base), ord]);
      const mine: Record<string, number> = {};
      for (const row of draft.rows) {
        const [{ revision }] = (await q.query<{ revision: string }>("INSERT INTO provision (version_id, uid, revision, row, changed_by, changed_at) VALUES ($1, $2, nextval('revision_seq'), $3, $4, LEAST(COALESCE($5::timestamptz, now()), now())) RETURNING revision", [draft.versionId, row.uid, JSON.stringify(row), user.id, draft.madeAt?.[row.uid] ?? null])) as [{ revision: string }];
        mine[row.uid] = Number(revision);
      }
      revisions[draft.versionId] = mine;
    }
    await notify(q, { kind: 'package', packageId: request.packageId, by: user.name });
    await appendAudit(q, { userId: user.id, device, action: 'publish', packageId: request.packageId, versionId: null, uid: null, baseRevision: null, newRevision: null, detail: { title: request.title, drafts: request.drafts.map((d) => ({ versionId: d.versionId, rows: d.rows.length })) } });
    return { revisions };
  });
}

/** The packages a person sees: those they are a member of (an owner sees every package). */
export async function listPackages(db: Db, user: TeamUser): Promise<TeamPackage[]> {
  const rows = await db.query<{ id: string; title: string; published_by: string }>(
    user.role === 'owner'
      ? 'SELECT p.id, p.title, u.name AS published_by FROM package p JOIN team_user u ON u.id = p.published_by ORDER BY p.published_at, p.id'
      : 'SELECT p.id, p.title, u.name AS published_by FROM package p JOIN team_user u ON u.id = p.published_by JOIN package_member m ON m.package_id = p.id WHERE m.user_id = $1 ORDER BY p.published_at, p.id',
    user.role === 'owner' ? [] : [user.id],
  );
  const out: TeamPackage[] = [];
  for (const r of rows) {
    const drafts = await db.query<{ version_id: string; lang: string; title: string }>('SELECT version_id, lang, title FROM draft WHERE package_id = $1 ORDER BY ord, version_id', [r.id]);
    out.push({ id: r.id, title: r.title, publishedBy: r.published_by, drafts: drafts.map((d) => ({ versionId: d.version_id, lang: d.lang, title: d.title })) });
  }
  return out;
}

/**
 * The package a draft belongs to, if the person may see it; NOT_FOUND otherwise, whether it does
 * not exist or is not shared with them (a reviewer of another body learns nothing of it).
 */
export async function packageOfDraft(q: Db | Queryable, user: TeamUser, versionId: string): Promise<string> {
  const [row] = await q.query<{ package_id: string }>('SELECT package_id FROM draft WHERE version_id = $1', [versionId]);
  if (row && (await isMember(q, user, row.package_id))) return row.package_id;
  throw new TeamError('NOT_FOUND', `No draft ${versionId} shared with you.`);
}

/** Refuses a package the person may not see, as if it did not exist. */
export async function requireMember(q: Db | Queryable, user: TeamUser, packageId: string): Promise<void> {
  if (!(await isMember(q, user, packageId))) throw new TeamError('NOT_FOUND', `No package ${packageId} shared with you.`);
}

async function isMember(q: Db | Queryable, user: TeamUser, packageId: string): Promise<boolean> {
  if (user.role === 'owner') return (await q.query('SELECT 1 FROM package WHERE id = $1', [packageId])).length > 0;
  return (await q.query('SELECT 1 FROM package_member WHERE package_id = $1 AND user_id = $2', [packageId, user.id])).length > 0;
}

/**
 * A draft's provisions as the server has them (rows deleted included, as null), each with the name
 * of the person who made its current revision and when, for a desktop to pull, and the last move
 * of the draft onto a later text of the law, if any. With `from` (what the desktop's last pull
 * reached, and the text it has the draft on): only the provisions changed since, and the law's
 * rows and its last move only if the draft is on another text now. `upTo` says how far the answer reaches: every
 * change to a draft takes the draft's row lock before it takes its revisions (push, rejection,
 * move), so a revision of it seen here has every lower one committed before it — the highest seen
 * is safe to ask from next time. One statement reads the provisions: one snapshot.
 */
export async function pullDraft(db: Db, user: TeamUser, versionId: string, from?: PullSince): Promise<{ packageId: string; base: unknown; provisions: { uid: string; revision: number; row: unknown; by: string; at: string }[]; rebased?: unknown; upTo: number }> {
  // The law's rows (megabytes on a code) only when the desktop lacks that text: not read otherwise;
  // so too the last move (its conflicts, thousands on a code): a desktop on that text has taken it.
  // Whether the person may see the draft in the same statement: every desktop pulls after each
  // colleague's save, so each query saved here is one a second per desktop (npm run bench:team).
  const [draft] = await db.query<{ package_id: string; base: { versionId: string }; rows: unknown; rebased: unknown }>(
    `SELECT d.package_id, d.base_head AS base,
            CASE WHEN d.base_head->>'versionId' = $2 THEN NULL ELSE d.base->'rows' END AS rows,
            CASE WHEN d.base_head->>'versionId' = $2 THEN NULL ELSE d.rebased END AS rebased
       FROM draft d
      WHERE d.version_id = $1 AND ($3 OR EXISTS (SELECT 1 FROM package_member m WHERE m.package_id = d.package_id AND m.user_id = $4))`,
    [versionId, from?.base ?? null, user.role === 'owner', user.id],
  );
  if (!draft) throw new TeamError('NOT_FOUND', `No draft ${versionId} shared with you.`);
  const packageId = draft.package_id;
  const since = from?.since ?? 0;
  const rows = await db.query<{ uid: string; revision: string; row: unknown; name: string; changed_at: Date }>('SELECT p.uid, p.revision, p.row, u.name, p.changed_at FROM provision p JOIN team_user u ON u.id = p.changed_by WHERE p.version_id = $1 AND p.revision > $2 ORDER BY p.uid', [versionId, since]);
  const provisions = rows.map((r) => ({ uid: r.uid, revision: Number(r.revision), row: r.row, by: r.name, at: r.changed_at.toISOString() }));
  const upTo = provisions.reduce((top, p) => Math.max(top, p.revision), since);
  const base = draft.rows === null ? draft.base : { ...draft.base, rows: draft.rows };
  // The last move onto a later text, when there was one: what waits for a choice since.
  return { packageId, base, provisions, ...(draft.rebased ? { rebased: draft.rebased } : {}), upTo };
}
