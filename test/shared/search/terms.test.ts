import { describe, expect, it } from 'vitest';
import { findTerms, indexQuery, queryStems, stemOf } from '../../../shared/search/terms';

describe('the stems of search words', () => {
  it('Russian: the inflectional ending comes off, so every form shares the stem', () => {
    const forms = [
      ['высшее', 'высших', 'высшего'],
      ['учебное', 'учебных', 'учебными'],
      ['заведение', 'заведений', 'заведениями'],
      ['налоговый', 'налогового', 'налоговых'],
    ];
    for (const group of forms) {
      const stems = group.map(stemOf);
      for (const form of group) expect(form.startsWith(stems[0]!), `${form} begins with ${stems[0]}`).toBe(true);
      expect(stems[0]!.length).toBeGreaterThanOrEqual(4);
    }
  });

  it('Kazakh: a chain of suffixes comes off down to the root', () => {
    expect(stemOf('университеттерге')).toBe('университет');
    expect(stemOf('университеттің')).toBe('университет');
    expect(stemOf('заңның')).toBe('заң');
    expect(stemOf('заңы')).toBe('заң');
  });

  it('short words stay whole; English loses its endings', () => {
    expect(stemOf('закон')).toBe('закон');
    expect(stemOf('вуз')).toBe('вуз');
    expect(stemOf('universities')).toBe('universit');
    expect(stemOf('grants')).toBe('grant');
  });
});

describe('finding a query in a text', () => {
  it('every stem begins a word, in order, at most two words apart', () => {
    const stems = queryStems('высшее учебное заведение');
    const text = 'перечень высших учебных заведений и других организаций';
    expect(findTerms(text, stems).map((m) => text.slice(m.start, m.end))).toEqual(['высших учебных заведений']);
    expect(findTerms('заведений учебных высших', stems)).toEqual([]);
    expect(findTerms('высших, а также иных подобных учебных заведений', stems)).toEqual([]);
    expect(findTerms('высших и иных учебных заведений', stems).length).toBe(1);
  });

  it('a stem inside a word is not a match (the index finds it; the check refuses it)', () => {
    expect(findTerms('внеучебных заведений', queryStems('учебных заведений'))).toEqual([]);
  });

  it('the index query holds the stems of three letters or more, quoted', () => {
    expect(indexQuery(queryStems('грант на "исследования"'))).toBe('"грант" AND "исследован"');
    expect(indexQuery(queryStems('на в'))).toBeNull();
  });
});
