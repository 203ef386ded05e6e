import { derive } from '../../shared/amend';
import { rejectionOf } from '../../shared/amend/reject';
import { rowsToLaw, type Lang, type ProvisionRow, type RowChanges } from '../../shared/law';
import type { PushChange } from '../../shared/team/contract';
import type { Queryable } from '../db/connect';
import { TeamError } from './errors';

/**
 * Refuses a rejection whose changes are not exactly what rejecting the amendment of provision
 * `uid` does to the draft as the server has it: the server works the rejection out again from its
 * own rows (the same code the desktop runs) and takes the reviewer's changes only when they are
 * those, row for row. So a reviewer — who does not push — changes nothing but the rejected unit
 * and what its rejection puts back (the units its repeal dropped, neighbours renumbered around a
 * unit put back in place), and never leaves the draft in a shape the desktops could not load.
 * A desktop out of step with the server works out something else: refused too (read it again).
 */
export async function requireRestoration(q: Queryable, versionId: string, uid: string, changes: readonly PushChange[]): Promise<void> {
  const expected = await rejectionOnServer(q, versionId, uid);
  const sent = new Map(changes.map((c) => [c.uid, c.row === null ? null : canonical(c.row)]));
  const wanted = new Map<string, string | null>([...expected.upserts.map((r) => [r.uid, canonical(r)] as const), ...expected.deletes.map((d) => [d, null] as const)]);
  const differs = [...new Set([...sent.keys(), ...wanted.keys()])].find((u) => !sent.has(u) || !wanted.has(u) || sent.get(u) !== wanted.get(u));
  if (differs !== undefined) {
    throw new TeamError('INVALID', `A rejection puts the law in force back and does nothing else; its change to provision ${differs} is not what rejecting ${uid} does to the draft on the server. Read the draft again, then decide.`, { provision: differs });
  }
}

async function rejectionOnServer(q: Queryable, versionId: string, uid: string): Promise<RowChanges> {
  const [draft] = await q.query<{ lang: Lang; base: { rows: ProvisionRow[] } }>('SELECT lang, base FROM draft WHERE version_id = $1', [versionId]);
  if (!draft) throw new TeamError('NOT_FOUND', `No draft ${versionId}.`);
  const rows = (await q.query<{ row: ProvisionRow }>('SELECT row FROM provision WHERE version_id = $1 AND row IS NOT NULL', [versionId])).map((r) => r.row);
  const base = draft.base.rows;
  const amendment = derive(rowsToLaw(base, draft.lang), rowsToLaw(rows, draft.lang)).find((a) => a.uid === uid);
  if (!amendment) throw new TeamError('INVALID', `Provision ${uid} has no amendment in this draft: there is nothing to reject.`);
  try {
    return rejectionOf({ amendment, base, draft: rows, lang: draft.lang });
  } catch (error) {
    throw new TeamError('INVALID', `The amendment of provision ${uid} cannot be rejected by itself: ${(error as Error).message}`);
  }
}

/** A row as a string with its fields in one order, so two rows compare by what they say. */
function canonical(row: ProvisionRow): string {
  return JSON.stringify([row.uid, row.parentUid, row.ord, row.kind, row.num, row.heading, row.text, row.repealed, row.notes]);
}
