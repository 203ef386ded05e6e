import { align, rebase, RebaseError, type RebaseConflict } from '../../shared/amend';
import { indexTree } from '../../shared/amend/tree-index';
import { diffRows, lawToRows, rowsToLaw, walkProvisions, type Lang, type LawDoc, type ProvisionRow, type RowChanges } from '../../shared/law';
import { AmendmentRepository, type AmendmentChanges } from '../store/repositories/amendments';
import type { PackageRecord } from '../store/repositories/packages';
import type { VersionRecord } from '../store/repositories/versions';
import { deriveDraft, refreshAmendments, storeDerivedChanges } from './amendments';
import { record } from './audit/log';
import type { ServiceContext, ReadContext } from './context';

// What saving a new version of a law does to the library's texts (import.ts saves it): the new
// text continues the lineage of the one it replaces, and every working draft on that text moves
// onto it — planned beforehand on the worker thread (planRebase), written in the save (rebaseDrafts).

/** A draft moved to the new text in force, or left where it was and why. */
export type RebaseOutcome =
  | { packageId: string; packageTitle: string; versionId: string; carried: number; conflicts: number }
  | { packageId: string; packageTitle: string; versionId: string; error: string }
  /** A draft of a package on a team server: its text in force is the team's (the server has the base it was published on), not moved from one desktop; the team's owner may move it onto `onto`, the text just saved (team/rebase.ts). */
  | { packageId: string; packageTitle: string; versionId: string; error: string; onTeam: true; onto: string };

/** One working draft moved onto the new text, worked out from the draft as it was at `revision`. */
export interface PlannedRebase {
  draftId: string;
  baseVersionId: string;
  /** The draft's revision when planned (every save and rebase advances it). */
  revision: number;
  outcome: PlannedOutcome | { error: string };
}

/** A rebase worked out beforehand: what saving it writes. */
export interface PlannedOutcome {
  /** The draft's rows that change (against its rows at the planned revision). */
  changes: RowChanges;
  /** How the draft's stored amendments change: derived against the new text, compared with those stored at `revision`. */
  amendments: AmendmentChanges;
  carried: number;
  conflicts: RebaseConflict[];
}

/** The long part of saving a new version, worked out from the store without writing: lineage and rebases. */
export interface RebasePlan {
  /** The text in force the new one continues (null: none); the plan holds only while it is the latest. */
  previousVersionId: string | null;
  /** The new text's rows, its units carrying the uids of the units they continue. */
  rows: ProvisionRow[];
  drafts: PlannedRebase[];
}

/**
 * Works out what saving `law` as a new version of work `workId` (in force from `inForceFrom`)
 * would do to the library's texts, reading only: the lineage of its units, and for every working
 * draft of the text it replaces its rebase, the rows that changes and its amendments against the
 * new text. Runs on the worker thread (electron/work/tasks.ts).
 */
export function planRebase(ctx: ReadContext, workId: string, read: LawDoc, inForceFrom: string): RebasePlan {
  // The plan's own copy: the lineage is written into it, and the text read stays as it was read.
  const law = structuredClone(read);
  const { expression, previous } = predecessor(ctx, workId, law.lang);
  if (previous) continueLineage(rowsToLaw(ctx.store.provisions.load(previous.id), law.lang), law, expression !== undefined);
  const rows = lawToRows(law);
  // The new text as the store will give it back: what the drafts' amendments are derived against.
  const stored = rowsToLaw(rows, law.lang);
  const drafts = expression
    ? rebasableDrafts(ctx, expression.id, inForceFrom).map((d) => ({ draftId: d.draft.id, baseVersionId: d.base.id, revision: d.draft.revision, outcome: planOne(ctx, d.base.id, d.draft.id, law, stored) }))
    : [];
  return { previousVersionId: previous?.id ?? null, rows, drafts };
}

/** One draft's planned rebase (see planRebase), or why it cannot be rebased. */
function planOne(ctx: ReadContext, baseVersionId: string, draftId: string, newLaw: LawDoc, stored: LawDoc): PlannedRebase['outcome'] {
  const draftRows = ctx.store.provisions.load(draftId);
  const outcome = rebaseOne(ctx, baseVersionId, draftId, newLaw, draftRows);
  if ('error' in outcome) return outcome;
  const derivation = deriveDraft(ctx, draftId, stored, outcome.merged);
  const derived = derivation.list();
  const amendments = ctx.store.amendments.changesTo(draftId, derived, (a) => derivation.sortKey(a.uid) as number);
  // Signed as a save of the whole list would sign them: amendments with no signature yet are
  // signed now, and the signatures of amendments that are gone are dropped.
  const signed = ctx.store.amendments.revisions(draftId);
  const putting = new Set(amendments.put.map((p) => p.amendment.uid));
  for (const a of derived) if (!signed.has(a.uid) && !putting.has(a.uid)) amendments.put.push({ amendment: a, ord: AmendmentRepository.storedOrder(derivation.sortKey(a.uid) as number) });
  const present = new Set(derived.map((a) => a.uid));
  for (const uid of signed.keys()) if (!present.has(uid) && !amendments.remove.includes(uid)) amendments.remove.push(uid);
  return {
    changes: diffRows(draftRows, lawToRows(outcome.merged)),
    amendments,
    carried: outcome.carried,
    conflicts: outcome.conflicts,
  };
}

