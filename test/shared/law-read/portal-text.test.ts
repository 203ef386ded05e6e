import { describe, expect, it } from 'vitest';
import { readLawText } from '../../../shared/import';
import { countByKind, parseLaw, printLaw, walkProvisions } from '../../../shared/law';

/** A text laid out as the portal shows it when copied: every line indented, ASCII quotes. */
const indent = (text: string) =>
  text
    .split('\n')
    .map((l) => (l ? `      ${l}` : l))
    .join('\n');

// Written for these tests in the patterns of consolidated Kazakh texts on the portal (Z1500000410,
// Z980000267_ kaz): title, status word, act line with the old Latin i, editor note, users' note,
// МАЗМҰНЫ, a note on the whole text before the first chapter; a definitions article whose lead-in
// is followed by subparagraphs; notes after the units they are about.
const KK_PORTAL = indent(`Ғылыми ұйымдар туралы
Жаңа
Қазақстан Республикасының Заңы 2023 жылғы 5 шiлдедегi № 17-VІІI ҚРЗ.
ЗҚАИ-ның ескертпесі!
Осы Заңның қолданысқа енгізілу тәртібін 9-баптан қараңыз.
Қолданушылар назарына!
Қолданушыларға ыңғайлы болуы үшін ЗҚАИ мазмұнды жасады.
МАЗМҰНЫ
Ескерту. Бүкіл мәтін бойынша "ғылыми ұйым" деген сөздер "ғылыми мекеме" деген сөздермен ауыстырылды - ҚР 01.02.2025 № 90-VIII Заңымен.
1-тарау. ЖАЛПЫ ЕРЕЖЕЛЕР
1-бап. Осы Заңда пайдаланылатын негiзгi ұғымдар
Осы Заңда мынадай негізгі ұғымдар пайдаланылады:
1) ғылыми мекеме - "Ғылым туралы" Заңда көзделген заңды тұлға;
2) индустриялық әріптес - шарт бойынша жобаға қатысатын ұйым;
Ескерту. 1-бапқа өзгеріс енгізілді - ҚР 01.02.2025 № 90-VIII (алғашқы ресми жарияланған күнінен кейін
күнтізбелік он күн өткен соң қолданысқа енгізіледі) Заңымен.
3) консорциум - ұйымдардың ерікті бірлестігі.
2-бап. Мекемелердің міндеттері
2-бап. Мекемелердің міндеттері
1. Мекемелер жыл сайын есеп береді.
2. алынып тасталды - ҚР 01.02.2025 № 90-VIII Заңымен.
`);

