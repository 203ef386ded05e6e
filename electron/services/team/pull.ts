import type { ProvisionRow } from '../../../shared/law';
import type { PullSince, PulledDraft } from '../../../shared/team/contract';
import { whenWritable, type ServiceContext } from '../context';
import { saveDraft } from '../drafts';
import { TeamUnreachable, type TeamApi } from './api';
import { lapseDecisions } from './decisions';
import { signerOf } from './signer';
import { syncedFromServer } from './in-step';
import { closeChosenElsewhere, settleTeamMove, takeTeamMove } from './move';

/** What bringing a draft in step with the server did. */
export type PullOutcome = { state: 'pulled'; applied: number; heldBack: number; lapsed: string[]; moved: boolean } | { state: 'offline' };

/**
 * Brings a draft in step with the server: the provisions others changed since this desktop was
 * last in step are written into it, in one save (validated as any save; not queued back), and
 * recorded as in step; their amendments are signed with who made each change on the server, not
 * with this desktop's person. A provision with changes of this desktop still waiting is held back: its
 * push decides (accepted, or refused as stale and then a conflict) — it is never overwritten here.
 */
export async function pullFromTeam(ctx: ServiceContext, api: TeamApi, versionId: string): Promise<PullOutcome> {
  let pulled;
  try {
    pulled = await api.pull(versionId, pullFrom(ctx, versionId));
  } catch (error) {
    if (error instanceof TeamUnreachable) return { state: 'offline' };
    throw error;
  }
  return whenWritable(ctx, () => ctx.store.transaction(() => takePulled(ctx, versionId, pulled.provisions, new Set(), pulled)));
}

/**
 * What to pull a draft from: the revision the last pull here reached and the text the draft is on
 * here — the server sends only what changed since, and not the law again. Undefined (the whole
 * draft) when no pull has been recorded.
 */
export function pullFrom(ctx: ServiceContext, versionId: string): PullSince | undefined {
  const since = ctx.store.team.pulledTo(versionId);
  const base = ctx.store.versions.get(versionId)?.baseVersionId;
  return since === undefined || !base ? undefined : { since, base };
}

/** A provision as a pull (or a refusal as stale) brings it: its revision and row (null: deleted), and who made it when. */
export type PulledProvision = Omit<PulledDraft['provisions'][number], 'by' | 'at'> & { by?: string | undefined; at?: string | undefined };

/**
 * Writes what a pull brought into the draft, in one save, and records it as in step (call inside
 * a transaction, the store writable): the provisions at a revision newer than this desktop's,
 * but those with changes of this desktop still waiting — unless named in `take` (their push was
 * refused as stale: they take the server's wording now, their conflict keeps the drafter's). The
 * decisions standing on an earlier wording of a provision taken lapse (`lapsed`: their uids).
 * `draft`: the text the server has the draft on, and its last move — when the owner moved it onto
 * a later text, this desktop's draft moves with the rows (team/rebase.ts) — and how far the pull
 * reached (recorded: the next pull asks from there).
 */
export function takePulled(ctx: ServiceContext, versionId: string, provisions: readonly PulledProvision[], take: ReadonlySet<string> = new Set(), draft?: Pick<PulledDraft, 'base' | 'rebased' | 'upTo'>): Extract<PullOutcome, { state: 'pulled' }> {
  const { store } = ctx;
  const moved = draft ? takeTeamMove(ctx, versionId, draft) : false;
  // Only the provisions brought: on a code, the rest are thousands of rows not to read on every pull.
  const synced = store.team.synced(versionId, provisions.map((p) => p.uid));
  const pending = store.team.pendingUids(versionId);
  const newer = provisions.filter((p) => p.revision > (synced.get(p.uid)?.revision ?? 0));
  const taken = newer.filter((p) => !pending.has(p.uid) || take.has(p.uid));
  if (taken.length > 0) {
    const local = store.provisions.rows(versionId, taken.map((p) => p.uid));
    const upserts = taken.flatMap((p) => (p.row ? [p.row as ProvisionRow] : []));
    const deletes = taken.filter((p) => !p.row && local.has(p.uid)).map((p) => p.uid);
    const version = store.versions.get(versionId)!;
    if (upserts.length + deletes.length > 0) saveDraft(ctx, { versionId, revision: version.revision, upserts, deletes }, { duringReview: true, fromTeam: true, signedBy: signerOf(taken) });
    store.team.setSynced(versionId, syncedFromServer(taken));
    // Before this pull's own move (if any) records its conflicts: those are asked anew.
    closeChosenElsewhere(ctx, versionId, draft, taken);
  }
  if (moved) settleTeamMove(ctx, versionId, draft!, taken);
  // A decision made on an earlier wording of a provision taken lapses (proposed again, as on the server).
  const lapsed = lapseDecisions(ctx, versionId, taken);
  // The next pull asks from here (held back or not, every provision up to it was seen).
  if (draft?.upTo !== undefined) store.team.setPulledTo(versionId, draft.upTo);
  return { state: 'pulled', applied: taken.length, heldBack: newer.length - taken.length, lapsed, moved };
}
