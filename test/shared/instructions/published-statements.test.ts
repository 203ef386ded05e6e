import { describe, expect, it } from 'vitest';
import { readAmendingLaw, type Operation } from '../../../shared/instructions';
import type { Lang } from '../../../shared/law';

/**
 * Statements in the shapes published amending laws have (DOMAIN.md, "Real amending laws", and the
 * portal's pages), older wordings included, each read inside a minimal law: what they do. The
 * words are the project's own.
 */
const LEAD: Record<Lang, string> = {
  ru: 'Статья 1. Внести в Закон Республики Казахстан от 10 мая 2018 года «О науке» следующие изменения и дополнения:',
  kk: '1-бап. «Ғылым туралы» 2018 жылғы 10 мамырдағы Қазақстан Республикасының Заңына мынадай өзгерістер мен толықтырулар енгізілсін:',
  en: 'Article 1. To make the following amendments to the Law "On Science":',
};

function read(lang: Lang, body: string): Operation[] {
  const reading = readAmendingLaw(lang, `${LEAD[lang]}\n${body}\n`);
  expect(reading.statements.filter((s) => s.problem).map((s) => `${s.line}: ${s.problem}: ${s.text}`)).toEqual([]);
  expect(reading.problems).toEqual([]);
  return reading.acts.flatMap((a) => a.operations);
}

const art = (num: string) => ({ kind: 'article', num }) as const;
const para = (num: string) => ({ kind: 'paragraph', num }) as const;
const sub = (num: string) => ({ kind: 'subparagraph', num }) as const;
const part = (num: string) => ({ kind: 'part', num }) as const;

