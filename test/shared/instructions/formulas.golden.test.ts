import { describe, expect, it } from 'vitest';
import type { PathStep } from '../../../shared/amend';
import { GRAMMARS, type Operation } from '../../../shared/instructions';
import { isUnreadable, type StatementContext } from '../../../shared/instructions/grammar';
import { splitQuotes } from '../../../shared/instructions/quotes';
import type { Lang } from '../../../shared/law';

/**
 * The wording the workbench writes for each formula type, in Russian and Kazakh, checked against
 * the published amending laws of the legal portal (the search tool's "pages"). Each case names the
 * real pattern it follows: the portal document (its code, as in the portal's address) where the
 * shape was seen, [MT] where it was seen only in an English translation of a published law, [inf]
 * where it follows from the observed system of forms but no published instance was found. The
 * texts quoted here are the project's own words in those shapes, not the laws' text.
 * Every statement also reads back to the same operations.
 */

const art = (num: string): PathStep => ({ kind: 'article', num });
const para = (num: string): PathStep => ({ kind: 'paragraph', num });
const sub = (num: string): PathStep => ({ kind: 'subparagraph', num });
const part = (num: string): PathStep => ({ kind: 'part', num });

interface Case {
  name: string;
  /** The real pattern (portal document) each language's wording follows. */
  follows: Partial<Record<Lang, string>>;
  ops: Operation[];
  group?: PathStep[];
  code?: boolean;
  expected: Partial<Record<Lang, string>>;
}

