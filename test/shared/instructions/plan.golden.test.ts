import { describe, expect, it } from 'vitest';
import { derive } from '../../../shared/amend';
import { applyOperations, planOperations, printWithoutNotes, renderItems } from '../../../shared/instructions';
import { parseLaw, type Lang } from '../../../shared/law';

/**
 * What the workbench writes for a drafter's edit, statement by statement, in Russian and Kazakh:
 * the choices practice makes (DOMAIN.md, "Real amending laws") that a formula alone does not show.
 * Each case says the published pattern it follows.
 */
function statements(lang: Lang, base: string, draft: string): string[] {
  const b = parseLaw(base, { lang });
  const d = parseLaw(draft, { lang });
  const ops = planOperations(b, d);
  expect(printWithoutNotes(applyOperations(b, ops))).toBe(printWithoutNotes(d));
  // Written from a stored list of the same amendments, the law is the same.
  expect(planOperations(b, d, {}, derive(b, d))).toEqual(ops);
  return renderItems(lang, ops);
}

const RU_DEFINITIONS = 'Статья 1. Основные понятия\nВ настоящем Законе используются следующие понятия:\n1) грант – средства на исследования;\n2) консорциум – объединение организаций.\n';
const KK_DEFINITIONS = '1-бап. Негізгі ұғымдар\nОсы Заңда мынадай ұғымдар пайдаланылады:\n1) грант – зерттеулерге арналған қаражат;\n2) консорциум – ұйымдардың бірлестігі.\n';

describe('what the workbench writes for an edit (ru)', () => {
  it('one word for one word: "слово … словом" (Z970000154_ pattern, ru form [MT 318-VIII])', () => {
    expect(statements('ru', 'Статья 5. Советы\n1. Советы создаются при органах.\n2. Советы отчитываются.\n', 'Статья 5. Советы\n1. Советы образуются при органах.\n2. Советы отчитываются.\n')).toEqual(['в пункте 1 статьи 5 слово «создаются» заменить словом «образуются».']);
  });

  it('words added at the end become "дополнить словами «, …»", never a replacement quoting the final punctuation ([MT 138-VII])', () => {
    expect(statements('ru', 'Статья 5. Советы\n1. Совет ежегодно отчитывается о работе.\n', 'Статья 5. Советы\n1. Совет ежегодно отчитывается о работе, утверждаемой уполномоченным органом.\n')).toEqual(['пункт 1 статьи 5 дополнить словами «, утверждаемой уполномоченным органом».']);
  });

  it('words added in the middle: "после слова … дополнить словами …" (online.zakon 39221875)', () => {
    expect(statements('ru', 'Статья 5. Советы\n1. Советы создаются при органах.\n', 'Статья 5. Советы\n1. Советы создаются при центральных органах.\n')).toEqual(['пункт 1 статьи 5 после слова «при» дополнить словом «центральных».']);
  });

  it('a subparagraph after a lead-in is "подпункт 2) статьи 1", never "части первой" (DOMAIN.md)', () => {
    const draft = RU_DEFINITIONS.replace('объединение организаций', 'объединение университетов');
    expect(statements('ru', RU_DEFINITIONS, draft)).toEqual(['в подпункте 2) статьи 1 слово «организаций» заменить словом «университетов».']);
  });

  it('a lead-in set out anew is "абзац первый статьи 1", its subparagraphs left alone', () => {
    const draft = RU_DEFINITIONS.replace('В настоящем Законе используются следующие понятия:', 'Для целей настоящего Закона применяются понятия, определенные ниже:');
    expect(statements('ru', RU_DEFINITIONS, draft)).toEqual(['абзац первый статьи 1 изложить в следующей редакции:\n«Для целей настоящего Закона применяются понятия, определенные ниже:».']);
  });

  it('an article with one text: its words are "в статье 7", its rewriting "статью 7 изложить"', () => {
    const base = 'Статья 7. Гранты\nГранты выделяются на конкурсной основе.\n';
    expect(statements('ru', base, base.replace('на конкурсной основе', 'на конкурсной и безвозмездной основе'))).toEqual(['статью 7 после слова «конкурсной» дополнить словами «и безвозмездной».']);
    expect(statements('ru', base, 'Статья 7. Гранты\nСовет распределяет средства по итогам открытого отбора.\n')).toEqual(['статью 7 изложить в следующей редакции:\n«Статья 7. Гранты\nСовет распределяет средства по итогам открытого отбора.».']);
  });

  it('a second part for an article that had one text: "дополнить частью второй" (Z2500000211)', () => {
    const base = 'Статья 7. Гранты\nГранты выделяются на конкурсной основе.\n';
    expect(statements('ru', base, `${base}Порядок отбора определяет Правительство.\n`)).toEqual(['статью 7 дополнить частью второй следующего содержания:\n«Порядок отбора определяет Правительство.».']);
  });

  it('units excluded side by side inside a group are one list: "пункты 2 и 3 исключить" (Z1400000270)', () => {
    const base = 'Статья 5. Советы\n1. Советы создаются при органах.\n2. Советы отчитываются.\n3. Советы публикуют отчеты.\n4. Советы работают открыто.\n';
    const draft = 'Статья 5. Советы\n1. Советы образуются при органах.\n2. Исключен.\n3. Исключен.\n4. Советы работают открыто.\n';
    expect(statements('ru', base, draft)).toEqual(['в статье 5:\nв пункте 1 слово «создаются» заменить словом «образуются»;\nпункты 2 и 3 исключить.']);
  });

  it('the same change in several word forms: one "по всему тексту … соответственно" (256-VIII)', () => {
    const base = 'Статья 1. А\n1. Права университета.\n2. Совет университета.\n\nСтатья 2. Б\n1. Университет вправе.\n2. Гранты университетам.\n';
    const draft = base.replace(/университета/g, 'вуза').replace('Университет', 'Вуз').replace('университетам', 'вузам');
    expect(statements('ru', base, draft)).toEqual(['по всему тексту слова «университета», «Университет», «университетам» заменить соответственно словами «вуза», «Вуз», «вузам».']);
  });

  it('a subparagraph added after the last one: the mark that ended the list becomes ";" ([inf] "точку заменить точкой с запятой")', () => {
    const base = 'Статья 1. А\nПонятия:\n1) первое;\n2) второе.\n';
    expect(statements('ru', base, base.replace('2) второе.', '2) второе;\n3) третье.'))).toEqual(['в статье 1:\nв подпункте 2) точку заменить точкой с запятой;\nдополнить подпунктом 3) следующего содержания:\n«3) третье.».']);
  });

  it('a new number alone: "подпункт 2) считать подпунктом 3)"', () => {
    const base = 'Статья 1. А\nПонятия:\n1) первое;\n2) второе.\n';
    expect(statements('ru', base, base.replace('2) второе.', '3) второе.'))).toEqual(['подпункт 2) статьи 1 считать подпунктом 3).']);
  });
});