describe('Russian statements as published', () => {
  it.each([
    ['«слово … заменить словом …» in a nested group (Z1400000270)', '1) в статье 5:\nв пункте 2:\nслово «совет» заменить словом «комиссия»;\nподпункт 3) исключить;\nпункт 4 исключить.', [
      { op: 'replace', address: [art('5'), para('2')], from: 'совет', to: 'комиссия' },
      { op: 'repeal', address: [art('5'), para('2'), sub('3')] },
      { op: 'repeal', address: [art('5'), para('4')] },
    ]],
    ['«подпункт 2) статьи 1 изложить» — a lead-in\'s subparagraph named with its article (DOMAIN.md)', 'подпункт 2) статьи 1 изложить в следующей редакции:\n«2) грант – средства;».', [{ op: 'restate', address: [art('1'), sub('2')], content: '2) грант – средства;' }]],
    ['«пункт 3 дополнить словами …» — words at the end of a unit ([MT 138-VII])', 'пункт 3 статьи 7 дополнить словами «, а также отчеты».', [{ op: 'append', address: [art('7'), para('3')], words: ', а также отчеты' }]],
    ['«абзац второй изложить» inside a group', '1) в статье 2:\nв пункте 1:\nабзац второй изложить в следующей редакции:\n«Новый абзац.».', [{ op: 'restate', address: [art('2'), para('1')], line: 2, content: 'Новый абзац.' }]],
    ['«заголовок изложить» inside a group', '1) в статье 9:\nзаголовок изложить в следующей редакции:\n«Статья 9. Новый заголовок»;\nпункт 1 исключить.', [
      { op: 'restate', address: [art('9')], heading: true, content: 'Статья 9. Новый заголовок' },
      { op: 'repeal', address: [art('9'), para('1')] },
    ]],
    ['«подпункты 2)–4) исключить» — a range', 'подпункты 2)–4) пункта 1 статьи 3 исключить.', [2, 3, 4].map((n) => ({ op: 'repeal', address: [art('3'), para('1'), sub(String(n))] }))],
    ['«пункты 3, 4 и 5 исключить»', 'пункты 3, 4 и 5 статьи 6 исключить.', [3, 4, 5].map((n) => ({ op: 'repeal', address: [art('6'), para(String(n))] }))],
    ['«… считать подпунктом 5)»', 'подпункт 4) пункта 2 статьи 3 считать подпунктом 5).', [{ op: 'renumber', address: [art('3'), para('2'), sub('4')], num: '5' }]],
    ['«часть третья пункта 1» — a part of a paragraph is one of its lines (Z2500000205)', 'часть третью пункта 1 статьи 740 дополнить подпунктом 1-1) следующего содержания:\n«1-1) новый;».', [{ op: 'insert', parent: [art('740'), para('1')], kind: 'subparagraph', num: '1-1', content: '1-1) новый;' }]],
    ['«в части второй пункта 3» — words of a paragraph\'s line', 'в части второй пункта 3 статьи 85 слово «ежегодно» заменить словом «ежеквартально».', [{ op: 'replace', address: [art('85'), para('3')], line: 2, from: 'ежегодно', to: 'ежеквартально' }]],
    ['a group «по всему тексту:» with replacements inside', '1) по всему тексту:\nслова «вуз» заменить словами «университет»;\nслова «а», «б» заменить соответственно словами «в», «г».', [
      { op: 'throughout', replacements: [{ from: 'вуз', to: 'университет' }] },
      { op: 'throughout', replacements: [{ from: 'а', to: 'в' }, { from: 'б', to: 'г' }] },
    ]],
    ['«дополнить абзацами третьим и четвертым» — two new lines in one quote, one each', '1) пункт 2 статьи 4 дополнить абзацами третьим и четвертым следующего содержания:\n«Третий абзац.\nЧетвертый абзац.».', [
      { op: 'insertLine', address: [art('4'), para('2')], line: 3, content: 'Третий абзац.' },
      { op: 'insertLine', address: [art('4'), para('2')], line: 4, content: 'Четвертый абзац.' },
    ]],
    ['«дополнить частями второй и третьей» — two new parts, each from a line that is not a subparagraph', 'статью 7 дополнить частями второй и третьей следующего содержания:\n«Вторая часть:\n1) первый;\n2) второй.\nТретья часть.».', [
      { op: 'insert', parent: [art('7')], kind: 'part', num: '2', content: 'Вторая часть:\n1) первый;\n2) второй.' },
      { op: 'insert', parent: [art('7')], kind: 'part', num: '3', content: 'Третья часть.' },
    ]],
    ['a statement on several lines with its quote', '1) пункт 2 статьи 4\nизложить в следующей редакции:\n«2. Первая строка\nвторая строка.».', [{ op: 'restate', address: [art('4'), para('2')], content: '2. Первая строка\nвторая строка.' }]],
  ] as [string, string, Operation[]][])('%s', (_name, body, ops) => {
    expect(read('ru', body)).toEqual(ops);
  });
});

