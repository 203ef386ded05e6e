import { describe, expect, it } from 'vitest';
import { applyOperations, parseAmendingLaw, renderAmendingLaw, type Operation } from '../../../shared/instructions';
import { parseLaw, printLaw, type Lang } from '../../../shared/law';

/**
 * A change made in one official language only: the amending law in that language says so after its
 * statement, and the other language's amending law has a statement in its place saying that its
 * text does not change (so the two are numbered alike). Both forms read back as they were written.
 */
const para2 = [
  { kind: 'article', num: '5' },
  { kind: 'paragraph', num: '2' },
] as const;
const para3 = [
  { kind: 'article', num: '5' },
  { kind: 'paragraph', num: '3' },
] as const;

const cases: { lang: Lang; ops: Operation[]; text: string[] }[] = [
  {
    lang: 'ru',
    ops: [
      { op: 'replace', address: [...para2], from: 'одной трети', to: 'половины', untouchedIn: 'kk' },
      { op: 'unchanged', address: [...para3], changedIn: 'kk' },
    ],
    text: ['в пункте 2 слова «одной трети» заменить словом «половины», текст на казахском языке не изменяется;', 'в пункте 3 изменение вносится в текст на казахском языке, текст на русском языке не изменяется.'],
  },
  {
    lang: 'kk',
    ops: [
      { op: 'unchanged', address: [...para2], changedIn: 'ru' },
      { op: 'replace', address: [...para3], from: 'үштен бірі', to: 'жартысы', untouchedIn: 'ru' },
    ],
    text: ['2-тармақтың қазақ тіліндегі мәтіні өзгермейді, өзгеріс орыс тіліндегі мәтінге енгізіледі;', '3-тармақтағы «үштен бірі» деген сөздер «жартысы» деген сөзбен ауыстырылсын, орыс тіліндегі мәтіні өзгермейді.'],
  },
];

describe.each(cases)('a change in one language only, written in $lang', ({ lang, ops, text }) => {
  const law = renderAmendingLaw(lang, [{ citation: 'CITED', operations: ops }]);

  it('says which text changes, after the statement and in the statement that stands for it', () => {
    for (const line of text) expect(law).toContain(line);
  });

  it('reads back to the same operations', () => {
    const [act] = parseAmendingLaw(lang, law);
    expect(act?.operations).toEqual(ops);
  });

  it('names a unit that must exist: "unchanged" on a missing unit is refused', () => {
    const doc = parseLaw(lang === 'ru' ? 'Статья 5. Заголовок\n1. Первый.\n' : '5-бап. Тақырып\n1. Бірінші.\n');
    const missing: Operation = { op: 'unchanged', address: [...para2], changedIn: lang === 'ru' ? 'kk' : 'ru' };
    expect(() => applyOperations(doc, [missing])).toThrow();
    const present: Operation = { op: 'unchanged', address: [{ kind: 'article', num: '5' }, { kind: 'paragraph', num: '1' }], changedIn: lang === 'ru' ? 'kk' : 'ru' };
    expect(printLaw(applyOperations(doc, [present]))).toBe(printLaw(doc));
  });
});
