import { z } from 'zod';
import { isWellFormedText } from '../text/well-formed';

/**
 * What the desktop's main process tells its window of team mode (the IPC channels getTeamStatus,
 * watchTeam, getTeamDraft in shared/ipc.ts): schemas of their replies, checked as every reply is.
 */

const str = () => z.string().refine(isWellFormedText, { message: 'not well-formed text (a lone surrogate or a NUL character)' });

/**
 * The name of the snapshot a desktop keeps of its unpushed text when an owner releases its leases
 * (electron/team/host.ts): a name the window says in its own language, not a drafter's words.
 */
export const LEASES_RELEASED_SNAPSHOT = 'team:leases-released';

/** What the app shows of team mode (electron/team/host.ts TeamView). */
export const teamViewSchema = z.object({
  connected: z.boolean(),
  url: str().nullable(),
  user: z.object({ name: str(), role: str() }).nullable(),
  state: z.enum(['online', 'offline', 'syncing', 'off']),
  queue: z.number().int().min(0),
  notice: z.union([z.object({ kind: z.literal('leased'), uid: str(), holder: str() }), z.object({ kind: z.literal('conflicts'), count: z.number().int(), packageId: str(), versionId: str() }), z.object({ kind: z.literal('refused'), code: str(), message: str() })]).nullable(),
  kept: z.enum(['keychain', 'file']).nullable(),
  seq: z.number().int().min(0),
  joined: z.number().int().min(0),
});
/** What a draft's editor shows of team mode (electron/team/host.ts TeamDraftView). */
export const teamDraftSchema = z.object({
  linked: z.boolean(),
  leases: z.array(z.object({ uid: str(), holder: str(), expiresAt: str() })),
  mine: z.array(str()),
  changed: z.number().int().min(0),
  reviewed: z.number().int().min(0),
});
