import type { Node as PMNode } from 'prosemirror-model';
import { isUnitNode, walkProvisions, type LawDoc } from '../../shared/law';

/**
 * Where the draft should open after a rejection, so the reviewer stays where they were: the
 * provision decided on, if the text in force has it (a rejection puts it back there); else — a new
 * provision the rejection took out — the one it stood in, or the one before it.
 */
export function anchorAfterRejection(doc: PMNode, base: LawDoc, uid: string): string | null {
  let inBase = false;
  walkProvisions(base.body, (u) => {
    if (u.uid === uid) inBase = true;
  });
  if (inBase) return uid;
  let found: string | null = null;
  const visit = (node: PMNode, parent: string | null, before: string | null): boolean => {
    let previous = before;
    let hit = false;
    node.forEach((child) => {
      if (hit || !isUnitNode(child)) return;
      const childUid = child.attrs['uid'] as string;
      if (childUid === uid) {
        found = previous ?? parent;
        hit = true;
        return;
      }
      if (visit(child, childUid, null)) hit = true;
      previous = childUid;
    });
    return hit;
  };
  visit(doc, null, null);
  return found;
}