const CASES: Case[] = [
  {
    name: 'a unit set out anew, addressed through its parents',
    follows: { ru: 'Z1700000069: «подпункт 6) пункта 1 статьи 57 изложить в следующей редакции:»', kk: 'Z1700000069 kk: «57-баптың 1-тармағының 6) тармақшасы мынадай редакцияда жазылсын:»' },
    ops: [{ op: 'restate', address: [art('57'), para('1'), sub('6')], content: '6) гранты выделяются ежегодно;' }],
    expected: {
      ru: 'подпункт 6) пункта 1 статьи 57 изложить в следующей редакции:\n«6) гранты выделяются ежегодно;»',
      kk: '57-баптың 1-тармағының 6) тармақшасы мынадай редакцияда жазылсын:\n«6) гранты выделяются ежегодно;»',
      en: 'subparagraph 6) of paragraph 1 of Article 57 shall be set out in the following wording:\n"6) гранты выделяются ежегодно;"',
    },
  },
  {
    name: 'a subparagraph after an article\'s lead-in is addressed with the article, not as "часть первая"',
    follows: { ru: 'DOMAIN.md, definitions articles: «подпункт 2) статьи 1 изложить…»', kk: 'Z060000184_: «3-баптың 5) тармақшасы мынадай редакцияда жазылсын»' },
    ops: [{ op: 'restate', address: [art('1'), sub('2')], content: '2) консорциум – объединение организаций;' }],
    expected: {
      ru: 'подпункт 2) статьи 1 изложить в следующей редакции:\n«2) консорциум – объединение организаций;»',
      kk: '1-баптың 2) тармақшасы мынадай редакцияда жазылсын:\n«2) консорциум – объединение организаций;»',
    },
  },
  {
    name: 'several units set out anew, each in its own quote',
    follows: { ru: '[MT 319-VIII]: «подпункты 5) и 15) изложить в следующей редакции:» with a quote for each', kk: 'V2500036424: «2 және 3-тармақтар мынадай редакцияда жазылсын:»' },
    group: [art('5')],
    ops: [
      { op: 'restate', address: [art('5'), para('2')], content: '2. Первый.' },
      { op: 'restate', address: [art('5'), para('3')], content: '3. Второй.' },
    ],
    expected: {
      ru: 'пункты 2 и 3 изложить в следующей редакции:\n«2. Первый.»;\n«3. Второй.»',
      kk: '2 және 3-тармақтар мынадай редакцияда жазылсын:\n«2. Первый.»;\n«3. Второй.»',
    },
  },
  {
    name: 'a heading set out anew',
    follows: { ru: '[inf] «заголовок статьи 5 изложить в следующей редакции:»', kk: 'Z090000126_: «14-баптың тақырыбы … мынадай редакцияда жазылсын:»' },
    ops: [{ op: 'restate', address: [art('14')], heading: true, content: 'Статья 14. Гранты и премии' }],
    expected: {
      ru: 'заголовок статьи 14 изложить в следующей редакции:\n«Статья 14. Гранты и премии»',
      kk: '14-баптың тақырыбы мынадай редакцияда жазылсын:\n«Статья 14. Гранты и премии»',
    },
  },
  {
    name: 'an article\'s lead-in set out anew as its first line',
    follows: { ru: 'DOMAIN.md: «абзац второй изложить в следующей редакции:»; [MT 331-VIII] «абзац первый части третьей статьи 60»', kk: 'Z2200000136: «екінші бөліктің бірінші абзацы …»' },
    ops: [{ op: 'restate', address: [art('1')], line: 1, content: 'В настоящем Законе применяются следующие понятия:' }],
    expected: {
      ru: 'абзац первый статьи 1 изложить в следующей редакции:\n«В настоящем Законе применяются следующие понятия:»',
      kk: '1-баптың бірінші абзацы мынадай редакцияда жазылсын:\n«В настоящем Законе применяются следующие понятия:»',
    },
  },
  {
    name: 'a new unit',
    follows: { ru: 'Z2300000052: «статью 1 дополнить пунктом 1-1 следующего содержания:»', kk: 'Z090000126_: «12-баптың бірінші бөлігі мынадай мазмұндағы 5-1) тармақшамен толықтырылсын:»' },
    ops: [{ op: 'insert', parent: [art('1')], kind: 'paragraph', num: '1-1', content: '1-1. Новый пункт.' }],
    expected: {
      ru: 'статью 1 дополнить пунктом 1-1 следующего содержания:\n«1-1. Новый пункт.»',
      kk: '1-бап мынадай мазмұндағы 1-1-тармақпен толықтырылсын:\n«1-1. Новый пункт.»',
      en: 'Article 1 shall be supplemented by paragraph 1-1 with the following content:\n"1-1. Новый пункт."',
    },
  },
  {
    name: 'a new subparagraph inside the group of its article (the host left out)',
    follows: { ru: 'Z1400000270: «дополнить подпунктами 1-2) и 15-1) следующего содержания:» inside «в статье 2:»', kk: 'Z2200000144: «мынадай мазмұндағы 2-1) тармақшамен толықтырылсын:» inside «1-бапта:»' },
    group: [art('1')],
    ops: [{ op: 'insert', parent: [art('1')], kind: 'subparagraph', num: '2-1', content: '2-1) новый подпункт;' }],
    expected: {
      ru: 'дополнить подпунктом 2-1) следующего содержания:\n«2-1) новый подпункт;»',
      kk: 'мынадай мазмұндағы 2-1) тармақшамен толықтырылсын:\n«2-1) новый подпункт;»',
    },
  },
  {
    name: 'several new units in one quote',
    follows: { ru: 'continent 33362339: «статью 25 дополнить пунктами 4 и 5 следующего содержания:»', kk: '[inf] «мынадай мазмұндағы 4 және 5-тармақтармен толықтырылсын:»' },
    ops: [
      { op: 'insert', parent: [art('25')], kind: 'paragraph', num: '4', content: '4. Четвертый.' },
      { op: 'insert', parent: [art('25')], kind: 'paragraph', num: '5', content: '5. Пятый.' },
    ],
    expected: {
      ru: 'статью 25 дополнить пунктами 4 и 5 следующего содержания:\n«4. Четвертый.\n5. Пятый.»',
      kk: '25-бап мынадай мазмұндағы 4 және 5-тармақтармен толықтырылсын:\n«4. Четвертый.\n5. Пятый.»',
    },
  },
  {
    name: 'a second part for an article',
    follows: { ru: 'Z2500000211: «пункт 2 дополнить частью второй следующего содержания:»', kk: 'P1600000290: «2-тармақ мынадай мазмұндағы екінші бөлікпен толықтырылсын:»' },
    ops: [{ op: 'insert', parent: [art('7')], kind: 'part', num: '2', content: 'Вторая часть статьи.' }],
    expected: {
      ru: 'статью 7 дополнить частью второй следующего содержания:\n«Вторая часть статьи.»',
      kk: '7-бап мынадай мазмұндағы екінші бөлікпен толықтырылсын:\n«Вторая часть статьи.»',
    },
  },
  {
    name: 'a new line (абзац)',
    follows: { ru: '[MT 65-VIII]: «дополнить абзацем шестым следующего содержания:»', kk: '[inf] the instrumental of абзац (абзацпен), as «екінші бөлікпен» in P1600000290' },
    ops: [{ op: 'insertLine', address: [art('5'), para('2')], line: 3, content: 'Третий абзац.' }],
    expected: {
      ru: 'пункт 2 статьи 5 дополнить абзацем третьим следующего содержания:\n«Третий абзац.»',
      kk: '5-баптың 2-тармағы мынадай мазмұндағы үшінші абзацпен толықтырылсын:\n«Третий абзац.»',
    },
  },
  {
    name: 'a new article of the act',
    follows: { ru: '[inf] «дополнить статьей 12-1 следующего содержания:»', kk: 'Z2400000074: «мынадай мазмұндағы 301-1-баппен толықтырылсын:»' },
    ops: [{ op: 'insert', parent: [], kind: 'article', num: '301-1', content: 'Статья 301-1. Новая\nТекст.' }],
    expected: {
      ru: 'дополнить статьей 301-1 следующего содержания:\n«Статья 301-1. Новая\nТекст.»',
      kk: 'мынадай мазмұндағы 301-1-баппен толықтырылсын:\n«Статья 301-1. Новая\nТекст.»',
    },
  },
  {
    name: 'a unit excluded',
    follows: { ru: 'continent 33362339: «пункт 3 исключить»', kk: 'Z970000154_: «6-тармағы алынып тасталсын» (after a genitive, the possessive)' },
    ops: [{ op: 'repeal', address: [art('17'), para('6')] }],
    expected: {
      ru: 'пункт 6 статьи 17 исключить',
      kk: '17-баптың 6-тармағы алынып тасталсын',
      en: 'paragraph 6 of Article 17 shall be excluded',
    },
  },
  {
    name: 'several units excluded',
    follows: { ru: '[MT 319-VIII]: «подпункты 1) и 2) исключить»', kk: '[inf] «1) және 2) тармақшалар алынып тасталсын»' },
    group: [art('5'), para('1')],
    ops: [
      { op: 'repeal', address: [art('5'), para('1'), sub('2')] },
      { op: 'repeal', address: [art('5'), para('1'), sub('3')] },
    ],
    expected: {
      ru: 'подпункты 2) и 3) исключить',
      kk: '2) және 3) тармақшалар алынып тасталсын',
    },
  },
  {
    name: 'lines taken out',
    follows: { ru: '[MT 65-VIII]: «абзацы четвертый и пятый исключить»', kk: '[inf] «төртінші және бесінші абзацтар алынып тасталсын»' },
    group: [art('5'), para('1')],
    ops: [
      { op: 'repeal', address: [art('5'), para('1')], line: 4 },
      { op: 'repeal', address: [art('5'), para('1')], line: 5 },
    ],
    expected: {
      ru: 'абзацы четвертый и пятый исключить',
      kk: 'төртінші және бесінші абзацтар алынып тасталсын',
    },
  },
  {
    name: 'a unit renumbered',
    follows: { ru: '[inf] «подпункт 1) считать подпунктом 1-1)»', kk: 'Z050000079_: «1) тармақша 1-1) тармақша болып есептелсін»' },
    group: [art('1')],
    ops: [{ op: 'renumber', address: [art('1'), sub('1')], num: '1-1' }],
    expected: {
      ru: 'подпункт 1) считать подпунктом 1-1)',
      kk: '1) тармақша 1-1) тармақша болып есептелсін',
    },
  },
  {
    name: 'units renumbered respectively',
    follows: { ru: '[inf] «подпункты 3) и 4) считать соответственно подпунктами 4) и 5)»', kk: '[inf] «… тиісінше … болып есептелсін»' },
    group: [art('1')],
    ops: [
      { op: 'renumber', address: [art('1'), sub('3')], num: '4' },
      { op: 'renumber', address: [art('1'), sub('4')], num: '5' },
    ],
    expected: {
      ru: 'подпункты 3) и 4) считать соответственно подпунктами 4) и 5)',
      kk: '3) және 4) тармақшалар тиісінше 4) және 5) тармақшалар болып есептелсін',
    },
  },
  {
    name: 'one word replaced by one word',
    follows: { ru: '[MT 318-VIII]: «слово «…» заменить словом «…»»', kk: 'Z970000154_: «4-тармағындағы "…" деген сөз "…" деген сөзбен ауыстырылсын»' },
    ops: [{ op: 'replace', address: [art('5'), para('4')], from: 'университет', to: 'вуз' }],
    expected: {
      ru: 'в пункте 4 статьи 5 слово «университет» заменить словом «вуз»',
      kk: '5-баптың 4-тармағындағы «университет» деген сөз «вуз» деген сөзбен ауыстырылсын',
      en: 'in paragraph 4 of Article 5, the word "университет" shall be replaced by the word "вуз"',
    },
  },
  {
    name: 'words replaced by one word (plural, then singular)',
    follows: { ru: '[MT 249-VIII]: «слова … заменить словом …»', kk: 'Z970000154_: «"Банк мекемелерi" деген сөздер "банктер" деген сөзбен»' },
    group: [art('5')],
    ops: [{ op: 'replace', address: [art('5'), para('2')], from: 'организаций высшего образования', to: 'университетов' }],
    expected: {
      ru: 'в пункте 2 слова «организаций высшего образования» заменить словом «университетов»',
      kk: '2-тармақтағы «организаций высшего образования» деген сөздер «университетов» деген сөзбен ауыстырылсын',
    },
  },
  {
    name: 'items of a code\'s article are its "пункты"',
    follows: { ru: 'Z2300000186: «в пункте 2) слова "…" заменить словами "…"» (Criminal Code, art. 3)', kk: 'Z2400000074: «3-баптың 3) тармағындағы "…" деген сөздер "…" деген сөздермен ауыстырылсын»' },
    code: true,
    ops: [{ op: 'replace', address: [art('3'), sub('3')], from: 'в статье 214', to: 'в статьях 214 и 301-1' }],
    expected: {
      ru: 'в пункте 3) статьи 3 слова «в статье 214» заменить словами «в статьях 214 и 301-1»',
      kk: '3-баптың 3) тармағындағы «в статье 214» деген сөздер «в статьях 214 и 301-1» деген сөздермен ауыстырылсын',
    },
  },
  {
    name: 'numbers replaced',
    follows: { ru: '[MT 331-VIII]: «цифры «2027» заменить цифрами «2030»»', kk: 'consolidated footnotes: «… деген цифрлар … деген цифрлармен ауыстырылды»' },
    group: [art('9')],
    ops: [{ op: 'replace', address: [art('9'), para('1')], from: '2027', to: '2030' }],
    expected: {
      ru: 'в пункте 1 цифры «2027» заменить цифрами «2030»',
      kk: '1-тармақтағы «2027» деген цифрлар «2030» деген цифрлармен ауыстырылсын',
    },
  },
  {
    name: 'words added after a word',
    follows: { ru: 'online.zakon 39221875: «часть восьмую после слова «микрорайоны,» дополнить словами «районы в городе,»»', kk: 'Z060000184_: «2-баптың алтыншы бөлігі ", сондай-ақ" деген сөзден кейін "…" деген сөздермен толықтырылсын»' },
    ops: [{ op: 'add', address: [art('2'), part('6')], anchor: 'организации', words: 'и индустриальные партнеры' }],
    expected: {
      ru: 'часть шестую статьи 2 после слова «организации» дополнить словами «и индустриальные партнеры»',
      kk: '2-баптың алтыншы бөлігі «организации» деген сөзден кейін «и индустриальные партнеры» деген сөздермен толықтырылсын',
      en: 'in part six of Article 2, after the word "организации" add the words "и индустриальные партнеры"',
    },
  },
  {
    name: 'words added before a word',
    follows: { ru: '[inf] «перед словами «…» дополнить словами «…»»', kk: 'Z050000077_: «"…" деген сөздердің алдынан "…" деген сөздермен толықтырылсын»' },
    group: [art('4')],
    ops: [{ op: 'add', address: [art('4'), para('1')], anchor: 'вправе создавать', words: 'не', before: true }],
    expected: {
      ru: 'пункт 1 перед словами «вправе создавать» дополнить словом «не»',
      kk: '1-тармақ «вправе создавать» деген сөздердің алдынан «не» деген сөзбен толықтырылсын',
    },
  },
  {
    name: 'words added at the end of a unit',
    follows: { ru: '[MT 138-VII, 319-VIII]: «подпункт 19) дополнить словами «, а также …»»', kk: '[inf] the addition formula of Z1300000093 without «… кейін»' },
    group: [art('5')],
    ops: [{ op: 'append', address: [art('5'), sub('19')], words: ', а также методик их расчета' }],
    expected: {
      ru: 'подпункт 19) дополнить словами «, а также методик их расчета»',
      kk: '19) тармақша «, а также методик их расчета» деген сөздермен толықтырылсын',
    },
  },
  {
    name: 'words taken out',
    follows: { ru: 'online.zakon 39221875: «в подпункте 3) слова «, из которых …» исключить»', kk: 'Z050000077_: «"әуе," деген сөз алып тасталсын» (written with the usual «алынып»)' },
    group: [art('8')],
    ops: [{ op: 'delete', address: [art('8'), sub('3')], words: ', из которых не менее половины' }],
    expected: {
      ru: 'в подпункте 3) слова «, из которых не менее половины» исключить',
      kk: '3) тармақшадағы «, из которых не менее половины» деген сөздер алынып тасталсын',
    },
  },
  {
    name: 'the mark that ends a unit replaced (a subparagraph added after the last one)',
    follows: { ru: '[inf] «в подпункте 3) точку заменить точкой с запятой», the formula for a punctuation mark', kk: '[inf] «3) тармақшадағы нүкте нүктелі үтірмен ауыстырылсын»' },
    group: [art('5'), para('2')],
    ops: [{ op: 'mark', address: [art('5'), para('2'), sub('3')], from: '.', to: ';' }],
    expected: {
      ru: 'в подпункте 3) точку заменить точкой с запятой',
      kk: '3) тармақшадағы нүкте нүктелі үтірмен ауыстырылсын',
      en: 'in subparagraph 3), the full stop shall be replaced by the semicolon',
    },
  },
  {
    name: 'words of a heading replaced',
    follows: { ru: '[inf] «в заголовке статьи 5 слова …»', kk: 'Z2000000370: «тақырыптағы "X" деген сөздер …» inside «17-бапта:»' },
    group: [art('17')],
    ops: [{ op: 'replace', address: [art('17')], heading: true, from: 'научных организаций', to: 'научных и образовательных организаций' }],
    expected: {
      ru: 'в заголовке слова «научных организаций» заменить словами «научных и образовательных организаций»',
      kk: 'тақырыптағы «научных организаций» деген сөздер «научных и образовательных организаций» деген сөздермен ауыстырылсын',
    },
  },
  {
    name: 'words of one line of a part replaced',
    follows: { ru: '[MT zakonpravo 256-VIII]: «в абзаце первом пункта 2 статьи 67-1 слово … заменить словом …»', kk: 'Z2200000136: «32-баптың үшінші бөлігінің екінші абзацындағы "…" деген сөздер "…" деген сөздермен ауыстырылсын»' },
    ops: [{ op: 'replace', address: [art('32'), para('3')], line: 2, from: 'ежегодно', to: 'ежеквартально' }],
    expected: {
      ru: 'в абзаце втором пункта 3 статьи 32 слово «ежегодно» заменить словом «ежеквартально»',
      kk: '32-баптың 3-тармағының екінші абзацындағы «ежегодно» деген сөз «ежеквартально» деген сөзбен ауыстырылсын',
    },
  },
  {
    name: 'throughout the text, several word forms at once',
    follows: { ru: '256-VIII (kazpravda): «по всему тексту слова «A», «B» заменить соответственно словами «A\'», «B\'»»', kk: 'Z2100000059: «бүкіл мәтін бойынша "A", "B" деген сөздер тиісінше "A\'", "B\'" деген сөздермен ауыстырылсын»' },
    ops: [{ op: 'throughout', replacements: [{ from: 'организаций высшего образования', to: 'университетов' }, { from: 'организациям высшего образования', to: 'университетам' }] }],
    expected: {
      ru: 'по всему тексту слова «организаций высшего образования», «организациям высшего образования» заменить соответственно словами «университетов», «университетам»',
      kk: 'бүкіл мәтін бойынша «организаций высшего образования», «организациям высшего образования» деген сөздер тиісінше «университетов», «университетам» деген сөздермен ауыстырылсын',
      en: 'throughout the text the words "организаций высшего образования", "организациям высшего образования" shall be replaced respectively by the words "университетов", "университетам"',
    },
  },
  {
    name: 'throughout the text, one word',
    follows: { ru: 'prg: «… по всему тексту «оралман» деген сөз «қандас» деген сөзбен ауыстырылды» (the ru form by the same rule)', kk: 'prg 38448206: «бүкіл мәтін бойынша «оралман» деген сөз «қандас» деген сөзбен ауыстырылды»' },
    ops: [{ op: 'throughout', replacements: [{ from: 'оралман', to: 'қандас' }] }],
    expected: {
      ru: 'по всему тексту слово «оралман» заменить словом «қандас»',
      kk: 'бүкіл мәтін бойынша «оралман» деген сөз «қандас» деген сөзбен ауыстырылсын',
    },
  },
];

