import { lawToRows, rowsToLaw, walkProvisions, type Lang, type Provision } from '../../../shared/law';
import { StoreError } from '../../store/errors';
import type { ReadContext, ServiceContext } from '../context';
import { continueLineage } from '../import-rebase';
import { TeamRefused, type TeamApi } from './api';
import { publishedBase, type PublishedBase } from './publish';
import { pullFromTeam } from './pull';

/** What moving a team draft onto a later text did: moved (what came by itself, and what waits for a choice), or refused for a lease someone holds on a provision it changes. */
export type TeamMoveOutcome = { state: 'moved'; carried: number; conflicts: number } | { state: 'leased'; uid: string; holder: string };

/**
 * Moves a draft of a package on the team server onto a later text in force of its law that this
 * library has (imported here), for the whole team: the owner's command. The text goes up with its
 * units carrying the uids of the units they continue in the team's text (aligned here as an import
 * aligns them), the server works the move out from its own rows and announces it, and this desktop
 * then takes it as every other does, by a pull (takeTeamMove). Refused here, before anything goes
 * up, when the text is of another law or language or not later; refused by the server for a role
 * other than owner.
 */
export async function moveTeamDraft(ctx: ServiceContext, api: TeamApi, input: { versionId: string; onto: string }): Promise<TeamMoveOutcome> {
  const base = teamTextOf(ctx, input.versionId, input.onto);
  let reply;
  try {
    reply = await api.rebase(input.versionId, { base });
  } catch (error) {
    throw asMoveRefusal(error);
  }
  if (reply.status === 'leased') return { state: 'leased', uid: reply.uid, holder: reply.holder };
  await pullFromTeam(ctx, api, input.versionId);
  return { state: 'moved', carried: reply.carried, conflicts: reply.conflicts };
}

/**
 * The text `onto` as the team's next text for a draft: its rows with the uids of the units they
 * continue in the text the draft is on (its own uids where it continues none), under a new id.
 * Reads only.
 */
export function teamTextOf(ctx: ReadContext, versionId: string, onto: string): PublishedBase {
  const { store } = ctx;
  const draft = store.versions.get(versionId);
  if (!draft || draft.status !== 'draft' || !draft.packageId || !draft.baseVersionId) throw new StoreError('NOT_FOUND', `No working draft ${versionId}.`, 'version.notFound', { versionId });
  if (!store.team.linkOf(draft.packageId)) throw new StoreError('INVALID_INPUT', 'This package is not on a team server.', 'team.notLinked');
  const current = store.versions.get(draft.baseVersionId)!;
  const next = store.versions.get(onto);
  const draftExpression = store.works.getExpression(draft.expressionId)!;
  const nextExpression = next ? store.works.getExpression(next.expressionId) : undefined;
  if (!next || next.status !== 'in_force' || !nextExpression || nextExpression.workId !== draftExpression.workId || nextExpression.lang !== draftExpression.lang) {
    throw new StoreError('INVALID_INPUT', 'The draft moves onto a text in force of the same law, in its language.', 'team.moveOtherLaw');
  }
  if (current.inForceFrom && (!next.inForceFrom || next.inForceFrom <= current.inForceFrom)) {
    throw new StoreError('INVALID_INPUT', `The draft moves onto a later text in force only: it is on the text in force from ${current.inForceFrom}.`, 'team.moveNotLater', { date: current.inForceFrom });
  }
  const lang = draftExpression.lang as Lang;
  const law = rowsToLaw(store.provisions.load(next.id), lang);
  alignTo(rowsToLaw(store.provisions.load(current.id), lang), law, () => ctx.newId());
  return publishedBase(ctx, draft.expressionId, { versionId: ctx.newId(), inForceFrom: next.inForceFrom, rows: lawToRows(law) });
}

/**
 * Gives `next`'s units the uids of the units they continue in `current` (continueLineage). A unit
 * that continues none keeps its own uid, unless another unit was given it: then one of its own, so
 * that no uid stands twice (a text imported on a desktop whose ids differ from the team's).
 */
function alignTo(current: ReturnType<typeof rowsToLaw>, next: ReturnType<typeof rowsToLaw>, newId: () => string): void {
  const own = new Map<Provision, string>();
  walkProvisions(next.body, (u) => void own.set(u, u.uid));
  continueLineage(current, next, true);
  const given = new Set<string>();
  walkProvisions(next.body, (u) => void (u.uid !== own.get(u) && given.add(u.uid)));
  walkProvisions(next.body, (u) => {
    if (u.uid === own.get(u) && given.has(u.uid)) u.uid = newId();
  });
}

/** The server's refusal of a move, in the app's words. */
function asMoveRefusal(error: unknown): unknown {
  if (!(error instanceof TeamRefused)) return error;
  if (error.code === 'FORBIDDEN') return new StoreError('INVALID_INPUT', error.message, 'team.moveOwnerOnly');
  const reason = error.detail['reason'];
  if (reason === 'notLater') return new StoreError('INVALID_INPUT', error.message, 'team.moveNotLater', { date: String(error.detail['inForceFrom'] ?? '') });
  if (reason === 'otherLaw') return new StoreError('INVALID_INPUT', error.message, 'team.moveOtherLaw');
  if (reason === 'cannotMove' || reason === 'same') return new StoreError('INVALID_INPUT', error.message, 'team.moveCannot', { detail: error.message });
  return error;
}
