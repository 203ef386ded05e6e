import type { LawDoc } from '../law/provision';
import { Derivation, type DiffCache } from './derivation';
import type { Amendment, DeriveOptions } from './types';

/**
 * The amendments that turn `base` into `draft`: one per changed provision, in the order of the law.
 * Units are paired by lineage (align.ts); a pair whose texts are equal costs a string comparison,
 * and only changed texts are diffed (through `cache` when given). Notes (footnotes) are metadata
 * of the consolidated text and are not amended.
 */
export function derive(base: LawDoc, draft: LawDoc, options: Partial<DeriveOptions> = {}, cache?: DiffCache): Amendment[] {
  return new Derivation(base, draft, options, cache).list();
}
