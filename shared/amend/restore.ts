import { assignEIds } from '../law/eid';
import type { LawDoc, Provision } from '../law/provision';
import { align } from './align';
import { indexTree } from './tree-index';
import type { Amendment } from './types';

/** A unit that cannot be put back where the law in force has it (its parent is gone from the draft too). */
export class RestoreError extends Error {
  override readonly name = 'RestoreError';
}

/**
 * Undoes, in a copy of the draft, an amendment that took a unit out of the text or moved it: the
 * unit goes back where the law in force has it (under the same parent, after the nearest earlier
 * sibling the draft still has), with its wording in force; a removed unit comes back with what was
 * under it, except units the draft already has elsewhere. The draft itself is not changed.
 */
export function restoreUnit(base: LawDoc, draft: LawDoc, a: Amendment): LawDoc {
  const baseUid = a.baseUid ?? a.uid;
  const copy = (p: Provision): Provision => ({ ...p, notes: [...p.notes], children: p.children.map(copy) });
  const out: LawDoc = { lang: draft.lang, body: draft.body.map(copy) };
  const inDraft = new Map<string, { unit: Provision; list: Provision[] }>();
  const indexDraft = (list: Provision[]) => list.forEach((u) => (inDraft.set(u.uid, { unit: u, list }), indexDraft(u.children)));
  indexDraft(out.body);
  const inBase = new Map<string, { unit: Provision; parent: Provision | null; list: Provision[] }>();
  const indexBase = (list: Provision[], parent: Provision | null) => list.forEach((u) => (inBase.set(u.uid, { unit: u, parent, list }), indexBase(u.children, u)));
  indexBase(base.body, null);
  // Base units as the draft knows them (the same lineage, or aligned by address and wording).
  const draftUidOf = align(indexTree(base), indexTree(draft)).reverse;
  const inDraftOf = (uid: string) => inDraft.get(draftUidOf.get(uid) ?? uid);
  const where = inBase.get(baseUid);
  if (!where) throw new RestoreError(`The law in force has no unit ${a.eId}.`);
  const parentInDraft = where.parent === null ? null : inDraftOf(where.parent.uid)?.unit;
  const parentList = where.parent === null ? out.body : parentInDraft?.children;
  if (!parentList) throw new RestoreError(`The unit that held ${a.eId} in the law in force is not in the draft: restore it first.`);
  // A repealed unit is a stub: nothing stands under it, so its content comes back only with it.
  if (parentInDraft?.repealed) throw new RestoreError(`The unit that held ${a.eId} in the law in force is repealed in the draft: reject that repeal first.`);

  let unit: Provision;
  if (!a.proposed) {
    // Back with what was under it, but for units the draft has elsewhere.
    const fresh = (p: Provision): Provision => ({ ...p, notes: [...p.notes], children: p.children.filter((c) => !inDraftOf(c.uid)).map(fresh) });
    unit = fresh(where.unit);
  } else {
    const moved = inDraft.get(a.uid);
    if (!moved) throw new RestoreError(`The draft has no unit ${a.eId}.`);
    moved.list.splice(moved.list.indexOf(moved.unit), 1);
    unit = Object.assign(moved.unit, { num: where.unit.num, heading: where.unit.heading, text: where.unit.text, repealed: where.unit.repealed });
  }
  const at = where.list.indexOf(where.unit);
  let after = -1;
  for (let i = at - 1; i >= 0 && after < 0; i--) {
    const sibling = inDraftOf(where.list[i]!.uid)?.unit;
    after = sibling ? parentList.indexOf(sibling) : -1;
  }
  parentList.splice(after + 1, 0, unit);
  assignEIds(out.body);
  return out;
}