describe('a consolidated text as the portal shows it (kk)', () => {
  const read = readLawText(KK_PORTAL);

  it('reads the act line into the date and number, and leaves the portal\'s labels out of the law', () => {
    expect(read.lang).toBe('kk');
    expect(read.title).toBe('Ғылыми ұйымдар туралы');
    // The number as it stands, its Cyrillic І made the Latin I of a Roman numeral.
    expect(read.act).toEqual({ kind: 'law', date: '2023-07-05', number: '17-VIII' });
    const lawText: string[] = [];
    walkProvisions(read.law.body, (u) => void lawText.push(u.heading, u.text));
    for (const portal of ['Жаңа', 'МАЗМҰНЫ', 'Қолданушылар', 'ЗҚАИ', 'Ескерту', 'Қазақстан Республикасының Заңы']) expect(lawText.filter((t) => t.includes(portal))).toEqual([]);
  });

  it('keeps every note as a note of its unit, a note over two lines as one note, never as law text', () => {
    const article1 = read.law.body[0]!.children[0]!;
    const lead = article1.children[0]!;
    expect(lead.kind).toBe('part');
    expect(lead.children.map((s) => s.num)).toEqual(['1', '2', '3']);
    expect(lead.children[1]!.notes).toEqual([
      'Ескерту. 1-бапқа өзгеріс енгізілді - ҚР 01.02.2025 № 90-VIII (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі) Заңымен.',
    ]);
    expect(lead.children[1]!.text).toBe('индустриялық әріптес - шарт бойынша жобаға қатысатын ұйым;');
    const chapter = read.law.body[0]!;
    expect(chapter.notes).toEqual([
      'ЗҚАИ-ның ескертпесі! Осы Заңның қолданысқа енгізілу тәртібін 9-баптан қараңыз.',
      'Қолданушылар назарына! Қолданушыларға ыңғайлы болуы үшін ЗҚАИ мазмұнды жасады.',
      'Ескерту. Бүкіл мәтін бойынша «ғылыми ұйым» деген сөздер «ғылыми мекеме» деген сөздермен ауыстырылды - ҚР 01.02.2025 № 90-VIII Заңымен.',
    ]);
  });

  it('makes the quotes typographic and the old Latin i the Kazakh і, saying where', () => {
    const article1 = read.law.body[0]!.children[0]!;
    expect(article1.heading).toBe('Осы Заңда пайдаланылатын негізгі ұғымдар');
    expect(article1.children[0]!.children[0]!.text).toBe('ғылыми мекеме - «Ғылым туралы» Заңда көзделген заңды тұлға;');
    const spelling = read.findings.find((f) => f.code === 'OLD_SPELLING');
    expect(spelling).toMatchObject({ severity: 'warning', line: 3 });
    expect(spelling?.message).toContain('line 3, line 11.');
  });

  it('reads a heading printed twice once, with a warning; a repealed paragraph stays a stub', () => {
    const article2 = read.law.body[0]!.children[1]!;
    expect(article2.children.map((p) => [p.num, p.repealed])).toEqual([['1', false], ['2', true]]);
    expect(read.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(read.findings.find((f) => f.code === 'DUPLICATE_HEADING')).toMatchObject({ line: 19 });
    expect(countByKind(read.law)).toMatchObject({ chapter: 1, article: 2, paragraph: 2, subparagraph: 3 });
  });
});

describe('act lines, status labels and notes of other sites', () => {
  it.each([
    ['ru', 'Закон Республики Казахстан от 3 января 2023 года № 186-VII ЗРК.', { kind: 'law', date: '2023-01-03', number: '186-VII' }],
    ['ru', 'Закон Республики Казахстан от 3 декабря 2015 года № 433-V ЗРК', { kind: 'law', date: '2015-12-03', number: '433-V' }],
    ['ru', 'Закон Республики Казахстан от 2 июля 1998 года N 267. Утратил силу Законом Республики Казахстан от 18 ноября 2015 года № 410-V ЗРК', { kind: 'law', date: '1998-07-02', number: '267' }],
    ['ru', 'Кодекс Республики Казахстан от 9 января 2007 года № 212.', { kind: 'code', date: '2007-01-09', number: '212' }],
    ['kk', 'Қазақстан Республикасының Заңы 2024 жылғы 19 сәуірдегі № 74-VIII ҚРЗ', { kind: 'law', date: '2024-04-19', number: '74-VIII' }],
    ['kk', 'Қазақстан Республикасының 2012 жылғы 14 желтоқсандағы № 59-V Заңы', { kind: 'law', date: '2012-12-14', number: '59-V' }],
    ['kk', 'Қазақстан Республикасының 2008 жылғы 5 шілдедегі N 62-IV Заңы', { kind: 'law', date: '2008-07-05', number: '62-IV' }],
    ['kk', 'Қазақстан Республикасының 2003 жылғы 8 мамырдағы N 412-II заңы.', { kind: 'law', date: '2003-05-08', number: '412-II' }],
    ['kk', 'Қазақстан Республикасының Заңы 2002 жылғы 21 мамыр N 324-ІІ.', { kind: 'law', date: '2002-05-21', number: '324-II' }],
    ['kk', 'Қазақстан Республикасының Кодексі 2017 жылғы 27 желтоқсандағы № 125-VI ҚРЗ.', { kind: 'code', date: '2017-12-27', number: '125-VI' }],
    ['en', 'The Law of the Republic of Kazakhstan dated 8 July 2005 No. 66.', { kind: 'law', date: '2005-07-08', number: '66' }],
    ['en', 'Code of the Republic of Kazakhstan dated 23 November, 2015 no. 414-V.', { kind: 'code', date: '2015-11-23', number: '414-V' }],
  ] as const)('%s: %s', (lang, line, act) => {
    const article = { ru: 'Статья 1. А\nТекст.', kk: '1-бап. А\nМәтін.', en: 'Article 1. A\nText.' }[lang];
    const read = readLawText(`Название\n${line}\n${article}\n`, { lang });
    expect(read.act).toEqual(act);
    expect(printLaw(read.law)).not.toContain(line.slice(0, 12));
  });

  it('a repealed act is read, and the user is told', () => {
    const read = readLawText('О науке\nУтративший силу\nЗакон Республики Казахстан от 18 февраля 2011 года № 407-IV.\nСтатья 1. А\nТекст.\n');
    expect(read.act?.number).toBe('407-IV');
    expect(read.findings.map((f) => f.code)).toContain('ACT_NOT_IN_FORCE');
  });

  it('keeps the notes other sites write into the text as notes', () => {
    const read = readLawText(
      [
        'Статья 5. Советы',
        '1. Советы создаются при органах.',
        'Пункт 1 изложен в редакции Закона РК от 10.01.2025 № 150-VIII (см. стар. ред.)',
        'В статью 5 внесены изменения в соответствии с Законом РК от 10.01.2025 № 150-VIII',
        '2. Советы отчитываются ежегодно.',
        '3. Исключен в соответствии с Законом РК от 02.04.19 г. № 241-VI (см. стар. ред.)',
      ].join('\n'),
    );
    const article = read.law.body[0]!;
    expect(article.children.map((p) => p.text)).toEqual(['Советы создаются при органах.', 'Советы отчитываются ежегодно.', 'Исключен в соответствии с Законом РК от 02.04.19 г. № 241-VI (см. стар. ред.)']);
    expect(article.children[0]!.notes).toHaveLength(2);
    expect(article.children[2]!.repealed).toBe(true);
  });

  it('reads a site note that names the unit and the law, without "(см. стар. ред.)", as a note (ru and kk)', () => {
    const ru = readLawText(['Статья 5. Советы', '1. Советы создаются при органах.', 'Пункт 1 изложен в редакции Закона РК от 10.01.2025 № 150-VIII', '2. Советы отчитываются ежегодно.'].join('\n'));
    expect(ru.law.body[0]!.children.map((p) => p.text)).toEqual(['Советы создаются при органах.', 'Советы отчитываются ежегодно.']);
    expect(ru.law.body[0]!.children[0]!.notes).toEqual(['Пункт 1 изложен в редакции Закона РК от 10.01.2025 № 150-VIII']);
    // A norm that speaks of a paragraph being set out is law text: the word must stand alone.
    const norm = readLawText(['Статья 5. Советы', '1. Советы создаются при органах.', 'Пунктом 1 изложены правила согласно Закону РК от 10.01.2025 № 150-VIII о советах.'].join('\n'));
    expect(norm.law.body[0]!.children[0]!.text).toContain('Пунктом 1 изложены');
    const kk = readLawText(['5-бап. Кеңестер', '1. Кеңестер органдар жанынан құрылады.', '1-тармаққа өзгеріс енгізілді - ҚР 10.01.2025 № 150-VIII Заңымен.', '2. Кеңестер жыл сайын есеп береді.'].join('\n'));
    expect(kk.law.body[0]!.children.map((p) => p.text)).toEqual(['Кеңестер органдар жанынан құрылады.', 'Кеңестер жыл сайын есеп береді.']);
    expect(kk.law.body[0]!.children[0]!.notes).toHaveLength(1);
  });

  it('keeps a preamble line in capitals of a plain text as the preamble: only a line above an act line is a title', () => {
    const text = 'НАСТОЯЩИЙ ЗАКОН РЕГУЛИРУЕТ ОТНОШЕНИЯ В ОБЛАСТИ НАУКИ.\n\nСтатья 1. Понятия\nТекст.\n';
    const read = readLawText(text);
    expect(read.title).toBeNull();
    expect(printLaw(read.law)).toBe(text);
    const titled = readLawText('О НАУКЕ\nЗакон Республики Казахстан от 18 февраля 2011 года № 407-IV.\nСтатья 1. Понятия\nТекст.\n');
    expect(titled.title).toBe('О НАУКЕ');
  });

  it('skips a table of contents printed out in full, until the text begins again', () => {
    const read = readLawText(['Вниманию пользователей!', 'Для удобства пользования ИЗПИ создано ОГЛАВЛЕНИЕ', 'ОГЛАВЛЕНИЕ', 'Глава 1. Общие положения', 'Статья 1. Понятия', 'Статья 2. Цели', 'Глава 1. Общие положения', 'Статья 1. Понятия', 'Текст.', 'Статья 2. Цели', 'Текст.'].join('\n'));
    expect(printLaw(read.law)).toBe('Глава 1. Общие положения\nВниманию пользователей! Для удобства пользования ИЗПИ создано ОГЛАВЛЕНИЕ\n\nСтатья 1. Понятия\nТекст.\n\nСтатья 2. Цели\nТекст.\n');
    expect(read.findings).toEqual([]);
  });

  it('refuses a text in which no article is found, saying so', () => {
    expect(() => readLawText('Глава 1. Общие положения\nТекст главы без статей.\n')).toThrow(/No article was found/);
    expect(() => parseLaw('Глава 1. Общие положения\nТекст главы без статей.\n')).toThrow(/No article was found/);
  });
});