describe('Kazakh statements as published', () => {
  it.each([
    ['«98-баптың 1-тармағы екінші бөлігінің 6) тармақшасындағы» — a chain through a paragraph\'s part', '98-баптың 1-тармағы екінші бөлігінің 6) тармақшасындағы «а» деген сөз «б» деген сөзбен ауыстырылсын.', [{ op: 'replace', address: [art('98'), para('1'), sub('6')], from: 'а', to: 'б' }]],
    ['«93-баптың 2-тармағы «…» деген сөзден кейін»', '93-баптың 2-тармағы «қоғам» деген сөзден кейін «және серіктестік» деген сөздермен толықтырылсын.', [{ op: 'add', address: [art('93'), para('2')], anchor: 'қоғам', words: 'және серіктестік' }]],
    ['«36) тармақша мынадай редакцияда жазылсын» — a line that begins with the unit\'s own number (Z050000079_)', '1) 1-бапта:\n36) тармақша мынадай редакцияда жазылсын:\n«36) жаңа мәтін;»;\n2) тармақша алынып тасталсын.', [
      { op: 'restate', address: [art('1'), sub('36')], content: '36) жаңа мәтін;' },
      { op: 'repeal', address: [art('1'), sub('2')] },
    ]],
    ['«1) тармақша 1-1) тармақша болып есептелсін» then a new «1)» (Z050000079_)', '1) 1-бапта:\n1) тармақша 1-1) тармақша болып есептелсін;\nмынадай мазмұндағы 1) тармақшамен толықтырылсын:\n«1) жаңа;».', [
      { op: 'renumber', address: [art('1'), sub('1')], num: '1-1' },
      { op: 'insert', parent: [art('1')], kind: 'subparagraph', num: '1', content: '1) жаңа;' },
    ]],
    ['the older «деп есептелсін» and «алып тасталсын» (Z970000154_, Z050000077_)', '1) 17-бапта:\n7-тармақ 6-тармақ деп есептелсін;\n«әуе,» деген сөз алып тасталсын.', [
      { op: 'renumber', address: [art('17'), para('7')], num: '6' },
      { op: 'delete', address: [art('17')], words: 'әуе,' },
    ]],
    ['an older genitive group «17-баптың:» with «1-тармағындағы:» inside (Z970000154_)', '1) 17-баптың:\n1-тармағындағы:\n«банк» деген сөз «ұйым» деген сөзбен ауыстырылсын;\nекінші сөйлемі жоқ.'.replace('\nекінші сөйлемі жоқ.', '.'), [{ op: 'replace', address: [art('17'), para('1')], from: 'банк', to: 'ұйым' }]],
    ['«бүкіл мәтін бойынша … тиісінше …» (Z2100000059)', 'бүкіл мәтін бойынша «мал», «малдың» деген сөздер тиісінше «жануар», «жануардың» деген сөздермен ауыстырылсын.', [{ op: 'throughout', replacements: [{ from: 'мал', to: 'жануар' }, { from: 'малдың', to: 'жануардың' }] }]],
    ['«тиісінше» inside one unit (Z2200000144)', '7) тармақшадағы «мал», «республикалық» деген сөздер тиісінше «жануар», «жергілікті» деген сөздермен ауыстырылсын.'.replace('7) тармақшадағы', '3-баптың 7) тармақшасындағы'), [
      { op: 'replace', address: [art('3'), sub('7')], from: 'мал', to: 'жануар' },
      { op: 'replace', address: [art('3'), sub('7')], from: 'республикалық', to: 'жергілікті' },
    ]],
    ['two insertions in one sentence (502-IV)', '5-баптың 2-тармағы «А» деген сөзден кейін «Б» деген сөздермен, «В» деген сөзден кейін «Г» деген сөздермен толықтырылсын.', [
      { op: 'add', address: [art('5'), para('2')], anchor: 'А', words: 'Б' },
      { op: 'add', address: [art('5'), para('2')], anchor: 'В', words: 'Г' },
    ]],
    ['«2-тармақ мынадай мазмұндағы екінші бөлікпен толықтырылсын» — a paragraph\'s new part is a new line (P1600000290)', '1) 4-бапта:\n2-тармақ мынадай мазмұндағы екінші бөлікпен толықтырылсын:\n«Жаңа бөлік.».', [{ op: 'insertLine', address: [art('4'), para('2')], line: 2, content: 'Жаңа бөлік.' }]],
    ['«32-баптың үшінші бөлігінің екінші абзацындағы» (Z2200000136)', '32-баптың үшінші бөлігінің екінші абзацындағы «а» деген сөз «б» деген сөзбен ауыстырылсын.', [{ op: 'replace', address: [art('32'), part('3')], line: 2, from: 'а', to: 'б' }]],
    ['«2) және 3) тармақшалары» — a list that begins a line with a subparagraph\'s number is not an item (Z050000079_)', '1) 1-бапта:\n2) және 3) тармақшалары алынып тасталсын;\n5) тармақша алынып тасталсын.', [
      { op: 'repeal', address: [art('1'), sub('2')] },
      { op: 'repeal', address: [art('1'), sub('3')] },
      { op: 'repeal', address: [art('1'), sub('5')] },
    ]],
    ['«тақырыптағы» inside a group (Z2000000370)', '1) 17-бапта:\nтақырыптағы «ұйым» деген сөз «мекеме» деген сөзбен ауыстырылсын;\n1-тармақ алынып тасталсын.', [
      { op: 'replace', address: [art('17')], heading: true, from: 'ұйым', to: 'мекеме' },
      { op: 'repeal', address: [art('17'), para('1')] },
    ]],
  ] as [string, string, Operation[]][])('%s', (_name, body, ops) => {
    expect(read('kk', body)).toEqual(ops);
  });
});

