import { derive } from '../../shared/amend';
import { rejectionOf } from '../../shared/amend/reject';
import { rowsToLaw, type Lang, type ProvisionRow, type RowChanges } from '../../shared/law';
import type { PushChange } from '../../shared/team/contract';
import type { Queryable } from '../db/connect';
import { TeamError } from './errors';

/**
 * What rejecting the amendment of provision `uid` does to the draft as the server has it, worked
 * out before the decision's transaction takes its locks: on a code that is a read of the whole
 * draft and a derivation of its amendments (a fifth of a second), which inside would hold the
 * audit chain's lock — every push of every draft waiting behind it (npm run bench:team-review).
 * It stands for the draft as it was at `upTo` on the text `baseId`; requireRestoration works it out
 * again inside when the draft changed since.
 */
export interface PreparedRejection {
  versionId: string;
  uid: string;
  upTo: number;
  baseId: string;
  outcome: { changes: RowChanges } | { refusal: TeamError };
}

/** Works a rejection out from a snapshot of the draft, outside any lock (see PreparedRejection); the law's text kept for the next. */
export async function prepareRejection(db: Queryable, versionId: string, uid: string): Promise<PreparedRejection> {
  const draft = await draftAsStored(db, versionId, db);
  return { versionId, uid, upTo: draft.upTo, baseId: draft.baseId, outcome: outcomeOf(draft, uid) };
}

/**
 * Refuses a rejection whose changes are not exactly what rejecting the amendment of provision
 * `uid` does to the draft as the server has it: the server works the rejection out again from its
 * own rows (the same code the desktop runs) and takes the reviewer's changes only when they are
 * those, row for row. So a reviewer — who does not push — changes nothing but the rejected unit
 * and what its rejection puts back (the units its repeal dropped, neighbours renumbered around a
 * unit put back in place), and never leaves the draft in a shape the desktops could not load.
 * A desktop out of step with the server works out something else: refused too (read it again).
 * Call inside the decision's transaction, the draft locked: `prepared` (prepareRejection) is used
 * when the draft has not changed since it was made, else the rejection is worked out again here.
 */
export async function requireRestoration(q: Queryable, versionId: string, uid: string, changes: readonly PushChange[], prepared?: PreparedRejection): Promise<void> {
  const outcome = (await stillCurrent(q, prepared, versionId, uid)) ?? outcomeOf(await draftAsStored(q, versionId), uid);
  if ('refusal' in outcome) throw outcome.refusal;
  const expected = outcome.changes;
  const sent = new Map(changes.map((c) => [c.uid, c.row === null ? null : canonical(c.row)]));
  const wanted = new Map<string, string | null>([...expected.upserts.map((r) => [r.uid, canonical(r)] as const), ...expected.deletes.map((d) => [d, null] as const)]);
  const differs = [...new Set([...sent.keys(), ...wanted.keys()])].find((u) => !sent.has(u) || !wanted.has(u) || sent.get(u) !== wanted.get(u));
  if (differs !== undefined) {
    throw new TeamError('INVALID', `A rejection puts the law in force back and does nothing else; its change to provision ${differs} is not what rejecting ${uid} does to the draft on the server. Read the draft again, then decide.`, { provision: differs });
  }
}

/** The prepared outcome when the draft is still as it was when it was prepared (same text, no revision after), else null. */
async function stillCurrent(q: Queryable, prepared: PreparedRejection | undefined, versionId: string, uid: string): Promise<PreparedRejection['outcome'] | null> {
  if (!prepared || prepared.versionId !== versionId || prepared.uid !== uid) return null;
  const [now] = await q.query<{ up_to: string | null; base_id: string }>("SELECT (SELECT max(revision) FROM provision WHERE version_id = $1) AS up_to, base_head->>'versionId' AS base_id FROM draft WHERE version_id = $1", [versionId]);
  return now && Number(now.up_to ?? 0) === prepared.upTo && now.base_id === prepared.baseId ? prepared.outcome : null;
}

/** How many texts of laws (their rows, as read) are kept in memory for rejections: a code's is some megabytes. */
const TEXTS_KEPT = 4;
/**
 * The rows of the texts drafts stand on, for each database (a process may serve, or test, more
 * than one), by the draft's id and the text's: a text's rows never change under its id (a move
 * gives the draft a new one).
 */
const textsOf = new WeakMap<object, Map<string, ProvisionRow[]>>();

/** The rows of the law a draft stands on: read from the database the first time only (with `db`, whose texts are kept). */
async function baseRows(q: Queryable, versionId: string, baseId: string, db?: object): Promise<ProvisionRow[]> {
  const texts = db ? (textsOf.get(db) ?? textsOf.set(db, new Map()).get(db)!) : undefined;
  const key = `${versionId} ${baseId}`;
  const kept = texts?.get(key);
  if (kept) return kept;
  const [read] = await q.query<{ rows: ProvisionRow[] }>("SELECT base->'rows' AS rows FROM draft WHERE version_id = $1 AND base_head->>'versionId' = $2", [versionId, baseId]);
  if (!read) throw new TeamError('STALE', 'The draft was moved onto another text meanwhile; read it again, then decide.');
  if (texts) {
    texts.set(key, read.rows);
    // The oldest one read goes first.
    for (const old of texts.keys()) if (texts.size > TEXTS_KEPT) texts.delete(old);
  }
  return read.rows;
}

/** A draft as stored: its language, the law it is on, its rows, and its highest revision (one statement for the rows and revisions). */
async function draftAsStored(q: Queryable, versionId: string, kept?: object): Promise<{ lang: Lang; baseId: string; base: ProvisionRow[]; rows: ProvisionRow[]; upTo: number }> {
  const [head] = await q.query<{ lang: Lang; base_id: string }>("SELECT lang, base_head->>'versionId' AS base_id FROM draft WHERE version_id = $1", [versionId]);
  if (!head) throw new TeamError('NOT_FOUND', `No draft ${versionId}.`);
  const draft = { lang: head.lang, base: { versionId: head.base_id, rows: await baseRows(q, versionId, head.base_id, kept) } };
  const stored = await q.query<{ row: ProvisionRow | null; revision: string }>('SELECT row, revision FROM provision WHERE version_id = $1', [versionId]);
  const rows = stored.flatMap((r) => (r.row ? [r.row] : []));
  const upTo = stored.reduce((top, r) => Math.max(top, Number(r.revision)), 0);
  return { lang: draft.lang, baseId: draft.base.versionId, base: draft.base.rows, rows, upTo };
}

/** What rejecting `uid` does to a draft as stored: the changes, or why it cannot be rejected. */
function outcomeOf(draft: { lang: Lang; base: ProvisionRow[]; rows: ProvisionRow[] }, uid: string): PreparedRejection['outcome'] {
  const amendment = derive(rowsToLaw(draft.base, draft.lang), rowsToLaw(draft.rows, draft.lang)).find((a) => a.uid === uid);
  if (!amendment) return { refusal: new TeamError('INVALID', `Provision ${uid} has no amendment in this draft: there is nothing to reject.`) };
  try {
    return { changes: rejectionOf({ amendment, base: draft.base, draft: draft.rows, lang: draft.lang }) };
  } catch (error) {
    return { refusal: new TeamError('INVALID', `The amendment of provision ${uid} cannot be rejected by itself: ${(error as Error).message}`) };
  }
}

/** A row as a string with its fields in one order, so two rows compare by what they say. */
function canonical(row: ProvisionRow): string {
  return JSON.stringify([row.uid, row.parentUid, row.ord, row.kind, row.num, row.heading, row.text, row.repealed, row.notes]);
}
