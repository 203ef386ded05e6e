import { describe, expect, it } from 'vitest';
import { alignTexts } from '../../../shared/bilingual/align';
import { textFindings } from '../../../shared/bilingual/findings';
import { mirrorStructure } from '../../../shared/bilingual/mirror';
import { DEFAULT_STUB, lawToRows, rowsToLaw, type LawDoc, type Provision } from '../../../shared/law';
import { KK, pair, RU } from './texts';

/** A copy of a text with its eIds set again (as the store does on save). */
const settled = (doc: LawDoc) => rowsToLaw(lawToRows(doc), doc.lang);
const article = (doc: LawDoc, num: string) => doc.body.find((u) => u.num === num) as Provision;
const paragraphs = (doc: LawDoc, num: string) => article(doc, num).children.filter((u) => u.kind === 'paragraph');
/** What the Kazakh text's article 5 is: number, uid, text per paragraph. */
const outline = (doc: LawDoc, num = '5') => paragraphs(doc, num).map((u) => `${u.num}|${u.repealed ? 'repealed' : ''}|${u.text}`);

/** The edits a drafter makes in the Russian text, each with what the Kazakh text must then be. */
const edits: { name: string; lineage: boolean; edit: (ru: LawDoc) => void; expected: string[] }[] = [
  {
    name: 'a paragraph 2-1 added after 2 (lineage: the same uid)',
    lineage: true,
    edit: (ru) => article(ru, '5').children.push({ uid: 'r-new', eId: '', kind: 'paragraph', num: '2-1', heading: '', text: 'Новый пункт.', repealed: false, notes: [], children: [] }),
    expected: ['1||Кеңестер органдар жанынан 2026 жылғы 1 шілдеден бастап құрылады.', '2||Кеңес мүшелерінің кемінде 10 пайызы – салалардың өкілдері.', '2-1||'],
  },
  {
    name: 'a paragraph added, the texts imported separately (aligned by place)',
    lineage: false,
    edit: (ru) => article(ru, '5').children.splice(1, 0, { uid: 'r-new', eId: '', kind: 'paragraph', num: '1-1', heading: '', text: 'Новый пункт.', repealed: false, notes: [], children: [] }),
    expected: ['1||Кеңестер органдар жанынан 2026 жылғы 1 шілдеден бастап құрылады.', '1-1||', '2||Кеңес мүшелерінің кемінде 10 пайызы – салалардың өкілдері.'],
  },
  {
    name: 'a paragraph excluded: the Kazakh stub',
    lineage: true,
    edit: (ru) => Object.assign(paragraphs(ru, '5')[1] as Provision, { repealed: true, text: DEFAULT_STUB.ru }),
    expected: ['1||Кеңестер органдар жанынан 2026 жылғы 1 шілдеден бастап құрылады.', `2|repealed|${DEFAULT_STUB.kk}`],
  },
  {
    name: 'two paragraphs swapped and renumbered: each keeps its own wording',
    lineage: true,
    edit: (ru) => {
      const list = article(ru, '5').children;
      const [one, two] = [list[0] as Provision, list[1] as Provision];
      list.splice(0, 2, { ...two, num: '1' }, { ...one, num: '2' });
    },
    expected: ['1||Кеңес мүшелерінің кемінде 10 пайызы – салалардың өкілдері.', '2||Кеңестер органдар жанынан 2026 жылғы 1 шілдеден бастап құрылады.'],
  },
  {
    name: 'a paragraph removed',
    lineage: false,
    edit: (ru) => void article(ru, '5').children.splice(1, 1),
    expected: ['1||Кеңестер органдар жанынан 2026 жылғы 1 шілдеден бастап құрылады.'],
  },
];

