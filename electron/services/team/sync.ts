import { structuralLabel } from '../../../shared/amend/label';
import type { PathStep, UnitState } from '../../../shared/amend';
import { sameRow, type Lang, type ProvisionRow } from '../../../shared/law';
import { momentSchema, type PulledDraft, type PushReply } from '../../../shared/team/contract';
import type { OutboxEntry } from '../../store/repositories/team';
import { record } from '../audit/log';
import { whenWritable, type ServiceContext } from '../context';
import { TeamRefused, TeamUnreachable, type TeamApi } from './api';
import { lapseDecisions } from './decisions';
import { pullFrom, takePulled, type PulledProvision } from './pull';

/** Where pushing the outbox stopped. */
export type PushOutcome =
  | { state: 'done'; pushed: number }
  /** The server could not be reached: the outbox waits, in order, for the next try. */
  | { state: 'offline'; pushed: number; waiting: number }
  /** Someone else holds the lease of a provision a push touches: it waits until they let go. */
  | { state: 'leased'; pushed: number; uid: string; holder: string }
  /** A push was made on revisions no longer current: each provision is now a conflict to choose on. */
  | { state: 'conflicts'; pushed: number; conflicts: number; versionId: string }
  /** The server refused a push outright (a revoked token, a package no longer shared): it waits, and the drafter is told. */
  | { state: 'refused'; pushed: number; code: string; message: string };

/**
 * Pushes the outbox to the server, oldest first, one push at a time: each names, for every
 * provision it changes, the server revision this desktop was last in step with, and goes under
 * the id it was queued with, so a push whose answer was lost is applied once when retried. An
 * accepted push brings those provisions in step; a stale one becomes conflicts (staleToConflicts);
 * an unreachable server leaves everything waiting.
 */
export async function pushOutbox(ctx: ServiceContext, api: TeamApi, device: string): Promise<PushOutcome> {
  let pushed = 0;
  for (;;) {
    const entry = ctx.store.team.outbox()[0];
    if (!entry) return { state: 'done', pushed };
    const synced = ctx.store.team.synced(entry.versionId, entry.changes.map((c) => c.uid));
    let reply: PushReply;
    try {
      reply = await api.push({ opId: entry.opId, versionId: entry.versionId, device, changes: entry.changes.map((c) => ({ uid: c.uid, baseRevision: synced.get(c.uid)?.revision ?? null, row: c.row, ...(momentSchema.safeParse(entry.createdAt).success ? { madeAt: entry.createdAt } : {}) })) });
    } catch (error) {
      if (error instanceof TeamUnreachable) return { state: 'offline', pushed, waiting: ctx.store.team.outbox().length };
      if (error instanceof TeamRefused) return { state: 'refused', pushed, code: error.code, message: error.message };
      throw error;
    }
    if (reply.status === 'leased') return { state: 'leased', pushed, uid: reply.uid, holder: reply.holder };
    if (reply.status === 'stale') {
      // In step with what else changed, in the same save as the conflicts: a provision may now
      // stand in a unit made since (the draft must have it to take the provision's wording), or
      // its unit may be gone with everything under it (the draft must lose them together).
      let pulled;
      try {
        pulled = await api.pull(entry.versionId, pullFrom(ctx, entry.versionId));
      } catch (error) {
        if (error instanceof TeamUnreachable) return { state: 'offline', pushed, waiting: ctx.store.team.outbox().length };
        if (error instanceof TeamRefused) return { state: 'refused', pushed, code: error.code, message: error.message };
        throw error;
      }
      const conflicts = await whenWritable(ctx, () => staleToConflicts(ctx, entry, reply, pulled));
      // Every refused change was made alike on the server: in step now, the rest of the outbox goes on.
      if (conflicts === 0) continue;
      return { state: 'conflicts', pushed, conflicts, versionId: entry.versionId };
    }
    await whenWritable(ctx, () =>
      ctx.store.transaction(() => {
        ctx.store.team.setSynced(entry.versionId, entry.changes.map((c) => ({ uid: c.uid, revision: reply.revisions[c.uid]!, row: c.row })));
        ctx.store.team.remove(entry.seq);
        // A decision made on the wording before lapses on the server: here too.
        lapseDecisions(ctx, entry.versionId, entry.changes.map((c) => ({ uid: c.uid, revision: reply.revisions[c.uid]! })));
      }),
    );
    pushed++;
  }
}

