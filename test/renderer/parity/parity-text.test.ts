import { describe, expect, it } from 'vitest';
import type { ProvisionRow } from '../../../shared/law';
import { keepPendingWording } from '../../../renderer/parallel/pending-wording';
import { factText } from '../../../renderer/parity/finding-text';

const row = (uid: string, text: string, ord = 0): ProvisionRow => ({ uid, parentUid: null, ord, kind: 'paragraph', num: String(ord + 1), heading: '', text, repealed: false, notes: [] });

describe('a column read again after the other language made a structural change in it', () => {
  it('keeps the words typed and not yet saved, on the units that are still there', () => {
    const saved = [row('a', 'Первый.'), row('b', 'Второй.', 1)];
    const current = [row('a', 'Первый, исправленный.'), row('b', 'Второй.', 1)];
    // The store now has a new unit between them (made from the other language), and "b" moved on.
    const stored = [row('a', 'Первый.'), row('n', '', 1), row('b', 'Второй.', 2)];
    const { rows, kept } = keepPendingWording(stored, saved, current);
    expect(kept).toBe(true);
    expect(rows.map((r) => [r.uid, r.ord, r.text])).toEqual([
      ['a', 0, 'Первый, исправленный.'],
      ['n', 1, ''],
      ['b', 2, 'Второй.'],
    ]);
  });

  it('keeps nothing when nothing was typed, and drops words typed in a unit the store no longer has', () => {
    const saved = [row('a', 'Первый.'), row('b', 'Второй.', 1)];
    expect(keepPendingWording(saved, saved, saved).kept).toBe(false);
    const { rows, kept } = keepPendingWording([row('a', 'Первый.')], saved, [row('a', 'Первый.'), row('b', 'Второй, исправленный.', 1)]);
    expect([kept, rows.map((r) => r.uid)]).toEqual([false, ['a']]);
  });
});

describe('facts of a parity finding, as laws write them', () => {
  it.each([
    ['pct:40', 'ru', '40 %'],
    ['pct:2.5', 'ru', '2,5 %'],
    ['date:2026-07-01', 'kk', '01.07.2026'],
    ['num:30', 'en', '30'],
    ['ref:article:5', 'ru', 'Статья 5'],
    ['ref:paragraph:2-1', 'kk', '2-1-тармақ'],
  ] as const)('%s in %s is "%s"', (fact, lang, text) => {
    expect(factText(fact, lang)).toBe(text);
  });
});