describe('what the workbench writes for an edit (kk)', () => {
  it('a unit named through its parents before quoted words takes -ындағы: "5-баптың 1-тармағындағы" (Z2200000136)', () => {
    expect(statements('kk', '5-бап. Кеңестер\n1. Кеңестер органдар жанынан құрылады.\n', '5-бап. Кеңестер\n1. Кеңестер орталық органдар жанынан құрылады.\n')).toEqual(['5-баптың 1-тармағы «Кеңестер» деген сөзден кейін «орталық» деген сөзбен толықтырылсын.']);
    expect(statements('kk', '5-бап. Кеңестер\n1. Кеңестер органдар жанынан құрылады.\n', '5-бап. Кеңестер\n1. Кеңестер ведомстволар жанынан құрылады.\n')).toEqual(['5-баптың 1-тармағындағы «органдар» деген сөз «ведомстволар» деген сөзбен ауыстырылсын.']);
  });

  it('a lead-in\'s subparagraph is "1-баптың 2) тармақшасындағы", never "бірінші бөлігінің" (DOMAIN.md)', () => {
    const draft = KK_DEFINITIONS.replace('ұйымдардың бірлестігі', 'университеттердің бірлестігі');
    expect(statements('kk', KK_DEFINITIONS, draft)).toEqual(['1-баптың 2) тармақшасындағы «ұйымдардың» деген сөз «университеттердің» деген сөзбен ауыстырылсын.']);
  });

  it('a changed modifier is quoted with the noun it goes with: whole words, a phrase (DOMAIN.md on agglutination)', () => {
    const base = '3-бап. Гранттар\n1. Грант ғылыми-зерттеу жобаларына беріледі.\n2. Грант жыл сайын беріледі.\n';
    expect(statements('kk', base, base.replace('ғылыми-зерттеу жобаларына', 'ғылыми-техникалық жобаларына'))).toEqual(['3-баптың 1-тармағындағы «ғылыми-зерттеу жобаларына» деген сөздер «ғылыми-техникалық жобаларына» деген сөздермен ауыстырылсын.']);
  });

  it('words added at the end: "… деген сөздермен толықтырылсын", without quoting the final punctuation', () => {
    expect(statements('kk', '5-бап. Кеңестер\n1. Кеңес жыл сайын есеп береді.\n', '5-бап. Кеңестер\n1. Кеңес жыл сайын есеп береді, сондай-ақ оны жариялайды.\n')).toEqual(['5-баптың 1-тармағы «, сондай-ақ оны жариялайды» деген сөздермен толықтырылсын.']);
  });

  it('two changes in one article: a group "5-бапта:" with plain forms inside (Z2200000144)', () => {
    const base = '5-бап. Кеңестер\n1. Кеңестер органдар жанынан құрылады.\n2. Кеңес жыл сайын есеп береді.\n3. Ереже бекітіледі.\n';
    const draft = base.replace('органдар', 'ведомстволар').replace('3. Ереже бекітіледі.', '3. Алынып тасталды.');
    expect(statements('kk', base, draft)).toEqual(['5-бапта:\n1-тармақтағы «органдар» деген сөз «ведомстволар» деген сөзбен ауыстырылсын;\n3-тармақ алынып тасталсын.']);
  });
});

