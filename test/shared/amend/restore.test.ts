import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derive, type Amendment } from '../../../shared/amend';
import { restoreUnit, RestoreError } from '../../../shared/amend/restore';
import { LawStructureError, parseLaw, printLaw, validateLaw } from '../../../shared/law';
import { editArb, edited, lawArb, type Edit } from '../instructions/random-drafts';
import { propertyParams } from '../../helpers/property';

/**
 * Nothing else changes: every amendment after the undo was there before — but a unit that had left
 * the text with a repeal may now show on its own, and among units of the same wording (twins) the
 * pairing may fall on another twin (the text shown is the same).
 */
function expectNothingNew(before: readonly Amendment[], after: readonly Amendment[]): void {
  const known = new Set(before.flatMap((x) => [x.uid, ...x.dropped.map((d) => d.uid)]));
  const wordings = new Set(before.map((x) => x.base?.text).filter((t) => t !== undefined));
  for (const x of after) expect(known.has(x.uid) || (x.base !== null && wordings.has(x.base.text)), `${x.kind} ${x.uid}`).toBe(true);
}

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
          expect(derive(base, restored).map((x) => x.uid)).not.toContain(a.uid);
          expectNothingNew(amendments, derive(base, restored));
        }
      }),
      propertyParams(400),
    );
    expect(undone).toBeGreaterThan(20);
  });
});

/**
 * Cases the property found, kept by name (the seed that found them stops meaning the same case as
 * soon as a generator changes): the law in force, the edits, and what undoing must do.
 */
describe('undoing a move or a removal: regressions', () => {
  it('regression 1 (seed -915589485): a part that left an article the draft then repealed is not put back under the stub', () => {
    const base = parseLaw(`Глава 1. ОБЩИЕ

Статья 1. Организации университет
Организации университет.
Организации университет.

Глава 2. ОСОБЫЕ

Статья 2. Организации университет
Организации университет.
Организации совет.
Организации университет.
1) Организации университет.
2) Организации университет.
`);
    const edits: Edit[] = [
      { op: 'repeal', a: 1903909044, b: 0, words: 'Организации университет.' },
      { op: 'insert', a: 1445313835, b: 0, words: 'Организации совет.' },
      { op: 'words', a: 0, b: 0, words: 'Организации университет.' },
    ];
    const draft = edited(base, edits);
    // The new part of article 1 reads as the second part of article 2 moved there.
    const moved = derive(base, draft).find((a) => a.placement && a.base && a.eId.endsWith('art_2__part_2'));
    expect(moved).toBeDefined();
    expect(() => restoreUnit(base, draft, moved!)).toThrow(RestoreError);
    expect(() => restoreUnit(base, draft, moved!)).toThrow(/repealed in the draft/);
  });

  it('regression 2 (seed 1928238652): among parts of the same wording, undoing a move may pair a twin differently, and changes nothing else', () => {
    const base = parseLaw('Глава 1. ОБЩИЕ\n\nСтатья 1. Организации университет\nОрганизации университет.\nОрганизации университет.\nОрганизации университет.\n');
    const edits: Edit[] = [
      { op: 'remove', a: 562673981, b: 0, words: 'Организации университет.' },
      { op: 'remove', a: 4, b: 0, words: 'Организации университет.' },
      { op: 'insert', a: 261932097, b: 0, words: 'Организации университет.' },
    ];
    const draft = edited(base, edits);
    const amendments = derive(base, draft);
    const moved = amendments.find((x) => x.kind === 'move')!;
    const restored = restoreUnit(base, draft, moved);
    expect(derive(base, restored).map((x) => x.uid)).not.toContain(moved.uid);
    expectNothingNew(amendments, derive(base, restored));
    // The text shown is what the law has in force, less the one part the draft still takes out.
    expect(printLaw(restored).match(/Организации университет\./g)).toHaveLength(2);
  });
});

