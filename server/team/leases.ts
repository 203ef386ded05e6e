import type { Lease, LeaseRequest } from '../../shared/team/contract';
import type { Db, Queryable } from '../db/connect';
import { appendAudit, lockAuditChain } from './audit';
import { notify } from './events';
import { TeamError } from './errors';
import { packageOfDraft } from './packages';
import { requireRole, type TeamUser } from './users';

/** How long a lease lasts without a heartbeat: a drafter who walks away frees the provision after this. */
export const LEASE_SECONDS = 120;

/**
 * Takes the lease of a provision for a person on one device, or renews theirs: typing in a
 * provision does this, and a heartbeat keeps it. Refused (LEASED, with the holder) while someone
 * else holds it; a lease past its time is anyone's.
 */
export async function takeLease(db: Db, user: TeamUser, request: LeaseRequest, seconds = LEASE_SECONDS): Promise<Lease> {
  requireRole(user, ['owner', 'drafter'], 'edit a draft');
  return db.tx(async (q) => {
    const packageId = await packageOfDraft(q, user, request.versionId);
    const rows = await q.query<{ expires_at: Date }>(
      `INSERT INTO lease (version_id, uid, user_id, device, expires_at) VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))
       ON CONFLICT (version_id, uid) DO UPDATE SET user_id = excluded.user_id, device = excluded.device, expires_at = excluded.expires_at
       WHERE lease.expires_at <= now() OR (lease.user_id = excluded.user_id AND lease.device = excluded.device)
       RETURNING expires_at`,
      [request.versionId, request.uid, user.id, request.device, seconds],
    );
    if (rows.length === 0) {
      const holder = await heldByOther(q, request.versionId, request.uid, user, request.device);
      throw new TeamError('LEASED', `${holder?.holder ?? 'Someone'} is editing this provision.`, { ...(holder ?? {}) });
    }
    const expiresAt = rows[0]!.expires_at.toISOString();
    await notify(q, { kind: 'lease', packageId, versionId: request.versionId, uid: request.uid, holder: user.name, expiresAt });
    return { versionId: request.versionId, uid: request.uid, holder: user.name, userId: user.id, device: request.device, expiresAt };
  });
}

/** Gives a lease back (the drafter left the provision); nothing when it is not theirs. */
export async function releaseLease(db: Db, user: TeamUser, request: LeaseRequest): Promise<void> {
  await db.tx(async (q) => {
    const packageId = await packageOfDraft(q, user, request.versionId);
    const gone = await q.query('DELETE FROM lease WHERE version_id = $1 AND uid = $2 AND user_id = $3 AND device = $4 RETURNING uid', [request.versionId, request.uid, user.id, request.device]);
    if (gone.length > 0) await notify(q, { kind: 'lease', packageId, versionId: request.versionId, uid: request.uid, holder: null, expiresAt: null });
  });
}

/**
 * An owner frees the leases of a draft (someone left with provisions held). Logged; the desktop
 * that held them keeps its pending text as a snapshot when it learns of it.
 */
export async function releaseAllLeases(db: Db, user: TeamUser, versionId: string, device: string): Promise<number> {
  requireRole(user, ['owner'], 'release the leases of others');
  return db.tx(async (q) => {
    await lockAuditChain(q);
    const packageId = await packageOfDraft(q, user, versionId);
    const gone = await q.query<{ uid: string; user_id: string }>('DELETE FROM lease WHERE version_id = $1 AND expires_at > now() RETURNING uid, user_id', [versionId]);
    for (const lease of gone) await notify(q, { kind: 'lease', packageId, versionId, uid: lease.uid, holder: null, expiresAt: null });
    await appendAudit(q, { userId: user.id, device, action: 'release-leases', packageId, versionId, uid: null, baseRevision: null, newRevision: null, detail: { released: gone.map((l) => ({ uid: l.uid, holder: l.user_id })) } });
    return gone.length;
  });
}

/** The leases held now on a draft (those past their time are not). */
export async function leasesOf(db: Db, user: TeamUser, versionId: string): Promise<Lease[]> {
  await packageOfDraft(db, user, versionId);
  const rows = await db.query<{ uid: string; user_id: string; name: string; device: string; expires_at: Date }>('SELECT l.uid, l.user_id, u.name, l.device, l.expires_at FROM lease l JOIN team_user u ON u.id = l.user_id WHERE l.version_id = $1 AND l.expires_at > now() ORDER BY l.uid', [versionId]);
  return rows.map((r) => ({ versionId, uid: r.uid, holder: r.name, userId: r.user_id, device: r.device, expiresAt: r.expires_at.toISOString() }));
}

/** Who else holds a provision's lease now, if anyone (the same person on another device is someone else: two windows must not both type). */
export async function heldByOther(q: Queryable, versionId: string, uid: string, user: TeamUser, device: string): Promise<{ holder: string; expiresAt: string } | null> {
  const [row] = await q.query<{ name: string; expires_at: Date }>('SELECT u.name, l.expires_at FROM lease l JOIN team_user u ON u.id = l.user_id WHERE l.version_id = $1 AND l.uid = $2 AND l.expires_at > now() AND NOT (l.user_id = $3 AND l.device = $4)', [versionId, uid, user.id, device]);
  return row ? { holder: row.name, expiresAt: row.expires_at.toISOString() } : null;
}
