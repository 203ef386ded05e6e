import { randomUUID } from 'node:crypto';
import type { TeamRole } from '../../shared/team/contract';
import type { Db, Queryable } from '../db/connect';
import { TeamError } from './errors';
import { newToken, tokenHash } from './tokens';

/** A person of the team, as the service knows them after their token. */
export interface TeamUser {
  id: string;
  name: string;
  role: TeamRole;
}

/** Adds a person; their token, returned here, is not kept and cannot be shown again. */
export async function addUser(db: Db, name: string, role: TeamRole): Promise<{ user: TeamUser; token: string }> {
  const token = newToken();
  const id = randomUUID();
  await db.query('INSERT INTO team_user (id, name, role, token_hash) VALUES ($1, $2, $3, $4)', [id, name, role, tokenHash(token)]);
  return { user: { id, name, role }, token };
}

/** Revokes a person's token: from now on it opens nothing. */
export async function revokeUser(db: Db, id: string): Promise<void> {
  const rows = await db.query('UPDATE team_user SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id', [id]);
  if (rows.length === 0) throw new TeamError('NOT_FOUND', `No person ${id} with a token in use.`);
}

/** The person a token belongs to, or UNAUTHORIZED (no token, an unknown or a revoked one). */
export async function userOfToken(db: Db | Queryable, token: string | null): Promise<TeamUser> {
  if (!token) throw new TeamError('UNAUTHORIZED', 'A token is needed (Authorization: Bearer …).');
  const [row] = await db.query<TeamUser>('SELECT id, name, role FROM team_user WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash(token)]);
  if (!row) throw new TeamError('UNAUTHORIZED', 'This token is not known or has been revoked.');
  return row;
}

/** Refuses a person whose role cannot do something. */
export function requireRole(user: TeamUser, roles: readonly TeamRole[], what: string): void {
  if (!roles.includes(user.role)) throw new TeamError('FORBIDDEN', `A ${user.role} cannot ${what}.`, { role: user.role });
}

/**
 * The people of the team with a token in use, for a publisher to choose a package's members from
 * (names and roles only). Only those who may publish see the list: a reviewer of another body does
 * not learn who else is in the team.
 */
export async function listUsers(db: Db, user: TeamUser): Promise<TeamUser[]> {
  requireRole(user, ['owner', 'drafter'], 'see the people of the team');
  return db.query<TeamUser>('SELECT id, name, role FROM team_user WHERE revoked_at IS NULL ORDER BY name, id');
}
