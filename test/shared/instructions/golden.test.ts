import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derive } from '../../../shared/amend';
import { applyOperations, parseAmendingLaw, planOperations, printWithoutNotes, renderAmendingLaw, renderOperation, type Operation } from '../../../shared/instructions';
import { parseLaw, type Lang } from '../../../shared/law';

const dir = join(import.meta.dirname, '../../fixtures/instructions');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const CITATION: Record<Lang, string> = {
  ru: 'Закон Республики Казахстан от 1 июля 2024 года № 103-VIII «О научно-технической политике»',
  kk: 'Қазақстан Республикасының 2024 жылғы 1 шілдедегі № 103-VIII «Ғылыми-техникалық саясат туралы» Заңына',
  en: 'the Law of the Republic of Kazakhstan of 1 July 2024 No. 103-VIII "On Science and Technology Policy"',
};

const art5 = { kind: 'article', num: '5' } as const;
const para2 = { kind: 'paragraph', num: '2' } as const;

/** DOMAIN.md, "Amending formulas": each formula in each language (addresses relative to "в статье 5:"). */
const FORMULA_CASES: [string, Operation, Record<Lang, string>][] = [
  ['restate a unit', { op: 'restate', address: [art5, para2], content: '2. Текст.' }, {
    ru: 'пункт 2 изложить в следующей редакции:\n«2. Текст.»',
    kk: '2-тармақ мынадай редакцияда жазылсын:\n«2. Текст.»',
    en: 'paragraph 2 shall be set out in the following wording:\n"2. Текст."',
  }],
  ['insert a unit', { op: 'insert', parent: [art5, para2], kind: 'subparagraph', num: '9-1', content: '9-1) текст;' }, {
    ru: 'пункт 2 дополнить подпунктом 9-1) следующего содержания:\n«9-1) текст;»',
    kk: '2-тармақ мынадай мазмұндағы 9-1) тармақшамен толықтырылсын:\n«9-1) текст;»',
    en: 'paragraph 2 shall be supplemented by subparagraph 9-1) with the following content:\n"9-1) текст;"',
  }],
  ['replace words', { op: 'replace', address: [art5, para2], heading: false, from: 'a', to: 'b' }, {
    ru: 'в пункте 2 слова «a» заменить словами «b»',
    kk: '2-тармақта «a» деген сөздер «b» деген сөздермен ауыстырылсын',
    en: 'in paragraph 2, the words "a" shall be replaced by the words "b"',
  }],
  ['add words', { op: 'add', address: [art5, para2], heading: false, after: 'a', words: 'b' }, {
    ru: 'в пункте 2 после слов «a» дополнить словами «b»',
    kk: '2-тармақта «a» деген сөздерден кейін «b» деген сөздермен толықтырылсын',
    en: 'in paragraph 2, after the words "a" add the words "b"',
  }],
  ['delete words', { op: 'delete', address: [art5, para2], heading: false, words: 'a' }, {
    ru: 'в пункте 2 слова «a» исключить',
    kk: '2-тармақта «a» деген сөздер алынып тасталсын',
    en: 'in paragraph 2, the words "a" shall be deleted',
  }],
  ['repeal a unit', { op: 'repeal', address: [art5, para2, { kind: 'subparagraph', num: '3' }] }, {
    ru: 'подпункт 3) пункта 2 исключить',
    kk: '2-тармақтың 3) тармақшасы алынып тасталсын',
    en: 'subparagraph 3) of paragraph 2 shall be excluded',
  }],
  ['throughout the text', { op: 'throughout', from: 'a', to: 'b' }, {
    ru: 'по всему тексту слова «a» заменить словами «b»',
    kk: 'бүкіл мәтін бойынша «a» деген сөздер «b» деген сөздермен ауыстырылсын',
    en: 'throughout the text the words "a" shall be replaced by the words "b"',
  }],
];

describe('amending formulas (DOMAIN.md)', () => {
  describe.each(['ru', 'kk', 'en'] as Lang[])('%s', (lang) => {
    it.each(FORMULA_CASES.map(([name, op, texts]) => [name, op, texts[lang]] as const))('%s', (_name, op, expected) => {
      expect(renderOperation(lang, op, op.op === 'throughout' ? null : art5)).toBe(expected);
    });
  });
});

