import { describe, expect, it } from 'vitest';
import {
  diffRows,
  docToLaw,
  lawFromJSON,
  lawSchema,
  lawToDoc,
  lawToJSON,
  lawToRows,
  LawStructureError,
  parseLaw,
  printLaw,
  rowsToLaw,
} from '../../../shared/law';
import { countingUids, fixture } from './helpers';

const law = () => parseLaw(fixture('kazakh-numbering.ru.txt'), { makeUid: countingUids() });

describe('tree ⇄ ProseMirror doc', () => {
  it('round-trips every field, including multi-line text and notes', () => {
    const doc = law();
    const back = docToLaw(lawToDoc(doc), 'ru');
    expect(back).toEqual(doc);
    expect(printLaw(back)).toBe(fixture('kazakh-numbering.ru.txt'));
  });

  it('keeps a continuation line as a hard break', () => {
    const pm = lawToDoc(law());
    let breaks = 0;
    pm.descendants((n) => {
      if (n.type.name === 'hard_break') breaks += 1;
    });
    expect(breaks).toBe(1);
  });

  it.each([
    ['a paragraph directly in a chapter', () => lawSchema.node('chapter', null, [lawSchema.node('heading'), lawSchema.node('paragraph', null, [lawSchema.node('body')])])],
    ['an article without its heading', () => lawSchema.node('article', null, [lawSchema.node('paragraph', null, [lawSchema.node('body')])])],
    ['chapters and articles side by side', () => lawSchema.node('doc', null, [
      lawSchema.node('chapter', null, [lawSchema.node('heading')]),
      lawSchema.node('article', null, [lawSchema.node('heading')]),
    ])],
    ['a part after the articles of a chapter', () => lawSchema.node('chapter', null, [
      lawSchema.node('heading'),
      lawSchema.node('article', null, [lawSchema.node('heading')]),
      lawSchema.node('part', null, [lawSchema.node('body')]),
    ])],
  ])('the schema refuses %s', (_name, build) => {
    expect(() => build().check()).toThrow(RangeError);
  });
});

describe('tree ⇄ JSON', () => {
  it('round-trips through JSON text', () => {
    const doc = law();
    expect(lawFromJSON(JSON.parse(JSON.stringify(lawToJSON(doc))))).toEqual(doc);
  });

  it.each([
    ['a wrong type', { lang: 'ru', body: [{ kind: 'article' }] }],
    ['an unknown language', { lang: 'de', body: [] }],
    ['a misnumbered tree', { lang: 'ru', body: [
      { uid: 'a1', kind: 'article', num: '5', heading: '', text: '', repealed: false, notes: [], children: [] },
      { uid: 'a2', kind: 'article', num: '5', heading: '', text: '', repealed: false, notes: [], children: [] },
    ] }],
  ])('rejects %s with a RangeError', (_name, value) => {
    expect(() => lawFromJSON(value)).toThrow(RangeError);
  });
});

describe('tree ⇄ rows', () => {
  it('round-trips through rows given in any order', () => {
    const doc = law();
    const rows = lawToRows(doc).reverse();
    expect(rowsToLaw(rows, 'ru')).toEqual(doc);
  });

  it('finds only the rows an edit changed', () => {
    const doc = law();
    const before = lawToRows(doc);
    const article = doc.body[1]?.children[1];
    if (!article?.children[0]) throw new Error('fixture changed');
    article.children[0].text = 'Университеты и колледжи вправе:';
    article.children.splice(1, 1);
    const changes = diffRows(before, lawToRows(doc));
    expect(changes.upserts.map((r) => r.text)).toEqual(['Университеты и колледжи вправе:']);
    expect(changes.deletes).toHaveLength(1);
  });

  it('refuses rows whose parent is missing', () => {
    const rows = lawToRows(law()).filter((r) => r.kind !== 'chapter');
    expect(() => rowsToLaw(rows, 'ru')).toThrow(LawStructureError);
  });
});