describe('a structural edit in one language made in the other', () => {
  it.each(edits)('$name', ({ lineage, edit, expected }) => {
    const [ru, kk] = pair(RU, KK, lineage);
    const after = structuredClone(ru);
    edit(after);
    const mirrored = mirrorStructure(ru, settled(after), kk);
    expect(mirrored).not.toBeNull();
    const result = settled(mirrored as LawDoc);
    expect(outline(result)).toEqual(expected);
    // The other article is untouched.
    expect(outline(result, '6')).toEqual(outline(kk, '6'));
    // And the two texts have one structure again: no structure finding.
    expect(textFindings(alignTexts(settled(after), result)).filter((f) => f.kind === 'structure')).toEqual([]);
  });

  it('a new unit takes the uid it has in the language it was made in, and waits for its translation', () => {
    const [ru, kk] = pair(RU, KK, true);
    const after = structuredClone(ru);
    article(after, '5').children.push({ uid: 'r-new', eId: '', kind: 'paragraph', num: '3', heading: '', text: 'Новый пункт 3.', repealed: false, notes: [], children: [] });
    const result = settled(mirrorStructure(ru, settled(after), kk) as LawDoc);
    expect(paragraphs(result, '5')[2]?.uid).toBe('r-new');
    const findings = textFindings(alignTexts(settled(after), result));
    expect(findings.map((f) => [f.kind, f.eId, f.units])).toEqual([['one-language', 'art_5__para_3', { kk: 'r-new' }]]);
  });

  it('a save that changes only words changes no structure: nothing to make', () => {
    const [ru, kk] = pair(RU, KK, true);
    const after = structuredClone(ru);
    (paragraphs(after, '5')[0] as Provision).text = 'Другие слова.';
    expect(mirrorStructure(ru, after, kk)).toBeNull();
  });

  it('a unit only the other text has stays where it was, after the unit it followed', () => {
    const [ru, kk] = pair(RU, KK.replace('2. Кеңес мүшелерінің', '1-1. Тек қазақ мәтінінде.\n2. Кеңес мүшелерінің'), false);
    const after = structuredClone(ru);
    article(after, '5').children.push({ uid: 'r-new', eId: '', kind: 'paragraph', num: '3', heading: '', text: 'Новый.', repealed: false, notes: [], children: [] });
    const result = settled(mirrorStructure(ru, settled(after), kk) as LawDoc);
    expect(outline(result).map((l) => l.split('|')[0])).toEqual(['1', '1-1', '2', '3']);
    expect(outline(result)[1]).toBe('1-1||Тек қазақ мәтінінде.');
  });
});


describe('only what the save changed is made in the other text (review regressions)', () => {
  it('a unit the other text already lacks (rejected there) is not made there by a later structural save', () => {
    const [ru, kk] = pair(RU.replace('2. Не менее 10 %', '1-1. Вставка, отклонённая в казахском тексте.\n2. Не менее 10 %'), KK, true);
    const after = structuredClone(ru);
    article(after, '5').children.push({ uid: 'r-new', eId: '', kind: 'paragraph', num: '3', heading: '', text: 'Новый.', repealed: false, notes: [], children: [] });
    const result = settled(mirrorStructure(ru, settled(after), kk) as LawDoc);
    expect(outline(result).map((l) => l.split('|')[0])).toEqual(['1', '2', '3']);
  });

  it("a number that already differs keeps the other text's own", () => {
    const [ru, kk] = pair(RU, KK, true);
    // The Kazakh paragraph 2 was numbered 2-1 there before (the texts differed), same lineage.
    const kk2 = paragraphs(kk, '5')[1] as Provision;
    kk2.num = '2-1';
    const after = structuredClone(ru);
    article(after, '5').children.push({ uid: 'r-new', eId: '', kind: 'paragraph', num: '3', heading: '', text: 'Новый.', repealed: false, notes: [], children: [] });
    const result = settled(mirrorStructure(ru, settled(after), kk) as LawDoc);
    expect(outline(result).map((l) => l.split('|')[0])).toEqual(['1', '2-1', '3']);
  });
});