/** The text a new version in `lang` continues: the latest in force of that language, else of another. */
export function predecessor(ctx: ReadContext, workId: string, lang: Lang) {
  const { store } = ctx;
  const expressions = store.works.listExpressions().filter((e) => e.workId === workId);
  const expression = expressions.find((e) => e.lang === lang);
  const latestOf = (expressionId: string) => store.versions.listInForce().find((v) => v.expressionId === expressionId);
  const previous = expression ? latestOf(expression.id) : expressions.map((e) => latestOf(e.id)).find(Boolean);
  return { expressions, expression, previous };
}

/** The working drafts of an expression that a new text in force from `inForceFrom` moves (packages being drafted or reviewed, on an older text). */
function rebasableDrafts(ctx: ReadContext, expressionId: string, inForceFrom: string) {
  const { store } = ctx;
  const out: { draft: VersionRecord; base: VersionRecord; pkg: PackageRecord }[] = [];
  for (const draft of store.versions.draftsOf(expressionId)) {
    const pkg = draft.packageId ? store.packages.get(draft.packageId) : undefined;
    const base = draft.baseVersionId ? store.versions.get(draft.baseVersionId) : undefined;
    if (!pkg || !base || (pkg.status !== 'draft' && pkg.status !== 'review')) continue;
    if (base.inForceFrom && base.inForceFrom >= inForceFrom) continue; // the draft is already on a text as new
    out.push({ draft, base, pkg });
  }
  return out;
}

/** Rebases one draft onto the new text, or says why it cannot be. */
function rebaseOne(ctx: ReadContext, baseVersionId: string, draftId: string, newLaw: LawDoc, draftRows = ctx.store.provisions.load(draftId)): { merged: LawDoc; carried: number; conflicts: RebaseConflict[] } | { error: string } {
  const lang = newLaw.lang;
  try {
    return rebase(rowsToLaw(ctx.store.provisions.load(baseVersionId), lang), newLaw, rowsToLaw(draftRows, lang));
  } catch (error) {
    if (!(error instanceof RebaseError)) throw error;
    return { error: error.message };
  }
}

/**
 * Gives the new text's units the uids of the units they continue in the old one (same uid chain:
 * the address, else the wording), so drafts, annotations and comparisons follow them. Across
 * languages only the address counts (wording differs by definition).
 */
export function continueLineage(old: LawDoc, next: LawDoc, sameLanguage: boolean): void {
  if (sameLanguage) {
    const { pairs } = align(indexTree(old), indexTree(next));
    walkProvisions(next.body, (u) => void (u.uid = pairs.get(u.uid) ?? u.uid));
    return;
  }
  const byEId = new Map<string, string>();
  walkProvisions(old.body, (u) => void byEId.set(`${u.kind}|${u.eId}`, u.uid));
  walkProvisions(next.body, (u) => void (u.uid = byEId.get(`${u.kind}|${u.eId}`) ?? u.uid));
}

/**
 * Moves every working draft on an earlier text of this expression onto the new one (packages
 * still being drafted or reviewed). A draft that cannot be moved stays where it was, with the
 * reason. A planned rebase is used when the draft and its base are still as the plan read them.
 */
export function rebaseDrafts(ctx: ServiceContext, expressionId: string, newVersionId: string, inForceFrom: string, newLaw: () => LawDoc, planned: readonly PlannedRebase[]): RebaseOutcome[] {
  const { store } = ctx;
  const outcomes: RebaseOutcome[] = [];
  const plans = new Map(planned.map((p) => [p.draftId, p]));
  for (const { draft, base, pkg } of rebasableDrafts(ctx, expressionId, inForceFrom)) {
    const who = { packageId: pkg.id, packageTitle: pkg.title, versionId: draft.id };
    if (store.team.linkOf(pkg.id)) {
      // Moved here alone, its rows would differ from the server's without going up, and the
      // others would go on drafting on the old text: it stays (not even worked out), and the drafter is told.
      outcomes.push({ ...who, error: 'The package is on the team server: its drafts stay on the text they were published on.', onTeam: true, onto: newVersionId });
      continue;
    }
    const plan = plans.get(draft.id);
    const current = plan && plan.revision === draft.revision && plan.baseVersionId === base.id ? plan.outcome : null;
    const outcome = current ?? rebaseOne(ctx, base.id, draft.id, newLaw());
    if ('error' in outcome) {
      outcomes.push({ ...who, error: outcome.error });
      continue;
    }
    const now = ctx.now();
    if ('changes' in outcome) {
      // Worked out on the worker thread from the draft as it still is: written as planned.
      store.provisions.apply(draft.id, outcome.changes);
      store.versions.rebaseTo(draft.id, newVersionId, now);
      ctx.memo.diffs.delete(draft.id);
      storeDerivedChanges(ctx, draft.id, outcome.amendments, now, draft.updatedAt);
    } else {
      store.provisions.apply(draft.id, diffRows(store.provisions.load(draft.id), lawToRows(outcome.merged)));
      store.versions.rebaseTo(draft.id, newVersionId, now);
      ctx.memo.diffs.delete(draft.id);
      refreshAmendments(ctx, draft.id, newVersionId, outcome.merged, now, draft.updatedAt);
    }
    for (const c of outcome.conflicts) store.conflicts.add(ctx.newId(), pkg.id, draft.id, c, now);
    record(ctx, pkg.id, null, 'rebase', { versionId: draft.id, onto: newVersionId, carried: outcome.carried, conflicts: outcome.conflicts.length });
    outcomes.push({ ...who, carried: outcome.carried, conflicts: outcome.conflicts.length });
  }
  return outcomes;
}

