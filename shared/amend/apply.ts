import { assignEIds } from '../law/eid';
import type { ProvisionJSON } from '../law/json';
import type { LawDoc, Provision } from '../law/provision';
import type { Amendment } from './types';

/** Thrown when amendments do not fit the law they are applied to. */
export class ApplyError extends Error {
  override readonly name = 'ApplyError';
}

/**
 * Applies amendments to a law and returns the amended law (the base is not changed):
 * `apply(base, derive(base, draft))` equals `draft` (notes of existing units aside, which are
 * not amended). Order of work: units that move are lifted out, removed units dropped, changed units
 * updated, then new and moved units placed in the order of the law, each after its draft sibling.
 */
export function apply(base: LawDoc, amendments: readonly Amendment[]): LawDoc {
  const body = base.body.map(clone);
  // A stand-in parent for the top-level units, so that every unit has one (its fields are never read).
  const root: Provision = { uid: '', eId: '', kind: 'article', num: '', heading: '', text: '', repealed: false, notes: [], children: body };
  const parentOf = new Map<string, Provision>();
  const byUid = new Map<string, Provision>();
  const index = (unit: Provision, parent: Provision) => {
    byUid.set(unit.uid, unit);
    parentOf.set(unit.uid, parent);
    unit.children.forEach((c) => index(c, unit));
  };
  body.forEach((u) => index(u, root));
  // Takes a unit out of its parent's children (if it is still there; a unit inside a removed
  // subtree may already have left with it).
  const detach = (uid: string) => {
    const unit = byUid.get(uid);
    const parent = parentOf.get(uid);
    if (!unit || !parent) throw new ApplyError(`No unit ${uid} in the law.`);
    const at = parent.children.indexOf(unit);
    if (at >= 0) parent.children.splice(at, 1);
  };

  // A unit that moved has a placement; its kind may say more (a repealed unit can also move).
  for (const a of amendments) if (a.base && a.placement) detach(a.baseUid ?? a.uid);
  for (const a of amendments) {
    const leaving = a.base && !a.proposed ? [a.baseUid ?? a.uid, ...a.dropped.map((u) => u.uid)] : a.dropped.map((u) => u.uid);
    for (const uid of leaving) {
      detach(uid);
      byUid.delete(uid);
    }
  }
  for (const a of amendments) {
    if (!a.base || !a.proposed) continue;
    const unit = byUid.get(a.baseUid ?? a.uid);
    if (!unit) throw new ApplyError(`Amendment to ${a.eId}: no unit ${a.baseUid ?? a.uid} in the law.`);
    Object.assign(unit, { uid: a.proposed.uid, num: a.proposed.num, heading: a.proposed.heading, text: a.proposed.text, repealed: a.proposed.repealed });
    if (a.baseUid) {
      byUid.delete(a.baseUid);
      byUid.set(unit.uid, unit);
    }
  }
  for (const a of amendments) {
    const place = a.placement;
    if (!place) continue;
    const parent = place.parentUid === null ? root : byUid.get(place.parentUid);
    if (!parent) throw new ApplyError(`Amendment to ${a.eId}: no parent ${place.parentUid}.`);
    const unit = a.base ? (byUid.get(a.uid) as Provision) : fromJSON(a);
    if (!unit) throw new ApplyError(`Amendment to ${a.eId}: nothing to place.`);
    const after = place.afterUid === null ? -1 : parent.children.findIndex((c) => c.uid === place.afterUid);
    if (place.afterUid !== null && after < 0) throw new ApplyError(`Amendment to ${a.eId}: no sibling ${place.afterUid} to follow.`);
    parent.children.splice(after + 1, 0, unit);
    const register = (u: Provision) => {
      byUid.set(u.uid, u);
      u.children.forEach(register);
    };
    register(unit);
  }
  assignEIds(body);
  return { lang: base.lang, body };
}

function clone(unit: Provision): Provision {
  return { ...unit, notes: [...unit.notes], children: unit.children.map(clone) };
}

/** The new unit of an insert amendment, with the new units under it. */
function fromJSON(a: Amendment): Provision {
  if (!a.proposed) throw new ApplyError(`Insert at ${a.eId} has no text.`);
  const build = (p: ProvisionJSON): Provision => ({ ...p, eId: '', notes: [...p.notes], children: p.children.map(build) });
  return build({ ...a.proposed, children: a.insertedChildren ?? [] });
}
