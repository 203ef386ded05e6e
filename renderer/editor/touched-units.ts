import type { Node as PMNode } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';
import { ReplaceStep } from 'prosemirror-transform';
import { isUnitNode } from '../../shared/law';
import { isInlineSlice } from './slices';

/** A unit whose own heading or text a transaction changed, with where it now starts. */
export interface TouchedUnit {
  uid: string;
  pos: number;
  node: PMNode;
}

/**
 * The units whose heading or text a transaction changed, when it changed nothing else; null when
 * it changed the structure (a unit added, removed, split, joined, or its attributes), which needs a
 * full re-derivation. Typing, deleting and pasting plain text inside one text block stay on the
 * fast path, so the cost of an edit does not grow with the size of the law.
 */
export function touchedUnits(tr: Transaction): TouchedUnit[] | null {
  const found = new Map<string, number>();
  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i];
    if (!(step instanceof ReplaceStep)) return null;
    if (!isInlineSlice(step.slice)) return null;
    const before = tr.docs[i] as PMNode;
    const $from = before.resolve(step.from);
    const $to = before.resolve(step.to);
    if (!$from.parent.isTextblock || $from.parent !== $to.parent || $from.depth < 2) return null;
    // The unit's position, carried forward to the final document.
    const unitPos = tr.mapping.slice(i).map($from.before($from.depth - 1));
    found.set($from.node($from.depth - 1).attrs['uid'] as string, unitPos);
  }
  const out: TouchedUnit[] = [];
  for (const [uid, pos] of found) {
    const node = tr.doc.nodeAt(pos);
    if (!node || !isUnitNode(node) || node.attrs['uid'] !== uid) return null;
    out.push({ uid, pos, node });
  }
  return out;
}