describe('a replacement the drafter made throughout the text', () => {
  const base = 'Статья 1. Вузы\n1. Вуз принимает студентов.\n2. Совет вуза утверждает план.\nСтатья 2. Гранты\nГранты выделяются вузам.\n';
  const draft = base.replace('Вуз принимает', 'Университет принимает').replace('Совет вуза', 'Совет университета').replace('выделяются вузам', 'выделяются университетам');
  const stated = [[{ from: 'Вуз', to: 'Университет' }, { from: 'вуза', to: 'университета' }, { from: 'вузам', to: 'университетам' }]];

  it('is one "по всему тексту" statement even below the count that makes one by itself', () => {
    const b = parseLaw(base, { lang: 'ru' });
    const d = parseLaw(draft, { lang: 'ru' });
    const ops = planOperations(b, d, { throughout: stated, throughoutMin: 10 });
    expect(ops).toHaveLength(1);
    expect(ops[0]?.op).toBe('throughout');
    expect(printWithoutNotes(applyOperations(b, ops))).toBe(printWithoutNotes(d));
    // Without the drafter's statement the same edit is written unit by unit.
    expect(planOperations(b, d, { throughoutMin: 10 }).map((o) => o.op)).not.toContain('throughout');
  });

  it('gives way to unit statements when it no longer gives the draft (a form put back later), and drops forms the base lacks', () => {
    const b = parseLaw(base, { lang: 'ru' });
    const d = parseLaw(draft.replace('Совет университета', 'Совет вуза'), { lang: 'ru' });
    const withAbsent = [[...(stated[0] ?? []), { from: 'вузовский', to: 'университетский' }]];
    const ops = planOperations(b, d, { throughout: withAbsent, throughoutMin: 10 });
    expect(printWithoutNotes(applyOperations(b, ops))).toBe(printWithoutNotes(d));
    expect(ops.map((o) => o.op)).not.toContain('throughout');
    const exact = planOperations(b, parseLaw(draft, { lang: 'ru' }), { throughout: withAbsent, throughoutMin: 10 });
    expect(exact[0]).toEqual({ op: 'throughout', replacements: stated[0] });
  });
});

describe('a phrase the drafter replaced throughout, whose words the diff also sees one by one', () => {
  it('is stated as the phrase, not as its single words', () => {
    const base = 'Статья 1. Партнеры\n1. Индустриальный партнер участвует в проекте.\n2. Договор с индустриальным партнером заключается письменно.\n3. Индустриальные партнеры отчитываются.\n';
    const draft = base.replace('Индустриальный партнер', 'Отраслевой партнер').replace('индустриальным партнером', 'отраслевым партнером').replace('Индустриальные партнеры', 'Отраслевые партнеры');
    const stated = [[{ from: 'Индустриальный партнер', to: 'Отраслевой партнер' }, { from: 'индустриальным партнером', to: 'отраслевым партнером' }, { from: 'Индустриальные партнеры', to: 'Отраслевые партнеры' }]];
    const b = parseLaw(base, { lang: 'ru' });
    const d = parseLaw(draft, { lang: 'ru' });
    const ops = planOperations(b, d, { throughout: stated });
    expect(ops).toEqual([{ op: 'throughout', replacements: stated[0] }]);
    expect(printWithoutNotes(applyOperations(b, ops))).toBe(printWithoutNotes(d));
  });
});
