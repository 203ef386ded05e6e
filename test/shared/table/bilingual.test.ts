import { describe, expect, it } from 'vitest';
import { bilingualRows, sideCells, UNCHANGED_TEXT } from '../../../shared/table/bilingual';
import type { ComparativeRow } from '../../../shared/table/comparative';

const row = (uid: string, element: string, text: string): ComparativeRow => ({ no: 0, uid, element, current: [[{ text: `${text} (было)`, bold: false }]], proposed: [[{ text, bold: true }]], justification: `why ${uid}` });

describe('the comparative table in both languages', () => {
  it('pairs the rows of one unit; a unit changed in one language only shows "unchanged" where it was marked so, a dash where nothing says so', () => {
    const ru = [row('a', 'Статья 5, пункт 2', 'половины'), row('b', 'Статья 5, пункт 3', 'с точки зрения'), row('d', 'Статья 9, пункт 3-1', 'новый')];
    const kk = [row('a', '5-бап, 2-тармақ', 'жартысы'), row('c', '5-бап, 4-тармақ', 'тек қазақша'), row('d', '9-бап, 3-1-тармақ', 'жаңа')];
    const rows = bilingualRows(kk, ru, { kk: new Set(['b']), ru: new Set() });
    expect(rows.map((r) => [r.no, r.uid, r.element.kk, r.element.ru, typeof r.kk === 'string' ? r.kk : 'words', typeof r.ru === 'string' ? r.ru : 'words'])).toEqual([
      [1, 'a', '5-бап, 2-тармақ', 'Статья 5, пункт 2', 'words', 'words'],
      [2, 'b', '', 'Статья 5, пункт 3', 'unchanged', 'words'],
      [3, 'c', '5-бап, 4-тармақ', '', 'words', 'absent'],
      [4, 'd', '9-бап, 3-1-тармақ', 'Статья 9, пункт 3-1', 'words', 'words'],
    ]);
    expect(sideCells(rows[1]!.kk, 'kk').proposed).toEqual([[{ text: UNCHANGED_TEXT.kk, bold: false }]]);
    expect(sideCells(rows[2]!.ru, 'ru').current).toEqual([[{ text: '—', bold: false }]]);
    expect(rows[0]!.justification).toBe('why a');
  });
});
