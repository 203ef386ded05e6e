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
    // Sent unless this desktop said it has the draft on that text: it does not, so the server must have.
    if (!base.rows) throw new Error(`The team server moved draft ${versionId} without sending the text it is on now.`);
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
  recordMoveConflicts(ctx, draft.packageId!, versionId, pulled, now);
  record(ctx, draft.packageId!, null, 'team-rebase', { versionId, onto: pulled.base.versionId, inForceFrom: pulled.base.inForceFrom, by: move?.by ?? null, carried: move?.carried ?? 0, conflicts: move?.conflicts.length ?? 0 });
}

/**
 * The conflicts of a draft's last move onto a later text that still stand in the draft here: a
 * provision still as the move left it — at the revision the move gave it (when the server says),
 * in the new law's wording (or gone). One changed since — a drafter chose on it, on their desktop,
 * and pushed, even the same wording again — was chosen on: not asked again. Call once the pull's
 * rows and revisions are taken.
 */
export function standingConflicts(ctx: ServiceContext, versionId: string, pulled: Pick<PulledDraft, 'base' | 'rebased'>): NonNullable<PulledDraft['rebased']>['conflicts'] {
  const move = pulled.rebased?.onto === pulled.base.versionId ? pulled.rebased : undefined;
  if (!move) return [];
  const uids = move.conflicts.map((c) => c.uid);
  const rows = ctx.store.provisions.rows(versionId, uids);
  const synced = ctx.store.team.synced(versionId, uids);
  return move.conflicts.filter((c) => sameUnit(rows.get(c.uid), c.theirs) && (c.revision === undefined || synced.get(c.uid)?.revision === c.revision));
}

/**
 * Records here the conflicts of a draft's move that still stand (standingConflicts), each with the
 * revision the move left its provision on: a pull that brings a later one closes it
 * (closeChosenElsewhere), and keeping the new law's wording here says so to the team (conflicts.ts).
 */
export function recordMoveConflicts(ctx: ServiceContext, packageId: string, versionId: string, pulled: Pick<PulledDraft, 'base' | 'rebased'>, at: string): void {
  for (const { revision, ...c } of standingConflicts(ctx, versionId, pulled)) ctx.store.conflicts.add(ctx.newId(), packageId, versionId, revision === undefined ? c : { ...c, teamRevision: revision }, at);
}

/**
 * Closes the conflicts of a move that someone chose on elsewhere (call inside the pull's
 * transaction, once its rows are taken): an open conflict here whose provision the pull brought
 * in a wording other than the one the move left (a drafter kept theirs, on their desktop, and
 * pushed it, or edited on). The draft holds the team's wording now; asking here again would offer
 * to put back over a colleague's choice the wording from before the move. The conflict is closed
 * as the team's wording kept, and logged with who chose. The uids closed.
 */
export function closeChosenElsewhere(ctx: ServiceContext, versionId: string, pulled: Pick<PulledDraft, 'rebased'> | undefined, taken: readonly PulledProvision[]): string[] {
  if (taken.length === 0) return [];
  const open = ctx.store.conflicts.forVersion(versionId);
  if (open.length === 0) return [];
  const moveLeft = new Map((pulled?.rebased?.conflicts ?? []).map((c) => [c.uid, c.theirs]));
  const brought = new Map(taken.map((p) => [p.uid, p]));
  const now = ctx.now();
  const closed: string[] = [];
  for (const c of open) {
    const p = brought.get(c.uid);
    if (!p) continue;
    if (c.teamRevision !== undefined) {
      // A revision after the move's: a colleague chose (their own wording, or the new law's pushed again).
      if (p.revision <= c.teamRevision) continue;
    } else {
      // A move from before revisions were given: told by the wording only.
      if (!moveLeft.has(c.uid)) continue;
      const left = moveLeft.get(c.uid) ?? null;
      // A conflict recorded otherwise (a push refused as stale) is the drafter's own to decide.
      if (!sameUnit(c.theirs, left) || sameUnit(p.row, left)) continue;
    }
    ctx.store.conflicts.resolve(c.id, 'theirs', now);
    record(ctx, c.packageId, c.uid, 'resolve-conflict', { conflictId: c.id, keep: 'theirs', chosenBy: p.by ?? null });
    closed.push(c.uid);
  }
  return closed;
}

type UnitLike = { kind: string; num: string; heading: string; text: string; repealed: boolean } | null | undefined;

function sameUnit(a: UnitLike, b: UnitLike): boolean {
  if (!a || !b) return !a && !b;
  return a.kind === b.kind && a.num === b.num && a.heading === b.heading && a.text === b.text && a.repealed === b.repealed;
}
