import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apply, derive } from '../../../shared/amend';
import type { Lang } from '../../../shared/law';
import { plain } from './helpers';
import { editArb, edited, lawArb } from './random-edits';

describe('apply(base, derive(base, draft)) = draft', () => {
  it.each(['ru', 'kk', 'en'] as Lang[])('on random edits (%s)', (lang) => {
    fc.assert(
      fc.property(lawArb(lang), fc.array(editArb(lang), { minLength: 1, maxLength: 8 }), (base, edits) => {
        const draft = edited(base, edits);
        const amendments = derive(base, draft);
        expect(plain(apply(base, amendments))).toEqual(plain(draft));
        // Every amendment names a real change: none for an untouched law.
        expect(derive(base, base)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});