describe('the layout of a published law', () => {
  it('reads a law amending several acts whose lead-ins cite them without a verb, and stops at Article 2', () => {
    const text = [
      'О внесении изменений в некоторые законодательные акты Республики Казахстан',
      'Закон Республики Казахстан от 3 января 2026 года № 250-VIII ЗРК.',
      'Статья 1. Внести изменения и дополнения в следующие законодательные акты Республики Казахстан:',
      '1. В Уголовный кодекс Республики Казахстан от 3 июля 2014 года:',
      'в статье 3:',
      'в пункте 2) слова «а» заменить словами «б».',
      '2. В Закон Республики Казахстан от 1 июля 2024 года «О науке» внести следующие изменения:',
      '1) пункт 1 статьи 2 исключить;',
      '2) в статье 3 слово «в» заменить словом «г».',
      'Статья 2. Настоящий Закон вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.',
      'Президент Республики Казахстан',
    ].join('\n');
    const reading = readAmendingLaw('ru', text);
    expect(reading.acts.map((a) => a.citation)).toEqual(['Уголовный кодекс Республики Казахстан от 3 июля 2014 года', 'Закон Республики Казахстан от 1 июля 2024 года «О науке»']);
    expect(reading.acts.map((a) => a.operations.length)).toEqual([1, 2]);
    expect(reading.acts[0]!.operations[0]).toEqual({ op: 'replace', address: [art('3'), sub('2')], from: 'а', to: 'б' });
    expect(reading.statements.every((s) => !s.problem)).toBe(true);
  });

  it('the older Kazakh lead-in without "1-бап." and with "заң актiлерiне" in the Latin i (Z030000484_)', () => {
    const text = 'Қазақстан Республикасының мына заң актiлерiне өзгерiстер мен толықтырулар енгiзiлсiн:\n1. «Ғылым туралы» 2001 жылғы 9 шілдедегі Қазақстан Республикасының Заңына:\n5-баптың 2-тармағы алынып тасталсын.\n';
    const reading = readAmendingLaw('kk', text);
    expect(reading.acts).toHaveLength(1);
    expect(reading.acts[0]!.operations).toEqual([{ op: 'repeal', address: [art('5'), para('2')] }]);
  });

  it('a group header whose unit cannot stand where it is written is reported, not dropped', () => {
    // "в подпункте 2)" right after the lead-in: a subparagraph needs a paragraph or an article.
    const reading = readAmendingLaw('ru', `${LEAD.ru}\n1) в подпункте 2):\nслово «а» заменить словом «б»;\n2) пункт 3 статьи 3 исключить.\n`);
    expect(reading.statements.filter((s) => s.problem).map((s) => [s.line, s.problem])).toContainEqual([2, 'a group header that names no unit here']);
    expect(reading.acts[0]!.operations).toContainEqual({ op: 'repeal', address: [art('3'), para('3')] });
  });

  it('a statement it cannot read is kept with its line and the reason, and the rest is read', () => {
    const reading = readAmendingLaw('ru', `${LEAD.ru}\n1) пункт 2 статьи 3 переписать красиво;\n2) пункт 3 статьи 3 исключить.\n`);
    expect(reading.statements.map((s) => [s.line, s.problem ?? 'ok'])).toEqual([[2, 'not one of the amending formulas'], [3, 'ok']]);
    expect(reading.acts[0]!.operations).toEqual([{ op: 'repeal', address: [art('3'), para('3')] }]);
  });
});