/**
 * A push refused as stale: another drafter's wording of some provision came first. Nothing is
 * merged: for each such provision the draft takes the wording in force on the server, and a
 * conflict keeps the three wordings — as last in step (base), the other's (theirs) and this
 * drafter's (mine) — for the drafter to choose, as after a rebase (conflicts.ts: keeping mine saves
 * it again, and that save is pushed on the current revision). What else the server has newer
 * (`pulled`, the draft as a pull brings it) comes in with them in one save (pull.ts takePulled).
 * The provisions' later changes still waiting are taken out of the outbox (the conflict holds the
 * drafter's last wording); the push's other changes stay in its place under a new id. A
 * provision the other side has exactly as this drafter does asks nothing. One transaction.
 * Returns how many conflicts.
 */
export function staleToConflicts(ctx: ServiceContext, entry: OutboxEntry, reply: Extract<PushReply, { status: 'stale' }>, draft: PulledDraft): number {
  const pulled = draft.provisions;
  const { store } = ctx;
  return store.transaction(() => {
    const version = store.versions.get(entry.versionId)!;
    const lang = store.works.getExpression(version.expressionId)!.lang;
    const current = new Map(reply.current.map((c) => [c.uid, c]));
    const uids = [...current.keys()];
    const synced = store.team.synced(entry.versionId, uids);
    const rows = new Map(store.provisions.load(entry.versionId).map((r) => [r.uid, r]));
    const mine = new Map(uids.map((uid) => [uid, rows.get(uid) ?? null]));
    // The server's wording of those provisions (as the pull has it: never older than the refusal's), not queued again.
    const latest = new Map(pulled.map((p) => [p.uid, p]));
    const theirs: PulledProvision[] = reply.current.map((c) => {
      const p = latest.get(c.uid);
      return p && p.revision >= c.revision ? p : c;
    });
    takePulled(ctx, entry.versionId, [...pulled.filter((p) => !current.has(p.uid)), ...theirs], new Set(uids), draft);
    const asked: string[] = [];
    for (const c of theirs) {
      // The same row came from the other side (two drafters made one change, or chose alike on a move): nothing to choose.
      if (sameOrGone(mine.get(c.uid) ?? null, c.row as ProvisionRow | null)) continue;
      store.conflicts.add(ctx.newId(), version.packageId!, version.id, { uid: c.uid, label: structuralLabel(pathOf(rows, c.uid, c.row), lang as Lang), reason: 'both-changed', base: stateOf(synced.get(c.uid)?.row ?? null), theirs: stateOf(c.row), mine: stateOf(mine.get(c.uid) ?? null) }, ctx.now());
      asked.push(c.uid);
    }
    // The push's other changes keep its place (before the later pushes), under a new id: the old one is decided.
    const rest = entry.changes.filter((c) => !current.has(c.uid));
    if (rest.length > 0) store.team.replace(entry.seq, ctx.newId(), rest);
    else store.team.remove(entry.seq);
    store.team.dropChanges(entry.versionId, uids);
    record(ctx, version.packageId!, null, 'team-stale', { versionId: version.id, opId: entry.opId, conflicts: asked, alike: uids.filter((uid) => !asked.includes(uid)) });
    return asked.length;
  });
}

function sameOrGone(a: ProvisionRow | null, b: ProvisionRow | null): boolean {
  return a && b ? sameRow(a, b) : a === b;
}

function stateOf(row: ProvisionRow | null): UnitState | null {
  return row ? { uid: row.uid, kind: row.kind, num: row.num, heading: row.heading, text: row.text, repealed: row.repealed, notes: row.notes } : null;
}

/** A provision's address from the draft's rows (its own row as the server has it, when the draft has none). */
function pathOf(rows: Map<string, ProvisionRow>, uid: string, own: ProvisionRow | null): PathStep[] {
  const path: PathStep[] = [];
  for (let row: ProvisionRow | null | undefined = rows.get(uid) ?? own; row; row = row.parentUid ? rows.get(row.parentUid) : undefined) path.unshift({ kind: row.kind, num: row.num });
  return path;
}