describe.each(['ru', 'kk', 'en'] as Lang[])('the amending law of a sample edit (%s)', (lang) => {
  const base = parseLaw(read(`base.${lang}.txt`));
  const draft = parseLaw(read(`draft.${lang}.txt`));
  const text = renderAmendingLaw(lang, [{ citation: CITATION[lang], operations: planOperations(base, draft) }]);

  it('is the text in the golden file (throughout the text, 9-1), 2-1 and 5-1 inserts, a repeal, word edits)', () => {
    expect(text).toBe(read(`amending-law.${lang}.txt`));
  });

  it('parses back and, applied to the law in force, gives the draft', () => {
    const [act] = parseAmendingLaw(lang, text);
    expect(act?.citation).toBe(CITATION[lang]);
    expect(printWithoutNotes(applyOperations(base, act!.operations))).toBe(printWithoutNotes(draft));
  });

  it('names every amendment of the draft (the panel and the instructions list the same changes)', () => {
    const amendments = derive(base, draft);
    const ops = planOperations(base, draft);
    // Every amended unit is addressed by an operation, or covered by "throughout the text".
    const throughout = ops.filter((o) => o.op === 'throughout');
    for (const a of amendments) {
      const step = a.path[a.path.length - 1];
      const addressed = ops.some((o) => JSON.stringify(o).includes(JSON.stringify(step)) || (o.op === 'insert' && o.num === step?.num));
      const covered = throughout.some((t) => t.op === 'throughout' && a.base?.text.includes(t.from));
      expect(addressed || covered, `${a.kind} ${a.eId}`).toBe(true);
    }
  });
});

describe('a law that amends two acts', () => {
  const science = parseLaw(read('base.ru.txt'));
  const scienceDraft = parseLaw(read('draft.ru.txt'));
  const education = parseLaw('Статья 1. Дуальное обучение\n1. Работодатели участвуют в разработке образовательных программ.\n');
  const educationDraft = parseLaw('Статья 1. Дуальное обучение\n1. Работодатели и индустриальные партнеры участвуют в разработке образовательных программ.\n');
  const acts = [
    { citation: 'Закон Республики Казахстан от 27 июля 2007 года № 319-III «Об образовании»', operations: planOperations(education, educationDraft) },
    { citation: CITATION.ru, operations: planOperations(science, scienceDraft) },
  ];
  const text = renderAmendingLaw('ru', acts);

  it('lists each act with its citation under Article 1, then the entry into force', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('Статья 1. Внести изменения и дополнения в следующие законодательные акты Республики Казахстан:');
    expect(lines[1]).toBe('1. В Закон Республики Казахстан от 27 июля 2007 года № 319-III «Об образовании» внести следующие изменения и дополнения:');
    expect(lines[2]).toBe('1) в статье 1:');
    expect(lines[3]).toBe('в пункте 1 после слов «Работодатели» дополнить словами «и индустриальные партнеры».');
    expect(lines[4]).toBe(`2. В ${CITATION.ru} внести следующие изменения и дополнения:`);
    expect(lines.at(-2)).toMatch(/^Статья 2\. Настоящий Закон вводится в действие/);
  });

  it('parses back into both acts, each applying to its own law', () => {
    const parsed = parseAmendingLaw('ru', text);
    expect(parsed.map((a) => a.citation)).toEqual(acts.map((a) => a.citation));
    expect(printWithoutNotes(applyOperations(education, parsed[0]!.operations))).toBe(printWithoutNotes(educationDraft));
    expect(printWithoutNotes(applyOperations(science, parsed[1]!.operations))).toBe(printWithoutNotes(scienceDraft));
  });
});

describe('instructions that do not fit the text', () => {
  const base = parseLaw(read('base.ru.txt'));
  it.each([
    ['a missing unit', '1) пункт 9 статьи 5 исключить.', /no such unit/],
    ['words not in the unit', '1) в статье 5:\nв пункте 1 слова «кентавры» заменить словами «люди».', /«кентавры» are not in it/],
    ['ambiguous words', '1) в статье 1:\nв подпункте 2) части первой слова «и» исключить.', /more than once/],
  ])('%s is an error naming the instruction', (_name, items, message) => {
    const [act] = parseAmendingLaw('ru', `Статья 1. Внести в Закон следующие изменения и дополнения:\n${items}\n`);
    expect(() => applyOperations(base, act!.operations)).toThrow(message);
  });

  it('a statement that is no formula is an error naming its line', () => {
    expect(() => parseAmendingLaw('ru', 'Статья 1. Внести в Закон следующие изменения и дополнения:\n1) пункт 2 переписать красиво.\n')).toThrow(/Line 2: not an amending formula/);
  });
});
