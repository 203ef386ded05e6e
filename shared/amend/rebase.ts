import { assignEIds } from '../law/eid';
import type { ProvisionJSON } from '../law/json';
import type { LawDoc, Provision } from '../law/provision';
import { LawStructureError } from '../law/structure-error';
import { validateLaw } from '../law/validate';
import { derive } from './derive';
import { structuralLabel } from './label';
import { indexTree, stateOf } from './tree-index';
import type { Amendment, UnitState } from './types';

/** A draft that cannot be moved to the new text without breaking its structure: it stays where it was. */
export class RebaseError extends Error {
  override readonly name = 'RebaseError';
}

/** Why a provision could not be merged by itself. */
export type ConflictReason =
  /** The new law and the draft both changed it, differently. */
  | 'both-changed'
  /** The new law repealed it (kept a stub); the draft had changed it. */
  | 'repealed-in-new-base'
  /** The new law no longer has it; the draft had changed it. */
  | 'removed-in-new-base'
  /** A unit the draft added has nowhere to stand (its parent is gone) or its number is taken. */
  | 'no-place';

/** A provision the drafter must decide about: its wording before, in the new law, and in the draft. */
export interface RebaseConflict {
  uid: string;
  /** Where it stands, for people ("Статья 5, пункт 2"). */
  label: string;
  reason: ConflictReason;
  base: UnitState | null;
  theirs: UnitState | null;
  mine: UnitState | null;
  /** For a unit the draft added: where it stood in the draft, so "use my wording" can place it again. */
  placement?: { parentUid: string | null; afterUid: string | null };
  /** For a unit the draft added: the units under it. */
  children?: ProvisionJSON[];
}

/** The outcome of a rebase: the draft on the new law, what merged by itself, and what did not. */
export interface RebaseResult {
  merged: LawDoc;
  /** The draft's changes carried over to the new law without a question. */
  carried: number;
  conflicts: RebaseConflict[];
}

const sameState = (a: UnitState | null | undefined, b: UnitState | null | undefined) =>
  !!a && !!b && a.kind === b.kind && a.num === b.num && a.heading === b.heading && a.text === b.text && a.repealed === b.repealed;

/**
 * Moves a draft from the text it was made on (`oldBase`) to a new text in force (`newBase`),
 * provision by provision, three ways: what only the law changed comes in as the law has it, what
 * only the draft changed is carried over, the same change made by both is taken once; a provision
 * both changed differently, or that the new law repealed or dropped while the draft changed it, is
 * a conflict. A conflict keeps the new law's wording in the merged draft and records the draft's,
 * so nothing the drafter wrote is lost and they choose. `newBase` must share uids with `oldBase`
 * (the lineage of the provisions; see the importer), and the draft with `oldBase`.
 */
