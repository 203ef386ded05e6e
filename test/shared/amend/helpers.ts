import { assignEIds, lawToJSON, parseLaw, type LawDoc, type Provision } from '../../../shared/law';
import { countingUids } from '../law/helpers';

/** Parses a law text with stable uids. */
export function law(text: string): LawDoc {
  return parseLaw(text, { makeUid: countingUids() });
}

/** A deep copy of a law to edit as a draft (same uids: the same lineage). */
export function draftOf(base: LawDoc, edit: (units: Provision[], find: (eId: string) => Provision) => void): LawDoc {
  const draft = lawFromCopy(base);
  const find = (eId: string): Provision => {
    let hit: Provision | undefined;
    const walk = (units: Provision[]) => units.forEach((u) => (u.eId === eId ? (hit = u) : walk(u.children)));
    walk(draft.body);
    if (!hit) throw new Error(`no ${eId}`);
    return hit;
  };
  edit(draft.body, find);
  assignEIds(draft.body);
  return draft;
}

function lawFromCopy(doc: LawDoc): LawDoc {
  const copy = (p: Provision): Provision => ({ ...p, notes: [...p.notes], children: p.children.map(copy) });
  return { lang: doc.lang, body: doc.body.map(copy) };
}

/** A law as plain data, for comparing two trees (eIds included: they follow from the shape). */
export function plain(doc: LawDoc): unknown {
  const withEIds = (p: Provision): unknown => ({ eId: p.eId, ...lawToJSON({ lang: doc.lang, body: [{ ...p, children: [] }] }).body[0], children: p.children.map(withEIds) });
  return { lang: doc.lang, body: doc.body.map(withEIds) };
}
