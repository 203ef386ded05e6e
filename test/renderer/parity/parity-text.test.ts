import { describe, expect, it } from 'vitest';
import { lawToRows, type ProvisionRow } from '../../../shared/law';
import { keepPendingEdits } from '../../../renderer/parallel/pending-edits';
import { factText } from '../../../renderer/parity/finding-text';

const row = (uid: string, text: string, ord = 0): ProvisionRow => ({ uid, parentUid: 'art', ord, kind: 'paragraph', num: String(ord + 1), heading: '', text, repealed: false, notes: [] });

describe('a column read again after the other language made a structural change in it', () => {
  const keep = (stored: ProvisionRow[], saved: ProvisionRow[], current: ProvisionRow[]) => {
    const r = keepPendingEdits(stored, saved, current, 'ru');
    return { ...r, rows: lawToRows(r.law).map((x) => [x.uid, x.num, x.text]) };
  };
  const art = (): ProvisionRow => ({ uid: 'art', parentUid: null, ord: 0, kind: 'article', num: '1', heading: 'Статья', text: '', repealed: false, notes: [] });

  it('keeps the words typed and not yet saved, on the units that are still there', () => {
    const saved = [art(), row('a', 'Первый.'), row('b', 'Второй.', 1)];
    const current = [art(), row('a', 'Первый, исправленный.'), row('b', 'Второй.', 1)];
    // The store now has a new unit between them (made from the other language), and "b" moved on.
    const stored = [art(), row('a', 'Первый.'), { ...row('n', '', 1), num: '1-1' }, { ...row('b', 'Второй.', 2), num: '2' }];
    expect(keep(stored, saved, current)).toMatchObject({ kept: true, dropped: false, rows: [['art', '1', ''], ['a', '1', 'Первый, исправленный.'], ['n', '1-1', ''], ['b', '2', 'Второй.']] });
  });

  it('keeps a unit added here and not yet saved, next to the one the other language added (review regression: it was lost)', () => {
    const saved = [art(), row('a', 'Первый.'), row('b', 'Второй.', 1)];
    const current = [art(), row('a', 'Первый.'), row('b', 'Второй.', 1), { ...row('mine', 'Мой третий.', 2), num: '3' }];
    const stored = [art(), row('a', 'Первый.'), { ...row('n', '', 1), num: '1-1' }, { ...row('b', 'Второй.', 2), num: '2' }];
    expect(keep(stored, saved, current)).toMatchObject({ kept: true, dropped: false, rows: [['art', '1', ''], ['a', '1', 'Первый.'], ['n', '1-1', ''], ['b', '2', 'Второй.'], ['mine', '3', 'Мой третий.']] });
  });

  it('where the two cannot make one law (both added 1-1), keeps the words and says the rest was not kept', () => {
    const saved = [art(), row('a', 'Первый.'), row('b', 'Второй.', 1)];
    const current = [art(), { ...row('a', 'Первый, исправленный.') }, { ...row('mine', 'Мой.', 1), num: '1-1' }, { ...row('b', 'Второй.', 2), num: '2' }];
    const stored = [art(), row('a', 'Первый.'), { ...row('n', '', 1), num: '1-1' }, { ...row('b', 'Второй.', 2), num: '2' }];
    expect(keep(stored, saved, current)).toMatchObject({ kept: true, dropped: true, rows: [['art', '1', ''], ['a', '1', 'Первый, исправленный.'], ['n', '1-1', ''], ['b', '2', 'Второй.']] });
  });

  it('keeps nothing when nothing was typed', () => {
    const saved = [art(), row('a', 'Первый.'), row('b', 'Второй.', 1)];
    expect(keep(saved, saved, saved).kept).toBe(false);
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