describe.each(['ru', 'kk', 'en'] as Lang[])('the wording of each formula (%s)', (lang) => {
  const cases = CASES.filter((c) => c.expected[lang] !== undefined);
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    if (lang !== 'en') expect(c.follows[lang], 'every golden names the real pattern it follows').toBeTruthy();
    const ctx: StatementContext = { group: c.group ?? [], code: c.code ?? false };
    const text = GRAMMARS[lang].statement(c.ops, ctx);
    expect(text).toBe(c.expected[lang]);
    const split = splitQuotes(lang, text);
    const read = GRAMMARS[lang].readStatement(split!.frame, split!.quotes, ctx);
    expect(isUnreadable(read) ? read.unreadable : read).toEqual(c.ops);
  });
});

describe('group headers', () => {
  it.each([
    ['ru', [art('25')], 'в статье 25', 'Z2300000186: «1) в статье 3:»'],
    ['kk', [art('25')], '25-бапта', 'Z2200000144: «1) 1-бапта:»'],
    ['ru', [art('13'), para('1')], 'в пункте 1 статьи 13', '[MT 65-VIII] «в подпункте 10-2):» nested'],
    ['kk', [art('13'), part('1')], '13-баптың бірінші бөлігінде', 'Z050000077_: «13-баптың бірінші бөлігінде:»'],
  ] as const)('%s: %s', (lang, address, expected, follows) => {
    expect(follows).toBeTruthy();
    expect(GRAMMARS[lang].groupHeader(address, { group: [], code: false })).toBe(expected);
    expect(GRAMMARS[lang].readGroupHeader(expected, { group: [], code: false })).toEqual(address);
  });
});
