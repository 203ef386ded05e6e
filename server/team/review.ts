import type { CommentRequest, DecisionReply, DecisionRequest, ServerComment } from '../../shared/team/contract';
import type { Db } from '../db/connect';
import { appendAudit, lockAuditChain } from './audit';
import { notify } from './events';
import { TeamError } from './errors';
import { packageOfDraft, requireMember } from './packages';
import { applyChanges, checkChanges } from './push';
import { prepareRejection, requireRestoration, type PreparedRejection } from './rejection';
import { requireRole, type TeamUser } from './users';

/** Works a rejection out before the decision's transaction: on the service's thread, or on its worker (app.ts). */
export type RejectionPreparer = (versionId: string, uid: string) => Promise<PreparedRejection>;

/**
 * A reviewer's decision, checked here against their role and the exact revision of the provision
 * they saw: a decision on a revision that is no longer current is refused (STALE, with the current
 * one), so no one accepts wording they did not read. A rejection applies its changes (the wording
 * in force back) with the decision, all or nothing: refused as STALE when one was read at an older
 * revision, LEASED when someone is editing one, INVALID when they are not exactly what rejecting
 * this amendment does to the server's draft (rejection.ts).
 */
export async function decide(db: Db, user: TeamUser, request: DecisionRequest, device: string, prepare: RejectionPreparer = (v, u) => prepareRejection(db, v, u)): Promise<DecisionReply> {
  requireRole(user, ['owner', 'reviewer'], 'decide on an amendment');
  if (request.changes && request.decision !== 'reject') throw new TeamError('INVALID', 'Only a rejection changes the text.');
  // Worked out before the locks (a derivation of the whole draft on a code): checked again inside.
  // Only for someone who may see the draft: the work is not done for anyone who asks.
  let prepared: PreparedRejection | undefined;
  if (request.decision === 'reject') {
    await packageOfDraft(db, user, request.versionId);
    prepared = await prepare(request.versionId, request.uid);
  }
  return db.tx(async (q) => {
    await lockAuditChain(q);
    const packageId = await packageOfDraft(q, user, request.versionId);
    if (packageId !== request.packageId) throw new TeamError('NOT_FOUND', `No draft ${request.versionId} in package ${request.packageId}.`);
    // One change of the draft at a time (as a push): what is checked stays true until it commits.
    if (request.decision === 'reject') await q.query('SELECT 1 FROM draft WHERE version_id = $1 FOR UPDATE', [request.versionId]);
    const [current] = await q.query<{ revision: string }>('SELECT revision FROM provision WHERE version_id = $1 AND uid = $2 FOR SHARE', [request.versionId, request.uid]);
    if (!current) throw new TeamError('NOT_FOUND', `No provision ${request.uid} in this draft.`);
    if (Number(current.revision) !== request.revision) {
      throw new TeamError('STALE', `The provision has changed since you read it (revision ${current.revision}, you decided on ${request.revision}). Read it again first.`, { current: Number(current.revision) });
    }
    let revisions: Record<string, number> = {};
    if (request.decision === 'reject') {
      const changes = request.changes ?? [];
      if (changes.length > 0) {
        const checked = await checkChanges(q, user, request.versionId, device, changes);
        if (checked.status === 'stale') throw new TeamError('STALE', 'The wording changed since you read it. Read it again first.', { current: checked.current.map((c) => c.revision) });
        if (checked.status === 'leased') throw new TeamError('LEASED', `${checked.holder} is editing this provision now.`, { holder: checked.holder, expiresAt: checked.expiresAt });
      }
      await requireRestoration(q, request.versionId, request.uid, changes, prepared);
      if (changes.length > 0) ({ revisions } = await applyChanges(q, user, { packageId, versionId: request.versionId, device, changes, detail: { rejected: request.uid }, action: 'reject-restore' }));
    }
    // What the decision stands on: the wording decided on, or the one its rejection restored.
    const standsOn = revisions[request.uid] ?? request.revision;
    const [{ seq }] = (await q.query<{ seq: string }>('INSERT INTO decision (package_id, version_id, uid, revision, decision, user_id, stands_on) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING seq', [packageId, request.versionId, request.uid, request.revision, request.decision, user.id, standsOn])) as [{ seq: string }];
    await appendAudit(q, { userId: user.id, device, action: `decision-${request.decision}`, packageId, versionId: request.versionId, uid: request.uid, baseRevision: request.revision, newRevision: null, detail: {} });
    await notify(q, { kind: 'decision', packageId, versionId: request.versionId, uid: request.uid, revision: request.revision, decision: request.decision, by: user.name, standsOn });
    return { seq: Number(seq), revisions };
  });
}

/**
 * The last decision on each provision of a draft, with the revision it was made on and the one it
 * stands on; `lapsed` when the provision changed after that (the decision was not made on the
 * wording there now: the amendment is proposed again).
 */
