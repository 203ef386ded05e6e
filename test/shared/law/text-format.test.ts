import { describe, expect, it } from 'vitest';
import { countByKind, detectLanguage, LawStructureError, parseLaw, printLaw, type Provision } from '../../../shared/law';
import { countingUids, fixture } from './helpers';

const FIXTURES = ['kazakh-numbering.ru.txt', 'kazakh-numbering.kk.txt', 'kazakh-numbering.en.txt'];

/** A compact view of a tree: kind, number, repealed flag and children. */
function shape(units: Provision[]): unknown[] {
  return units.map((u) => [u.kind, u.num, ...(u.repealed ? ['repealed'] : []), ...(u.children.length ? [shape(u.children)] : [])]);
}

describe('plain-text law format', () => {
  it.each(FIXTURES)('prints %s back to the identical text', (name) => {
    const text = fixture(name);
    expect(printLaw(parseLaw(text))).toBe(text);
  });

  it('parses 17-1, 9-1) and repealed stubs into the right tree', () => {
    const doc = parseLaw(fixture('kazakh-numbering.ru.txt'), { makeUid: countingUids() });
    expect(doc.lang).toBe('ru');
    expect(shape(doc.body)).toEqual([
      ['part', ''],
      [
        'chapter',
        '1',
        [
          ['article', '1', [['part', '', [['subparagraph', '1'], ['subparagraph', '9'], ['subparagraph', '9-1'], ['subparagraph', '10', 'repealed']]]]],
          ['article', '17', [['paragraph', '1', [['subparagraph', '1'], ['subparagraph', '2']]], ['paragraph', '2', 'repealed']]],
          ['article', '17-1', [['part', ''], ['part', '']]],
          ['article', '18', 'repealed'],
        ],
      ],
      ['chapter', '2', [['article', '19', [['paragraph', '1']]]]],
    ]);
    const chapter1 = doc.body[1] as Provision;
    const art171 = chapter1.children[2] as Provision;
    expect(art171.eId).toBe('chp_1__art_17-1');
    expect(art171.heading).toBe('Совместные лаборатории');
    expect(art171.children[1]?.eId).toBe('chp_1__art_17-1__part_2');
    expect(art171.notes).toEqual(['Сноска. Глава 1 дополнена статьей 17-1 в соответствии с Законом РК от 01.02.2025 № 150-VIII.']);
    const sub91 = chapter1.children[0]?.children[0]?.children[2] as Provision;
    expect(sub91.eId).toBe('chp_1__art_1__subpara_9-1');
    expect(sub91.text).toBe('индустриальный партнер – организация, финансирующая исследования;');
    // The footnote after the last subparagraph belongs to the unit above it, not to the norm.
    expect(chapter1.children[0]?.children[0]?.children[3]?.notes).toHaveLength(1);
    expect(printLaw(doc)).not.toContain('Сноска. Статья 1 с изменением, внесенным Законом РК от 01.02.2025 № 150-VIII.\nСноска');
    // A line after a subparagraph continues it.
    const para1 = chapter1.children[1]?.children[0] as Provision;
    expect(para1.children[1]?.text).toBe('заключать договоры.\nДоговоры регистрируются в порядке, установленном уполномоченным органом.');
  });

  it('reads Kazakh headings with the number before the word', () => {
    const doc = parseLaw(fixture('kazakh-numbering.kk.txt'));
    expect(doc.lang).toBe('kk');
    const section = doc.body[1] as Provision;
    expect(section.kind).toBe('section');
    const articles = section.children[0]?.children ?? [];
    expect(articles.map((a) => [a.num, a.repealed])).toEqual([['17', false], ['17-1', false], ['18', true]]);
    expect(articles[0]?.children[0]?.children[1]?.num).toBe('9-1');
    expect(articles[0]?.children[1]?.repealed).toBe(true);
  });

  it('counts units by kind', () => {
    expect(countByKind(parseLaw(fixture('kazakh-numbering.en.txt')))).toEqual({
      section: 0, chapter: 1, article: 3, intro: 1, part: 1, paragraph: 2, subparagraph: 2,
    });
  });

  it.each([
    ['ru', 'Статья 5. Заголовок'],
    ['kk', '5-бап. Тақырып'],
    ['en', 'Article 5. Heading'],
    [null, 'just some words'],
  ])('detects %s', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it.each([
    ['NUMBER_ORDER', 'Статья 5. А\nСтатья 4. Б\n', 2],
    ['NUMBER_ORDER', 'Статья 5. А\n1. а\n1. б\n', 3],
    ['NUMBER_ORDER', 'Глава 1. А\n\nСтатья 5. А\n\nГлава 2. Б\n\nСтатья 5. Б\n', 7],
    ['ORPHAN_SUBPARAGRAPH', 'Статья 5. А\n1) а\n', 2],
    ['ORPHAN_PARAGRAPH', 'Глава 1. А\n1. а\n', 2],
    ['BAD_PLACEMENT', 'Статья 1. А\n\nГлава 1. Б\n', 3],
    ['EMPTY', 'просто текст\n', undefined],
    ['EMPTY', 'Глава 1. Без статей\nТекст главы.\n', undefined],
  ])('rejects %s with the line number', (code, text, line) => {
    try {
      parseLaw(text);
      expect.unreachable('parse should have failed');
    } catch (error) {
      expect(error).toBeInstanceOf(LawStructureError);
      expect((error as LawStructureError).code).toBe(code);
      expect((error as LawStructureError).where.line).toBe(line);
    }
  });

  it('keeps a note that comes before any provision (a note on the act) as a note of the first unit, never as text', () => {
    const doc = parseLaw('Сноска. По всему тексту слова заменены.\nСтатья 1. А\nТекст.\n');
    expect(doc.body[0]?.notes).toEqual(['Сноска. По всему тексту слова заменены.']);
    expect(doc.body[0]?.children.map((c) => c.text)).toEqual(['Текст.']);
  });
});