export function rebase(oldBase: LawDoc, newBase: LawDoc, draft: LawDoc): RebaseResult {
  const amendments = derive(oldBase, draft);
  const body = newBase.body.map(clone);
  const root: Provision = { uid: '', eId: '', kind: 'article', num: '', heading: '', text: '', repealed: false, notes: [], children: body };
  const byUid = new Map<string, Provision>();
  const parentOf = new Map<string, Provision>();
  const index = (unit: Provision, parent: Provision) => {
    byUid.set(unit.uid, unit);
    parentOf.set(unit.uid, parent);
    unit.children.forEach((c) => index(c, unit));
  };
  body.forEach((u) => index(u, root));
  // The new law's own wording of a unit, read from the new law itself (the merge changes as it goes).
  const newIndex = indexTree(newBase);
  const theirs = (uid: string) => {
    const entry = newIndex.get(uid);
    return entry ? stateOf(entry.unit) : null;
  };
  // The merge's unit for a uid; one that left the merge inside another unit's subtree (a repeal's
  // content) but that the draft keeps elsewhere is taken again from the new law.
  const unitOf = (uid: string): Provision | undefined => {
    const here = byUid.get(uid);
    if (here) return here;
    const entry = newIndex.get(uid);
    if (!entry) return undefined;
    const fresh = { ...clone(entry.unit), children: entry.unit.children.filter((c) => !byUid.has(c.uid)).map(clone) };
    const register = (u: Provision) => (byUid.set(u.uid, u), u.children.forEach(register));
    register(fresh);
    return fresh;
  };
  // The draft's uid for a unit aligned from another lineage, so what people attached to it follows it.
  const rename = (unit: Provision, uid: string) => {
    if (unit.uid === uid) return;
    const parent = parentOf.get(unit.uid);
    byUid.delete(unit.uid);
    parentOf.delete(unit.uid);
    unit.uid = uid;
    byUid.set(uid, unit);
    if (parent) parentOf.set(uid, parent);
  };
  const draftIndex = indexTree(draft);
  const conflicts: RebaseConflict[] = [];
  // Every conflict records where the unit stands in the draft and what is under it there, so the
  // drafter's wording can be put back whole.
  const conflict = (a: Amendment, reason: ConflictReason, extra: Partial<RebaseConflict> = {}) => {
    const inDraft = draftIndex.get(a.uid);
    const siblings = inDraft ? (inDraft.parentUid === null ? draft.body : draftIndex.get(inDraft.parentUid)!.unit.children) : [];
    const placement = inDraft ? { parentUid: inDraft.parentUid, afterUid: inDraft.index > 0 ? siblings[inDraft.index - 1]!.uid : null } : undefined;
    const children = inDraft ? inDraft.unit.children.map(toJSON) : undefined;
    conflicts.push({ uid: a.uid, label: structuralLabel(a.path, draft.lang), reason, base: a.base, theirs: theirs(a.baseUid ?? a.uid), mine: a.proposed, ...(placement ? { placement } : {}), ...(children ? { children } : {}), ...extra });
  };
  const detach = (uid: string) => {
    const unit = byUid.get(uid);
    const parent = parentOf.get(uid);
    if (!unit || !parent) return;
    parent.children.splice(parent.children.indexOf(unit), 1);
    const forget = (u: Provision) => (byUid.delete(u.uid), parentOf.delete(u.uid), u.children.forEach(forget));
    forget(unit);
  };
  // Law units the draft took out on purpose (and what was under them): the only law units a merge may lack.
  const removedOnPurpose = new Set<string>();
  const takeOut = (uid: string) => {
    const unit = byUid.get(uid);
    if (!unit) return;
    const mark = (u: Provision) => (removedOnPurpose.add(u.uid), u.children.forEach(mark));
    mark(unit);
    detach(uid);
  };
  // Whether the new law changed anything under a unit (a unit added or moved in, or one reworded): then a draft
  // that takes the unit out with its content would take the law's new text out unseen.
  const oldIndex = indexTree(oldBase);
  const changedUnder = (uid: string): boolean => {
    const walk = (u: Provision): boolean =>
      u.children.some((c) => {
        const old = oldIndex.get(c.uid);
        // New here: added, or moved in from elsewhere; or reworded.
        return !old || old.parentUid !== u.uid || !sameState(stateOf(c), stateOf(old.unit)) || walk(c);
      });
    const entry = newIndex.get(uid);
    return entry ? walk(entry.unit) : false;
  };
  // Amendments the law already made itself: nothing to carry.
  const sameAsLaw = new Set<string>();
  const toPlace: { a: Amendment; unit: Provision; added: boolean }[] = [];

  for (const a of amendments) {
    if (!a.base) continue; // new units are placed below
    const uid = a.baseUid ?? a.uid;
    const now = theirs(uid);
    if (!a.proposed) {
      // The draft takes the unit out: so does the merge, unless the law changed it meanwhile.
      if (!now) sameAsLaw.add(a.uid);
      else if (sameState(now, a.base) && !changedUnder(uid)) takeOut(uid);
      else conflict(a, now.repealed && !a.base.repealed ? 'repealed-in-new-base' : 'both-changed');
      continue;
    }
    if (!now) {
      conflict(a, 'removed-in-new-base');
      continue;
    }
    // The law may already read as the draft wants (the same change, or a move that changes no words).
    const alreadyThere = sameState(now, a.proposed);
    if (!alreadyThere && !sameState(now, a.base)) {
      conflict(a, now.repealed && !a.base.repealed ? 'repealed-in-new-base' : 'both-changed');
      continue;
    }
    // A repeal takes its content out of the text: not if the law changed some of it meanwhile.
    if (!alreadyThere && a.dropped.length > 0 && changedUnder(uid)) {
      conflict(a, 'both-changed');
      continue;
    }
    const unit = unitOf(uid)!;
    if (!alreadyThere) {
      Object.assign(unit, { num: a.proposed.num, heading: a.proposed.heading, text: a.proposed.text, repealed: a.proposed.repealed });
      for (const gone of a.dropped) takeOut(gone.uid);
    } else if (!a.placement) sameAsLaw.add(a.uid);
    rename(unit, a.uid);
    // A unit the draft moved moves in the merge too (below, in the draft's order).
    if (a.placement) toPlace.push({ a, unit, added: false });
  }

  // New units of the draft, and units it moved, each after its nearest earlier draft sibling the
  // merge has, in the draft's order, so a parent or a sibling they follow is in place before them.
  for (const a of amendments) if (!a.base && a.proposed && a.placement) toPlace.push({ a, unit: build(a), added: true });
  toPlace.sort((x, y) => (draftIndex.get(x.a.uid)?.order ?? 0) - (draftIndex.get(y.a.uid)?.order ?? 0));
  for (const { a, unit, added } of toPlace) {
    if (!place(unit, a.placement!, a.uid)) {
      conflict(a, 'no-place', { placement: a.placement!, ...(added ? { children: a.insertedChildren ?? [] } : {}) });
      continue;
    }
    if (added) index(unit, parentOf.get(unit.uid) ?? root);
  }

  function place(unit: Provision, at: { parentUid: string | null; afterUid: string | null }, draftUid = unit.uid): boolean {
    const parent = at.parentUid === null ? root : byUid.get(at.parentUid);
    // Nowhere to stand: its parent is gone, or is a stub now (a repealed unit holds nothing).
    if (!parent || (parent !== root && parent.repealed)) return false;
    // Out of where it stands now (another parent, for a unit that changed parents)…
    const from = parentOf.get(unit.uid);
    const current = from ? from.children.indexOf(unit) : -1;
    if (from && current >= 0) from.children.splice(current, 1);
    // Siblings before it in the draft, nearest first: it goes after the first the merge still has.
    const siblings = at.parentUid === null ? draft.body : (draftIndex.get(at.parentUid)?.unit.children ?? []);
    const mine = siblings.findIndex((s) => s.uid === draftUid);
    let after = -1;
    for (let i = (mine < 0 ? siblings.length : mine) - 1; i >= 0 && after < 0; i--) after = parent.children.findIndex((c) => c.uid === siblings[i]!.uid);
    if (at.afterUid !== null && after < 0) after = parent.children.findIndex((c) => c.uid === at.afterUid);
    parent.children.splice(after + 1, 0, unit);
    parentOf.set(unit.uid, parent);
    return true;
  }

  const conflicted = () => new Set(conflicts.map((c) => c.uid));
  const amendmentOf = new Map(amendments.map((a) => [a.baseUid ?? a.uid, a]));
  /**
   * Nothing is lost: a law unit the merge lacks (and the draft did not take out) goes back where
   * the new law has it, with the law's wording; a change of the draft that is neither in the merge
   * nor listed becomes a conflict, so its wording is kept.
   */
  const complete = () => {
    for (const [uid, entry] of newIndex) {
      if (removedOnPurpose.has(uid)) continue;
      const a = amendmentOf.get(uid);
      if (byUid.has(uid) || (a && byUid.has(a.uid))) continue;
      const parent = entry.parentUid === null ? root : byUid.get(entry.parentUid);
      if (!parent) continue; // its parent comes back first (document order) or left on purpose
      const siblings = entry.parentUid === null ? newBase.body : newIndex.get(entry.parentUid)!.unit.children;
      let after = -1;
      for (let i = entry.index - 1; i >= 0 && after < 0; i--) after = parent.children.findIndex((c) => c.uid === siblings[i]!.uid);
      const unit: Provision = { ...clone(entry.unit), children: [] };
      parent.children.splice(after + 1, 0, unit);
      index(unit, parent);
      if (a && !conflicted().has(a.uid)) conflict(a, 'no-place');
      if (a) rename(unit, a.uid);
    }
    for (const a of amendments) if (!a.base && a.proposed && !byUid.has(a.uid) && !conflicted().has(a.uid)) conflict(a, 'no-place', { children: a.insertedChildren ?? [] });
  };
  complete();

  const merged: LawDoc = { lang: newBase.lang, body };
  // Numbers the draft gave new units may now be taken by the law's own new units: such units wait as conflicts.
  let valid = false;
  for (let guard = 0; guard < 1000 && !valid; guard++) {
    assignEIds(body);
    try {
      validateLaw(merged);
      valid = true;
    } catch (error) {
      const named = error instanceof LawStructureError ? error.where.uid : undefined;
      const added = (u: string | undefined) => (u ? amendments.find((x) => x.uid === u && !x.base) : undefined);
      // The error names the second of two clashing units; the draft's new unit is that one or its neighbour.
      const siblings = named ? (parentOf.get(named)?.children ?? []) : [];
      const at = siblings.findIndex((c) => c.uid === named);
      const a = added(named) ?? added(siblings[at - 1]?.uid) ?? added(siblings[at + 1]?.uid);
      if (!a) throw new RebaseError(`The draft cannot be carried over to the new text by itself: ${(error as Error).message}`);
      detach(a.uid);
      conflict(a, 'no-place', { ...(a.placement ? { placement: a.placement } : {}), children: a.insertedChildren ?? [] });
      // What stood under it (units the draft moved there, or added there) is not lost with it.
      complete();
    }
  }
  if (!valid) throw new RebaseError('The draft cannot be carried over to the new text by itself: its numbering does not settle.');
  const carried = amendments.length - conflicted().size - [...sameAsLaw].filter((uid) => !conflicted().has(uid)).length;
  return { merged, carried, conflicts };
}

function toJSON(u: Provision): ProvisionJSON {
  return { uid: u.uid, kind: u.kind, num: u.num, heading: u.heading, text: u.text, repealed: u.repealed, notes: [...u.notes], children: u.children.map(toJSON) };
}

function clone(unit: Provision): Provision {
  return { ...unit, notes: [...unit.notes], children: unit.children.map(clone) };
}

function build(a: Amendment): Provision {
  const make = (p: ProvisionJSON): Provision => ({ ...p, eId: '', notes: [...p.notes], children: p.children.map(make) });
  return make({ ...(a.proposed as UnitState), children: a.insertedChildren ?? [] });
}
