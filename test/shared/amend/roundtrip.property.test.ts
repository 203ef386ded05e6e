import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apply, derive } from '../../../shared/amend';
import { align } from '../../../shared/amend/align';
import { indexTree } from '../../../shared/amend/tree-index';
import { parseLaw, type Lang, type LawDoc, type Provision } from '../../../shared/law';
import { propertyParams } from '../../helpers/property';
import { plain } from './helpers';
import { editArb, edited, lawArb, type Edit } from './random-edits';

/**
 * What apply(base, derive(base, draft)) must give: the draft, but for the lineage of a unit that
 * derive paired with a base unit of another uid and found unchanged. No amendment names such a unit
 * (nothing changed), so it keeps the base's uid; every changed, new or moved unit has the draft's.
 */
function expected(base: LawDoc, draft: LawDoc): unknown {
  const { pairs } = align(indexTree(base), indexTree(draft));
  const changed = new Set(derive(base, draft).map((a) => a.uid));
  const relabel = (p: Provision): Provision => ({ ...p, uid: changed.has(p.uid) ? p.uid : (pairs.get(p.uid) ?? p.uid), children: p.children.map(relabel) });
  return plain({ lang: draft.lang, body: draft.body.map(relabel) });
}

function roundTrip(base: LawDoc, edits: Edit[]): void {
  const draft = edited(base, edits);
  const amendments = derive(base, draft);
  expect(plain(apply(base, amendments))).toEqual(expected(base, draft));
  // Every amendment names a real change: none for an untouched law.
  expect(derive(base, base)).toEqual([]);
}

describe('apply(base, derive(base, draft)) = draft', () => {
  it.each(['ru', 'kk', 'en'] as Lang[])('on random edits (%s)', (lang) => {
    fc.assert(fc.property(lawArb(lang), fc.array(editArb(lang), { minLength: 1, maxLength: 8 }), roundTrip), propertyParams(400));
  });
});

/** Cases the property found, kept by name with the law and the edits that made them. */
describe('apply(base, derive(base, draft)): regressions', () => {
  it('regression 1 (seed 160283160): an article taken out and another made in its place keep the lineage derive pairs them by', () => {
    const base = parseLaw(`Article 1. university.
university.
1) university.
2) university.

Article 2. university.
1. university.

Article 3. university.
1. university.
1) university.
2) university.
`);
    roundTrip(base, [
      { op: 'insert', a: 160453634, b: 0, words: 'university.' },
      { op: 'remove', a: 919449972, b: 0, words: 'university.' },
      { op: 'text', a: 0, b: 0, words: 'university.' },
    ]);
  });
});
