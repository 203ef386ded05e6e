import { StoreError } from '../store/errors';
import { NO_PACKAGE, record } from './audit/log';
import type { ServiceContext, ReadContext } from './context';

/** Who is working: the name and role shown as author on amendments, comments and tracked changes. */
export interface Identity {
  name: string;
  role: string;
}

/** The identity set in the settings, or null before the first start asked for it. */
export function getIdentity(ctx: ReadContext): Identity | null {
  const name = ctx.store.review.setting('user.name');
  return name ? { name, role: ctx.store.review.setting('user.role') ?? '' } : null;
}

/** Sets the user's name and role. */
export function setIdentity(ctx: ServiceContext, identity: Identity): Identity {
  if (!identity.name.trim()) throw new StoreError('INVALID_INPUT', 'A name is needed.', 'identity.needsName');
  ctx.store.transaction(() => {
    // Logged by who was named before (nobody on a first start); the entry names the new identity.
    record(ctx, NO_PACKAGE, null, 'identity', { name: identity.name.trim(), role: identity.role.trim() });
    ctx.store.review.setSetting('user.name', identity.name.trim());
    ctx.store.review.setSetting('user.role', identity.role.trim());
  });
  return getIdentity(ctx) as Identity;
}

/** The identity, or the error that asks for it. */
export function requireIdentity(ctx: ReadContext): Identity {
  const identity = getIdentity(ctx);
  if (!identity) throw new StoreError('NOT_READY', 'Set your name and role first: review actions are signed.', 'identity.required');
  return identity;
}

/** The settings that keep this desktop's person on its team server (TeamHost, on each connection): their name and their id there. */
const TEAM_PERSON = 'team.person';
const TEAM_PERSON_ID = 'team.person.id';

/** Keeps the person the team server knows this desktop by (from its /v1/me): the name for signatures, the id for what is theirs. */
export function setTeamPerson(ctx: ServiceContext, person: { id: string; name: string }): void {
  if (ctx.store.review.setting(TEAM_PERSON) !== person.name) ctx.store.review.setSetting(TEAM_PERSON, person.name);
  if (ctx.store.review.setting(TEAM_PERSON_ID) !== person.id) ctx.store.review.setSetting(TEAM_PERSON_ID, person.id);
}

/**
 * The team server's id of this desktop's person, on a package on a team server: what tells their
 * own comments there from a namesake's. Null off a team, or before the desktop first connected.
 */
export function teamPersonId(ctx: ReadContext, packageId: string): string | null {
  return ctx.store.team.linkOf(packageId) ? (ctx.store.review.setting(TEAM_PERSON_ID) ?? null) : null;
}

/**
 * The name a change to a package made here is signed with: on a package on a team server, the
 * person's name there — the one every other desktop signs the same change with when it arrives
 * (team/signer.ts) — else the identity set here; null when neither is known.
 */
export function changeSigner(ctx: ReadContext, packageId: string | null): string | null {
  const team = packageId && ctx.store.team.linkOf(packageId) ? ctx.store.review.setting(TEAM_PERSON) : null;
  return team ?? getIdentity(ctx)?.name ?? null;
}
