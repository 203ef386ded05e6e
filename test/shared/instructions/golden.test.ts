import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derive } from '../../../shared/amend';
import { applyOperations, citation, parseAmendingLaw, planOperations, printWithoutNotes, renderAmendingLaw } from '../../../shared/instructions';
import { parseLaw, type Lang } from '../../../shared/law';

const dir = join(import.meta.dirname, '../../fixtures/instructions');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const CITATION: Record<Lang, string> = {
  ru: citation('ru', 'law', '2024-07-01', 'О научно-технической политике'),
  kk: citation('kk', 'law', '2024-07-01', 'Ғылыми-техникалық саясат туралы'),
  en: citation('en', 'law', '2024-07-01', 'On Science and Technology Policy'),
};

describe.each(['ru', 'kk', 'en'] as Lang[])('the amending law of a sample edit (%s)', (lang) => {
  const base = parseLaw(read(`base.${lang}.txt`));
  const draft = parseLaw(read(`draft.${lang}.txt`));
  const text = renderAmendingLaw(lang, [{ citation: CITATION[lang], operations: planOperations(base, draft) }]);

  // The golden files were read against published laws: "по всему тексту … соответственно" (256-VIII,
  // Z2100000059), a lead-in's subparagraphs named with their article, an addition after a word
  // (online.zakon 39221875), words added at the end of a heading, "слово … исключить", a new
  // subparagraph, paragraph and article, a paragraph excluded.
  it('is the text in the golden file (throughout the text in two word forms, 9-1), 2-1 and 5-1 inserts, a repeal, word edits)', () => {
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
      const covered = throughout.some((t) => t.op === 'throughout' && t.replacements.some((r) => a.base?.text.includes(r.from)));
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
    { citation: citation('ru', 'law', '2007-07-27', 'Об образовании'), operations: planOperations(education, educationDraft) },
    { citation: CITATION.ru, operations: planOperations(science, scienceDraft) },
  ];
  const text = renderAmendingLaw('ru', acts);

  // As Z2300000186 and Z1700000069 lay out several acts: "1. В <act>:", its changes numbered 1), 2) …
  // (one change alone unnumbered), the last ending with a full stop; then the article on entry into force.
  it('lists each act with its citation under Article 1, then the entry into force', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('Статья 1. Внести изменения и дополнения в следующие законодательные акты Республики Казахстан:');
    expect(lines[1]).toBe('1. В Закон Республики Казахстан от 27 июля 2007 года «Об образовании»:');
    expect(lines[2]).toBe('пункт 1 статьи 1 после слова «Работодатели» дополнить словами «и индустриальные партнеры».');
    expect(lines[3]).toBe(`2. В ${CITATION.ru}:`);
    expect(lines[4]).toMatch(/^1\) по всему тексту слова /);
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
    // «о» stands many times inside words and never as a word: which is meant cannot be known.
    ['ambiguous words', '1) в статье 1:\nв подпункте 2) слово «о» исключить.', /more than once/],
    ['a unit set out anew, then changed', '1) в статье 5:\nпункт 2 изложить в следующей редакции:\n«2. Новый текст.»;\nв пункте 2 слово «Новый» исключить.', /already set it out anew/],
  ])('%s is an error naming the instruction', (_name, items, message) => {
    const [act] = parseAmendingLaw('ru', `Статья 1. Внести в Закон следующие изменения и дополнения:\n${items}\n`);
    expect(() => applyOperations(base, act!.operations)).toThrow(message);
  });

  it('a statement that is no formula is an error naming its line', () => {
    expect(() => parseAmendingLaw('ru', 'Статья 1. Внести в Закон следующие изменения и дополнения:\n1) пункт 2 переписать красиво.\n')).toThrow(/Line 2: not one of the amending formulas/);
  });
});
