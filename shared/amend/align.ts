import { isWordToken, tokenize } from '../diff/tokenize';
import type { TreeIndex } from './tree-index';

/** Below this word overlap two units are not taken for the same provision. */
const MIN_SIMILARITY = 0.6;
/** Above this many candidate pairs, text similarity is not tried (it is quadratic). */
const MAX_SIMILARITY_PAIRS = 2_000_000;

/**
 * Pairs each draft unit with the base unit it is a version of: first by uid (the same lineage, the
 * normal case in a package), then by eId and kind (the same address), then by word overlap among
 * units of the same kind, so that two versions imported separately, with no shared uids, still
 * align. Returns draft uid → base uid (`pairs`) and base uid → draft uid (`reverse`, which is also
 * the set of base units that were paired); unpaired draft units are inserts, unpaired base units removals.
 */
export function align(base: TreeIndex, draft: TreeIndex): { pairs: Map<string, string>; reverse: Map<string, string> } {
  const pairs = new Map<string, string>();
  const takenBase = new Map<string, string>();
  for (const uid of draft.keys()) {
    if (base.has(uid)) {
      pairs.set(uid, uid);
      takenBase.set(uid, uid);
    }
  }
  if (pairs.size === draft.size) return { pairs, reverse: takenBase };

  const baseByEId = new Map<string, string>();
  for (const [uid, e] of base) if (!takenBase.has(uid)) baseByEId.set(`${e.unit.kind}|${e.unit.eId}`, uid);
  for (const [uid, e] of draft) {
    if (pairs.has(uid)) continue;
    const match = baseByEId.get(`${e.unit.kind}|${e.unit.eId}`);
    if (match && !takenBase.has(match)) {
      pairs.set(uid, match);
      takenBase.set(match, uid);
    }
  }

  const restDraft = [...draft.keys()].filter((u) => !pairs.has(u));
  const restBase = [...base.keys()].filter((u) => !takenBase.has(u));
  if (restDraft.length === 0 || restBase.length === 0 || restDraft.length * restBase.length > MAX_SIMILARITY_PAIRS) return { pairs, reverse: takenBase };
  const words = (text: string) => new Set(tokenize(text).filter(isWordToken).map((w) => w.toLowerCase()));
  const baseWords = new Map(restBase.map((u) => [u, words(unitText(base, u))]));
  const candidates: { d: string; b: string; score: number }[] = [];
  for (const d of restDraft) {
    const dw = words(unitText(draft, d));
    if (dw.size === 0) continue;
    for (const b of restBase) {
      if (base.get(b)?.unit.kind !== draft.get(d)?.unit.kind) continue;
      const score = jaccard(dw, baseWords.get(b) as Set<string>);
      if (score >= MIN_SIMILARITY) candidates.push({ d, b, score });
    }
  }
  // Best pairs first; each unit is used once.
  candidates.sort((x, y) => y.score - x.score);
  for (const { d, b } of candidates) {
    if (pairs.has(d) || takenBase.has(b)) continue;
    pairs.set(d, b);
    takenBase.set(b, d);
  }
  return { pairs, reverse: takenBase };
}

function unitText(index: TreeIndex, uid: string): string {
  const unit = index.get(uid)?.unit;
  return unit ? `${unit.heading} ${unit.text}` : '';
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let common = 0;
  for (const w of a) if (b.has(w)) common += 1;
  const union = a.size + b.size - common;
  return union === 0 ? 0 : common / union;
}
