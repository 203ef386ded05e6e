import type { PushChange, PushReply, PushRequest, TeamEvent } from '../../shared/team/contract';
import type { Db, Queryable } from '../db/connect';
import { appendAudit, lockAuditChain } from './audit';
import { notify } from './events';
import { TeamError } from './errors';
import { heldByOther } from './leases';
import { packageOfDraft } from './packages';
import { requireRole, type TeamUser } from './users';

/** How many provisions a push notification names before it says "pull the draft" instead. */
const NOTIFY_UNITS = 100;

/** A provision as stored, with the name of who made its revision. */
export interface StoredProvision {
  uid: string;
  revision: string;
  row: { parentUid: string | null; ord: number; kind: string; num: string } | null;
  /** The name of who made the revision, and when. */
  name: string;
  changed_at: Date;
}

/**
 * Applies a push of changes to one draft, all or nothing. Each change names the revision of the
 * provision it was made on: if any is no longer current (another drafter's push came first, or
 * the edit was made offline), the whole push is refused as stale, with the provisions as they
 * are now, for the desktop to rebase and push again after its drafter chose — never merged here.
 * A provision whose lease someone else holds (or, for an insertion, a deletion or a move, whose
 * parent's lease) refuses the push too. A push is decided once per `opId`: a retry after a lost
 * answer (the server killed mid-push) gets the first answer, and is applied once.
 */
export async function push(db: Db, user: TeamUser, request: PushRequest): Promise<PushReply> {
  requireRole(user, ['owner', 'drafter'], 'change a draft');
  const decided = await storedReply(db, user, request.opId);
  if (decided) return decided;
  try {
    return await db.tx(async (q) => {
      await lockAuditChain(q);
      const packageId = await packageOfDraft(q, user, request.versionId);
      // One push at a time per draft: what it checks stays true until it commits.
      await q.query('SELECT 1 FROM draft WHERE version_id = $1 FOR UPDATE', [request.versionId]);
      const again = await storedReply(q, user, request.opId);
      if (again) return again;
      const reply = await decide(q, user, packageId, request);
      // A lease someone holds is not a decision on the push: the same push is tried again later.
      if (reply.status === 'leased') return reply;
      await q.query('INSERT INTO push (op_id, user_id, device, version_id, reply) VALUES ($1, $2, $3, $4, $5)', [request.opId, user.id, request.device, request.versionId, JSON.stringify(reply)]);
      return reply;
    });
  } catch (error) {
    // The same push, retried while the first was committing: the first one's answer.
    if ((error as { code?: string }).code === '23505') {
      const first = await storedReply(db, user, request.opId);
      if (first) return first;
    }
    throw error;
  }
}

async function storedReply(q: Db | Queryable, user: TeamUser, opId: string): Promise<PushReply | null> {
  const [row] = await q.query<{ user_id: string; reply: PushReply }>('SELECT user_id, reply FROM push WHERE op_id = $1', [opId]);
  if (!row) return null;
  if (row.user_id !== user.id) throw new TeamError('INVALID', `Push ${opId} was made by someone else.`);
  return row.reply;
}

async function decide(q: Queryable, user: TeamUser, packageId: string, request: PushRequest): Promise<PushReply> {
  const checked = await checkChanges(q, user, request.versionId, request.device, request.changes);
  if (checked.status !== 'ok') return checked;
  const { revisions, seq } = await applyChanges(q, user, { packageId, versionId: request.versionId, device: request.device, changes: request.changes, detail: { opId: request.opId } });
  return { status: 'applied', revisions, seq };
}

/**
 * Whether changes to a draft may be applied now: each made on its provision's current revision
 * (else stale, with the provisions as they are now, who made them included), and none on a
 * provision (or, for a change of structure, a parent) whose lease someone else holds. Call inside
 * the transaction that applies them, the draft's row locked.
 */