export async function decisionsOf(db: Db, user: TeamUser, versionId: string): Promise<{ uid: string; revision: number; decision: string; by: string; standsOn: number; lapsed: boolean }[]> {
  await packageOfDraft(db, user, versionId);
  const rows = await db.query<{ uid: string; revision: string; decision: string; name: string; stands_on: string; now: string | null }>(
    'SELECT DISTINCT ON (d.uid) d.uid, d.revision, d.decision, u.name, d.stands_on, p.revision AS now FROM decision d JOIN team_user u ON u.id = d.user_id LEFT JOIN provision p ON p.version_id = d.version_id AND p.uid = d.uid WHERE d.version_id = $1 ORDER BY d.uid, d.seq DESC',
    [versionId],
  );
  return rows.map((r) => ({ uid: r.uid, revision: Number(r.revision), decision: r.decision, by: r.name, standsOn: Number(r.stands_on), lapsed: r.now !== null && Number(r.now) > Number(r.stands_on) }));
}

/**
 * Adds a comment, a new version of one (`supersedes`: the author's own), or a deletion (a
 * tombstone): nothing is ever changed or removed. Readers cannot comment.
 */
export async function addComment(db: Db, user: TeamUser, request: CommentRequest, device: string): Promise<void> {
  requireRole(user, ['owner', 'drafter', 'reviewer'], 'comment');
  await db.tx(async (q) => {
    await lockAuditChain(q);
    await requireMember(q, user, request.packageId);
    // Sent again after a lost answer: taken once (the same id from the same person is the same comment).
    const [known] = await q.query<{ user_id: string }>('SELECT user_id FROM comment WHERE id = $1', [request.id]);
    if (known) {
      if (known.user_id === user.id) return;
      throw new TeamError('INVALID', `Comment ${request.id} is someone else's.`);
    }
    for (const [what, ref] of [['parent', request.parentId], ['earlier version', request.supersedes]] as const) {
      if (!ref) continue;
      const [other] = await q.query<{ package_id: string; uid: string; user_id: string }>('SELECT package_id, uid, user_id FROM comment WHERE id = $1', [ref]);
      if (!other || other.package_id !== request.packageId || other.uid !== request.uid) throw new TeamError('NOT_FOUND', `No comment ${ref} (its ${what}) on this provision.`);
      if (what === 'earlier version' && other.user_id !== user.id && user.role !== 'owner') throw new TeamError('FORBIDDEN', 'Only its author changes a comment.');
    }
    await q.query('INSERT INTO comment (id, package_id, uid, parent_id, supersedes, text, deleted, user_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [request.id, request.packageId, request.uid, request.parentId, request.supersedes, request.deleted ? '' : request.text, request.deleted, user.id]);
    await appendAudit(q, { userId: user.id, device, action: request.deleted ? 'comment-delete' : request.supersedes ? 'comment-edit' : 'comment', packageId: request.packageId, versionId: null, uid: request.uid, baseRevision: null, newRevision: null, detail: { commentId: request.id, ...(request.supersedes ? { supersedes: request.supersedes } : {}) } });
    await notify(q, { kind: 'comment', packageId: request.packageId, uid: request.uid, commentId: request.id, by: user.name });
  });
}

/**
 * The comments of a provision (or, without `uid`, of every provision of the package: what a
 * desktop catches up on after an absence), each line (a comment and the versions superseding it)
 * at its latest version, with that version's id and time; a deleted line as its tombstone, so
 * that a desktop which has it learns of the deletion.
 */
export async function commentsOf(db: Db, user: TeamUser, packageId: string, uid?: string): Promise<ServerComment[]> {
  await requireMember(db, user, packageId);
  const rows = await db.query<{ id: string; uid: string; parent_id: string | null; supersedes: string | null; text: string; deleted: boolean; user_id: string; name: string; at: Date }>('SELECT c.id, c.uid, c.parent_id, c.supersedes, c.text, c.deleted, c.user_id, u.name, c.at FROM comment c JOIN team_user u ON u.id = c.user_id WHERE c.package_id = $1 AND ($2::text IS NULL OR c.uid = $2) ORDER BY c.at, c.id', [packageId, uid ?? null]);
  // A version stands for the first comment of its line; the last version of a line is what it says.
  const rootOf = new Map<string, string>();
  const lines = new Map<string, { first: (typeof rows)[number]; latest: (typeof rows)[number] }>();
  for (const r of rows) {
    const root = r.supersedes ? (rootOf.get(r.supersedes) ?? r.supersedes) : r.id;
    rootOf.set(r.id, root);
    const line = lines.get(root);
    if (line) line.latest = r;
    else lines.set(root, { first: r, latest: r });
  }
  return [...lines.values()].map(({ first, latest }) => ({
    id: first.id,
    uid: first.uid,
    parentId: first.parent_id,
    text: latest.text,
    by: first.name,
    byId: first.user_id,
    at: first.at.toISOString(),
    ...(latest !== first ? { version: latest.id, editedAt: latest.at.toISOString() } : {}),
    ...(latest.deleted ? { deleted: true } : {}),
  }));
}
