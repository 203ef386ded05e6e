import { rowsToLaw, type Lang } from '../../../shared/law';
import type { PulledDraft } from '../../../shared/team/contract';
import { forgetLive, refreshAmendments } from '../amendments';
import { record } from '../audit/log';
import type { ServiceContext } from '../context';
import type { PulledProvision } from './pull';

// A draft the owner moved onto a later text of its law (team/rebase.ts, on the server
// server/team/rebase.ts), as each desktop takes the move: by the pull that brings its rows.

/**
 * A pulled draft that the server has on another text than this desktop (the owner moved it):
 * that text is kept here (as a team text: the library does not list it twice) and the draft
 * stands on it from now. Call inside the pull's transaction, before its rows are taken; then
 * settleTeamMove. Whether the draft moved.
 */
export function takeTeamMove(ctx: ServiceContext, versionId: string, pulled: Pick<PulledDraft, 'base'>): boolean {
  const { store } = ctx;
  const draft = store.versions.get(versionId);
  const base = pulled.base;
  if (!draft?.packageId || draft.baseVersionId === base.versionId) return false;
  const now = ctx.now();
  if (!store.versions.get(base.versionId)) {
    store.versions.insert({ id: base.versionId, expressionId: draft.expressionId, status: 'in_force', inForceFrom: base.inForceFrom, packageId: null, baseVersionId: null, revision: 0, createdAt: now, updatedAt: now });
    store.provisions.apply(base.versionId, { upserts: base.rows, deletes: [] });
    store.team.addBase(base.versionId, draft.packageId);
  }
  store.versions.rebaseTo(versionId, base.versionId, now);
  ctx.memo.diffs.delete(versionId);
  forgetLive(ctx, versionId);
  return true;
}

/**
 * After a move's rows are taken: the draft's amendments derived again against the new text (an
 * amendment the move changed is signed by who made the change on the server, the others by the
 * owner who moved it), the provisions that wait for a choice recorded as conflicts here (as an
 * import's move records them; the drafter's wording kept in each: standingConflicts), and the
 * move logged.
 */
export function settleTeamMove(ctx: ServiceContext, versionId: string, pulled: Pick<PulledDraft, 'base' | 'rebased'>, taken: readonly PulledProvision[]): void {
  const { store } = ctx;
  const draft = store.versions.get(versionId)!;
  const lang = store.works.getExpression(draft.expressionId)!.lang as Lang;
  const move = pulled.rebased?.onto === pulled.base.versionId ? pulled.rebased : undefined;
  const byUid = new Map(taken.flatMap((p) => (p.by ? [[p.uid, { author: p.by, ...(p.at ? { at: p.at } : {}) }] as const] : [])));
  const mover = move ? { author: move.by, at: move.at } : undefined;
  const now = ctx.now();
  refreshAmendments(ctx, versionId, pulled.base.versionId, rowsToLaw(store.provisions.load(versionId), lang), now, draft.updatedAt, { signedBy: (uid) => byUid.get(uid) ?? mover });
  for (const c of standingConflicts(ctx, versionId, pulled)) store.conflicts.add(ctx.newId(), draft.packageId!, versionId, c, now);
  record(ctx, draft.packageId!, null, 'team-rebase', { versionId, onto: pulled.base.versionId, inForceFrom: pulled.base.inForceFrom, by: move?.by ?? null, carried: move?.carried ?? 0, conflicts: move?.conflicts.length ?? 0 });
}

/**
 * The conflicts of a draft's last move onto a later text that still stand in the draft here: a
 * provision still as the move left it (the new law's wording, or gone). One changed since — a
 * drafter chose on it, on their desktop, and pushed — was chosen on: not asked again.
 */
export function standingConflicts(ctx: ServiceContext, versionId: string, pulled: Pick<PulledDraft, 'base' | 'rebased'>): NonNullable<PulledDraft['rebased']>['conflicts'] {
  const move = pulled.rebased?.onto === pulled.base.versionId ? pulled.rebased : undefined;
  if (!move) return [];
  const rows = ctx.store.provisions.rows(versionId, move.conflicts.map((c) => c.uid));
  return move.conflicts.filter((c) => {
    const row = rows.get(c.uid);
    if (!c.theirs || !row) return !c.theirs && !row;
    return row.kind === c.theirs.kind && row.num === c.theirs.num && row.heading === c.theirs.heading && row.text === c.theirs.text && row.repealed === c.theirs.repealed;
  });
}
