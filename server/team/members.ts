import type { MembersRequest, TeamPerson } from '../../shared/team/contract';
import type { Db, Queryable } from '../db/connect';
import { appendAudit, lockAuditChain } from './audit';
import { TeamError } from './errors';
import { notify } from './events';
import { requireMember } from './packages';
import { requireRole, type TeamUser } from './users';

/**
 * The people a package is shared with, for someone who may change them (its publisher, or an
 * owner): a reviewer of another body does not learn who else is on it.
 */
export async function membersOf(db: Db, user: TeamUser, packageId: string): Promise<TeamPerson[]> {
  await requireMember(db, user, packageId);
  await requirePublisherOrOwner(db, user, packageId);
  return db.query<TeamPerson>('SELECT u.id, u.name, u.role FROM package_member m JOIN team_user u ON u.id = m.user_id WHERE m.package_id = $1 ORDER BY u.name, u.id', [packageId]);
}

/**
 * Shares a package with more people, or stops sharing it with some, after it was published (a
 * reviewer of the Ministry of Justice comes in at a later stage, a drafter leaves the department):
 * its publisher's or an owner's command. The publisher stays a member. Logged on the chain; those
 * added are told (their desktops join it), and every event stream reads again what its person
 * sees, so one removed hears nothing more of the package at once. Answers the members now.
 */
export async function changeMembers(db: Db, user: TeamUser, packageId: string, request: MembersRequest, device: string): Promise<TeamPerson[]> {
  await requireMember(db, user, packageId);
  return db.tx(async (q) => {
    await lockAuditChain(q);
    const publisher = await requirePublisherOrOwner(q, user, packageId);
    if (request.remove.includes(publisher)) throw new TeamError('INVALID', 'The publisher of a package stays one of its members.', { reason: 'publisher' });
    const both = request.add.filter((id) => request.remove.includes(id));
    if (both.length > 0) throw new TeamError('INVALID', `${both[0]} is both added and removed.`);
    const known = new Set((await q.query<{ id: string }>('SELECT id FROM team_user WHERE id = ANY($1::text[])', [[...request.add, ...request.remove]])).map((r) => r.id));
    const unknown = [...request.add, ...request.remove].find((id) => !known.has(id));
    if (unknown) throw new TeamError('NOT_FOUND', `No person ${unknown} in the team.`);
    const added = (await q.query<{ user_id: string }>('INSERT INTO package_member (package_id, user_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING RETURNING user_id', [packageId, request.add])).map((r) => r.user_id);
    const removed = (await q.query<{ user_id: string }>('DELETE FROM package_member WHERE package_id = $1 AND user_id = ANY($2::text[]) RETURNING user_id', [packageId, request.remove])).map((r) => r.user_id);
    if (added.length + removed.length > 0) {
      await appendAudit(q, { userId: user.id, device, action: 'members', packageId, versionId: null, uid: null, baseRevision: null, newRevision: null, detail: { added: added.sort(), removed: removed.sort() } });
      await notify(q, { kind: 'package', packageId, by: user.name });
    }
    return q.query<TeamPerson>('SELECT u.id, u.name, u.role FROM package_member m JOIN team_user u ON u.id = m.user_id WHERE m.package_id = $1 ORDER BY u.name, u.id', [packageId]);
  });
}

/** Refuses anyone but the package's publisher and the owners; the publisher's id. */
async function requirePublisherOrOwner(q: Db | Queryable, user: TeamUser, packageId: string): Promise<string> {
  const [row] = await q.query<{ published_by: string }>('SELECT published_by FROM package WHERE id = $1', [packageId]);
  if (!row) throw new TeamError('NOT_FOUND', `No package ${packageId} shared with you.`);
  if (user.role !== 'owner' && row.published_by !== user.id) requireRole(user, ['owner'], "change who a package is shared with (its publisher or an owner does)");
  return row.published_by;
}
