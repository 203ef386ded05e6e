import type { PushChange } from '../../shared/team/contract';
import type { Queryable } from '../db/connect';
import { TeamError } from './errors';
import type { StoredProvision } from './push';

/** The parts of a row that say what a provision is (its wording); the rest says where it stands. */
interface Wording {
  kind: string;
  num: string;
  heading: string | null;
  text: string;
  repealed: boolean;
}

/**
 * Refuses a rejection's changes that do anything but put the law in force back: a provision may
 * take its wording in force (the text, heading, number, kind and state the published law has for
 * it), or keep its wording and move (a unit put back where the law has it, its neighbours
 * renumbered in place), or go when the law in force never had it (an inserted unit). A reviewer
 * does not push; this is the one way their desktop changes a draft's text on the server.
 */
export async function requireRestoration(q: Queryable, versionId: string, changes: readonly PushChange[], stored: ReadonlyMap<string, StoredProvision>): Promise<void> {
  const uids = changes.map((c) => c.uid);
  const inForce = new Map(
    (await q.query<{ row: Wording & { uid: string } }>("SELECT elem AS row FROM draft, jsonb_array_elements(base->'rows') elem WHERE version_id = $1 AND elem->>'uid' = ANY($2)", [versionId, uids])).map((r) => [r.row.uid, r.row]),
  );
  for (const change of changes) {
    const base = inForce.get(change.uid);
    const now = stored.get(change.uid)?.row as (Wording & Record<string, unknown>) | null | undefined;
    const ok = change.row === null ? base === undefined : (base !== undefined && sameWording(change.row, base)) || (now != null && sameWording(change.row, now));
    if (!ok) throw new TeamError('INVALID', `A rejection puts the law in force back; its change to provision ${change.uid} does something else.`);
  }
}

function sameWording(a: Wording, b: Wording): boolean {
  return a.kind === b.kind && a.num === b.num && (a.heading ?? null) === (b.heading ?? null) && a.text === b.text && a.repealed === b.repealed;
}
