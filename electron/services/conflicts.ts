import { record } from './audit/log';
import type { ProvisionJSON } from '../../shared/law/json';
import { diffRows, LawStructureError, lawToRows, rowsToLaw, validateLaw, walkProvisions, type Provision } from '../../shared/law';
import { StoreError } from '../store/errors';
import type { ConflictRecord } from '../store/repositories/conflicts';
import type { ServiceContext, ReadContext } from './context';
import { saveDraft } from './drafts';
import { queueTeamChanges } from './team/outbox';

/** A draft's open conflicts from rebases onto new texts in force. */
export function listConflicts(ctx: ReadContext, versionId: string): Omit<ConflictRecord, 'packageId' | 'versionId' | 'resolvedAt' | 'resolution'>[] {
  return ctx.store.conflicts.forVersion(versionId).map(({ id, uid, label, reason, base, theirs, mine, createdAt }) => ({ id, uid, label, reason, base, theirs, mine, createdAt }));
}

/**
 * Resolves a conflict as the drafter chose: `theirs` keeps the new law's wording (already in the
 * draft); `mine` puts the draft's wording back through an ordinary validated save (made on the
 * revision the drafter saw), placing the unit again where it stood if the new law no longer has
 * it. Returns the draft's new revision (unchanged for `theirs`).
 */
export function resolveConflict(ctx: ServiceContext, input: { conflictId: string; keep: 'theirs' | 'mine'; revision: number }): { revision: number } {
  const { store } = ctx;
  const conflict = store.conflicts.get(input.conflictId);
  if (!conflict || conflict.resolvedAt) throw new StoreError('NOT_FOUND', 'This conflict is already resolved or does not exist.', 'conflict.notFound');
  const pkg = store.packages.get(conflict.packageId);
  if (!pkg || (pkg.status !== 'draft' && pkg.status !== 'review')) throw new StoreError('NOT_EDITABLE', 'This package is no longer being drafted.', 'package.notDrafting');
  if (input.keep === 'theirs') {
    store.transaction(() => {
      const at = ctx.now();
      store.conflicts.resolve(conflict.id, 'theirs', at);
      record(ctx, conflict.packageId, conflict.uid, 'resolve-conflict', { conflictId: conflict.id, keep: 'theirs' });
      // The team's move asked every desktop: the wording, pushed again as it stands, tells the others it was chosen.
      if (conflict.teamRevision !== undefined) confirmTeamChoice(ctx, conflict, at);
    });
    return { revision: input.revision };
  }
  const version = store.versions.get(conflict.versionId);
  const lang = version ? store.works.getExpression(version.expressionId)?.lang : undefined;
  if (!version || !lang) throw new StoreError('NOT_FOUND', 'The draft of this conflict is gone.', 'conflict.draftGone');
  const rows = store.provisions.load(version.id);
  const law = rowsToLaw(rows, lang);
  putBack(law.body, conflict);
  try {
    validateLaw(law);
  } catch (error) {
    if (error instanceof LawStructureError) throw new StoreError('INVALID_INPUT', `Your wording cannot go back as it was: ${error.message} Edit the draft by hand, then keep the new law's wording to close the conflict.`, 'conflict.cannotRestore', { detail: error.message });
    throw error;
  }
  return store.transaction(() => {
    const saved = saveDraft(ctx, { versionId: version.id, revision: input.revision, ...diffRows(rows, lawToRows(law)) });
    store.conflicts.resolve(conflict.id, 'mine', saved.savedAt);
    record(ctx, conflict.packageId, conflict.uid, 'resolve-conflict', { conflictId: conflict.id, keep: 'mine' });
    return { revision: saved.revision };
  });
}

/** Puts the draft's wording of a conflicted unit into the tree: over the unit, or as a unit placed again. */
function putBack(body: Provision[], c: ConflictRecord): void {
  let unit: Provision | undefined;
  const parents = new Map<string, Provision>();
  walkProvisions(body, (u) => {
    parents.set(u.uid, u);
    if (u.uid === c.uid) unit = u;
  });
  if (!c.mine) {
    // The draft had taken the unit out: take it out again.
    if (!unit) return;
    const list = findList(body, parents, c.uid);
    list.splice(list.indexOf(unit), 1);
    return;
  }
  const build = (p: ProvisionJSON): Provision => ({ ...p, eId: '', notes: [...p.notes], children: p.children.map(build) });
  if (unit) {
    Object.assign(unit, { num: c.mine.num, heading: c.mine.heading, text: c.mine.text, repealed: c.mine.repealed });
    // A stub (the new law repealed it) holds nothing: the draft's content under it comes back too,
    // but for units the draft already has elsewhere.
    if (unit.children.length === 0 && c.children?.length && !c.mine.repealed) {
      const present = new Set(parents.keys());
      const fresh = (p: ProvisionJSON): ProvisionJSON | null => (present.has(p.uid) ? null : { ...p, children: p.children.map(fresh).filter((x): x is ProvisionJSON => x !== null) });
      unit.children = c.children.map(fresh).filter((x): x is ProvisionJSON => x !== null).map(build);
    }
    return;
  }
  if (!c.placement) throw new StoreError('INVALID_INPUT', 'There is no record of where this unit stood: add it by hand.', 'conflict.noPlacement');
  const parent = c.placement.parentUid === null ? null : parents.get(c.placement.parentUid);
  if (c.placement.parentUid !== null && !parent) throw new StoreError('INVALID_INPUT', 'The unit it stood in is gone from the draft: add it by hand.', 'conflict.parentGone');
  const list = parent ? parent.children : body;
  const after = c.placement.afterUid === null ? -1 : list.findIndex((x) => x.uid === c.placement!.afterUid);
  list.splice(after + 1, 0, build({ ...c.mine, children: c.children ?? [] }));
}

function findList(body: Provision[], parents: Map<string, Provision>, uid: string): Provision[] {
  for (const p of parents.values()) if (p.children.some((c) => c.uid === uid)) return p.children;
  return body;
}

/**
 * Queues a push of a team move's conflicted provision as the draft has it now (the new law's
 * wording, or gone): it changes nothing but the provision's revision, which tells each desktop
 * still asking that the choice was made (team/move.ts closeChosenElsewhere). Signed by who chose.
 */
function confirmTeamChoice(ctx: ServiceContext, conflict: ConflictRecord, at: string): void {
  const row = ctx.store.provisions.rows(conflict.versionId, [conflict.uid]).get(conflict.uid);
  queueTeamChanges(ctx, conflict.packageId, conflict.versionId, row ? { upserts: [row], deletes: [] } : { upserts: [], deletes: [conflict.uid] }, at);
}