export async function checkChanges(q: Queryable, user: TeamUser, versionId: string, device: string, changes: readonly PushChange[]): Promise<{ status: 'ok'; stored: Map<string, StoredProvision> } | Exclude<PushReply, { status: 'applied' }>> {
  const uids = [...new Set(changes.map((c) => c.uid))];
  if (uids.length !== changes.length) throw new TeamError('INVALID', 'A push names each provision once.');
  const stored = new Map((await q.query<StoredProvision>('SELECT p.uid, p.revision, p.row, u.name, p.changed_at FROM provision p JOIN team_user u ON u.id = p.changed_by WHERE p.version_id = $1 AND p.uid = ANY($2)', [versionId, uids])).map((p) => [p.uid, p]));
  const stale = changes.filter((c) => (stored.get(c.uid) ? Number(stored.get(c.uid)!.revision) : null) !== c.baseRevision);
  if (stale.length > 0) {
    return { status: 'stale', current: stale.filter((c) => stored.has(c.uid)).map((c) => ({ uid: c.uid, revision: Number(stored.get(c.uid)!.revision), row: stored.get(c.uid)!.row as never, by: stored.get(c.uid)!.name, at: stored.get(c.uid)!.changed_at.toISOString() })) };
  }
  for (const change of changes) {
    for (const uid of leasesNeeded(change, stored.get(change.uid))) {
      const holder = await heldByOther(q, versionId, uid, user, device);
      if (holder) return { status: 'leased', uid, holder: holder.holder, expiresAt: holder.expiresAt };
    }
  }
  return { status: 'ok', stored };
}

/**
 * Applies checked changes to a draft: each provision at a new revision made by `user`, logged on
 * the server's chain (`detail` with each entry), and announced to the package's people as a push.
 */
export async function applyChanges(q: Queryable, user: TeamUser, input: { packageId: string; versionId: string; device: string; changes: readonly PushChange[]; detail: Record<string, unknown>; action?: string }): Promise<{ revisions: Record<string, number>; seq: number }> {
  const revisions: Record<string, number> = {};
  let seq = 0;
  for (const change of input.changes) {
    const [{ revision }] = (await q.query<{ revision: string }>(
      // When the drafter made it (their save), never later than now: a desktop's clock ahead does not date a change in the future.
      "INSERT INTO provision (version_id, uid, revision, row, changed_by, changed_at) VALUES ($1, $2, nextval('revision_seq'), $3, $4, LEAST(COALESCE($5::timestamptz, now()), now())) ON CONFLICT (version_id, uid) DO UPDATE SET revision = excluded.revision, row = excluded.row, changed_by = excluded.changed_by, changed_at = excluded.changed_at RETURNING revision",
      [input.versionId, change.uid, change.row ? JSON.stringify(change.row) : null, user.id, change.madeAt ?? null],
    )) as [{ revision: string }];
    revisions[change.uid] = Number(revision);
    seq = Math.max(seq, Number(revision));
    await appendAudit(q, { userId: user.id, device: input.device, action: input.action ?? (change.row ? (change.baseRevision === null ? 'insert' : 'change') : 'delete'), packageId: input.packageId, versionId: input.versionId, uid: change.uid, baseRevision: change.baseRevision, newRevision: Number(revision), detail: input.detail });
  }
  const units = Object.keys(revisions).length;
  const event: TeamEvent = { kind: 'push', packageId: input.packageId, versionId: input.versionId, seq, revisions: units <= NOTIFY_UNITS ? revisions : {}, partial: units > NOTIFY_UNITS, by: user.name };
  await notify(q, event);
  return { revisions, seq };
}

/**
 * The leases a change must not find held by someone else: its provision's, and for a change of
 * structure (a provision added or deleted, or moved, renumbered or changed in kind) its parent's,
 * before and after.
 */
function leasesNeeded(change: PushChange, before: StoredProvision | undefined): string[] {
  const after = change.row;
  const was = before?.row ?? null;
  const structural = !after || !was || after.parentUid !== was.parentUid || after.ord !== was.ord || after.kind !== was.kind || after.num !== was.num;
  const needed = new Set([change.uid]);
  if (structural) {
    if (after?.parentUid) needed.add(after.parentUid);
    if (was?.parentUid) needed.add(was.parentUid);
  }
  return [...needed];
}
