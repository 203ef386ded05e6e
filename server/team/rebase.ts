import { rebase, RebaseError, type RebaseConflict } from '../../shared/amend';
import { diffRows, lawToRows, rowsToLaw, type Lang, type ProvisionRow } from '../../shared/law';
import { LawStructureError } from '../../shared/law/structure-error';
import type { PushChange, RebaseReply, RebaseRequest, TeamEvent, TeamRebase } from '../../shared/team/contract';
import type { Db, Queryable } from '../db/connect';
import { appendAudit, lockAuditChain } from './audit';
import { notify } from './events';
import { TeamError } from './errors';
import { packageOfDraft } from './packages';
import { applyChanges, checkChanges } from './push';
import { requireRole, type TeamUser } from './users';

/** The share of the units of the text a draft is on that must continue in the new one (by uid) for it to count as a later text of the same law. */
const LINEAGE_SHARE = 0.5;

/** A law's text a draft is on, as the server keeps it. */
type StoredBase = RebaseRequest['base'];

/**
 * Moves a draft onto a later text in force of the law it amends, for the whole team: an owner's
 * command. The server works the move out itself, three ways, from its own rows (the code a
 * desktop's import runs: shared/amend/rebase.ts): what only the law changed comes in, what only
 * the drafters changed stays, and a provision both changed keeps the new law's wording with the
 * drafters' kept as a conflict for them to choose on. The provisions that change get new revisions
 * made by the owner (a desktop's push on an earlier one is refused as stale, as any), the text the
 * draft was on is kept (draft_base_replaced), the move is logged on the chain and announced.
 * Refused: a text that is not later, or not of the same law (too few of its units continue), or
 * one the draft could not be moved onto; a provision it changes whose lease someone else holds.
 */
export async function rebaseDraft(db: Db, user: TeamUser, versionId: string, request: RebaseRequest, device: string): Promise<RebaseReply> {
  requireRole(user, ['owner'], "move a draft onto a later text of the law (the team's owner does)");
  return db.tx(async (q) => {
    await lockAuditChain(q);
    const packageId = await packageOfDraft(q, user, versionId);
    const [draft] = await q.query<{ lang: Lang; base: StoredBase }>('SELECT lang, base FROM draft WHERE version_id = $1 FOR UPDATE', [versionId]);
    const from = draft!.base;
    const onto = request.base;
    requireLaterText(from, onto);
    const stored = await q.query<{ uid: string; revision: string; row: ProvisionRow | null }>('SELECT uid, revision, row FROM provision WHERE version_id = $1', [versionId]);
    const rows = stored.flatMap((p) => (p.row ? [p.row] : []));
    const moved = move(from, onto, rows, draft!.lang);
    const revisionOf = new Map(stored.map((p) => [p.uid, Number(p.revision)]));
    const changes: PushChange[] = [
      ...moved.changes.upserts.map((row) => ({ uid: row.uid, baseRevision: revisionOf.get(row.uid) ?? null, row })),
      ...moved.changes.deletes.map((uid) => ({ uid, baseRevision: revisionOf.get(uid)!, row: null })),
    ];
    const checked = await checkChanges(q, user, versionId, device, changes);
    if (checked.status === 'leased') return checked;
    if (checked.status !== 'ok') throw new TeamError('STALE', 'The draft changed while it was being moved; try again.');
    const detail = { from: from.versionId, onto: onto.versionId, inForceFrom: onto.inForceFrom, carried: moved.carried, conflicts: moved.conflicts.length };
    const applied = changes.length > 0 ? await applyChanges(q, user, { packageId, versionId, device, changes, detail, action: 'rebase-change' }) : { revisions: {}, seq: 0 };
    await q.query('INSERT INTO draft_base_replaced (version_id, base, replaced_by) VALUES ($1, $2, $3)', [versionId, JSON.stringify(from), user.id]);
    // Each conflict with the revision the move left its provision on: a later one is a drafter's choice.
    const conflicts = moved.conflicts.map((c) => {
      const left = applied.revisions[c.uid] ?? revisionOf.get(c.uid);
      return left === undefined ? c : { ...c, revision: left };
    });
    const rebased: TeamRebase = { from: from.versionId, onto: onto.versionId, inForceFrom: onto.inForceFrom, by: user.name, at: new Date().toISOString(), carried: moved.carried, conflicts };
    await q.query('UPDATE draft SET base = $2, rebased = $3 WHERE version_id = $1', [versionId, JSON.stringify(onto), JSON.stringify(rebased)]);
    await appendAudit(q, { userId: user.id, device, action: 'rebase', packageId, versionId, uid: null, baseRevision: null, newRevision: applied.seq || null, detail });
    const event: TeamEvent = { kind: 'rebase', packageId, versionId, onto: onto.versionId, inForceFrom: onto.inForceFrom, by: user.name, conflicts: moved.conflicts.length };
    await notify(q, event);
    return { status: 'applied', revisions: applied.revisions, seq: applied.seq, carried: moved.carried, conflicts: moved.conflicts.length };
  });
}

/** Refuses a text that is not a later one of the same law than the one the draft is on. */
function requireLaterText(from: StoredBase, onto: StoredBase): void {
  if (onto.versionId === from.versionId) throw new TeamError('INVALID', 'The draft is on this text already.', { reason: 'same' });
  if (from.inForceFrom && (!onto.inForceFrom || onto.inForceFrom <= from.inForceFrom)) {
    throw new TeamError('INVALID', `A draft moves onto a later text in force only: it is on the text in force from ${from.inForceFrom}.`, { reason: 'notLater', inForceFrom: from.inForceFrom });
  }
  const continuing = new Set(onto.rows.map((r) => r.uid));
  const kept = from.rows.filter((r) => continuing.has(r.uid)).length;
  if (from.rows.length > 0 && kept < from.rows.length * LINEAGE_SHARE) {
    throw new TeamError('INVALID', `This is not a later text of the law the draft amends: ${kept} of its ${from.rows.length} units continue in it.`, { reason: 'otherLaw' });
  }
}

/** The move worked out: the draft's rows that change, what was carried over and what waits for a choice. */
function move(from: StoredBase, onto: StoredBase, rows: ProvisionRow[], lang: Lang): { changes: ReturnType<typeof diffRows>; carried: number; conflicts: RebaseConflict[] } {
  try {
    const result = rebase(rowsToLaw(from.rows, lang), rowsToLaw(onto.rows, lang), rowsToLaw(rows, lang));
    return { changes: diffRows(rows, lawToRows(result.merged)), carried: result.carried, conflicts: result.conflicts };
  } catch (error) {
    if (error instanceof RebaseError || error instanceof LawStructureError) throw new TeamError('INVALID', `The draft cannot be moved onto this text: ${error.message}`, { reason: 'cannotMove' });
    throw error;
  }
}
