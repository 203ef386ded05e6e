import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derive } from '../../../shared/amend';
import { restoreUnit, RestoreError } from '../../../shared/amend/restore';
import { LawStructureError, validateLaw } from '../../../shared/law';
import { editArb, edited, lawArb } from '../instructions/random-drafts';

describe('undoing a move or a removal', () => {
  it('on random drafts: the amendment is gone and nothing new changes, or the restore says why it cannot', () => {
    let undone = 0;
    fc.assert(
      fc.property(lawArb('ru'), fc.array(editArb('ru'), { minLength: 1, maxLength: 6 }), (base, edits) => {
        const draft = edited(base, edits);
        const amendments = derive(base, draft);
        for (const a of amendments.filter((x) => !x.proposed || (x.placement && x.base))) {
          let restored;
          try {
            restored = restoreUnit(base, draft, a);
            validateLaw(restored);
          } catch (error) {
            if (error instanceof RestoreError || error instanceof LawStructureError) continue;
            throw error;
          }
          undone += 1;
          const after = derive(base, restored).map((x) => x.uid);
          expect(after).not.toContain(a.uid);
          // Nothing else changes, but a unit that had left the text with a repeal may now show on its own.
          const known = new Set(amendments.flatMap((x) => [x.uid, ...x.dropped.map((d) => d.uid)]));
          for (const uid of after) expect(known.has(uid), uid).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
    expect(undone).toBeGreaterThan(20);
  });
});
