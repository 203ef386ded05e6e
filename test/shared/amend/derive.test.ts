import { describe, expect, it } from 'vitest';
import { apply, derive, structuralLabel, type Amendment } from '../../../shared/amend';
import { parseLaw, type Lang, type Provision } from '../../../shared/law';
import { draftOf, law, plain } from './helpers';

/** One short law in each language, the same structure. */
const TEXTS: Record<Lang, string> = {
  ru: `Статья 5. Советы
1. Советы создаются при центральных государственных органах.
2. В состав совета входят представители университетов и промышленности.
3. Положение о совете утверждается руководителем органа.

Статья 6. Гранты
Гранты выделяются на конкурсной основе.
`,
  kk: `5-бап. Кеңестер
1. Кеңестер орталық мемлекеттік органдар жанынан құрылады.
2. Кеңес құрамына университеттер мен өнеркәсіп өкілдері кіреді.
3. Кеңес туралы ереже орган басшысымен бекітіледі.

6-бап. Гранттар
Гранттар конкурстық негізде бөлінеді.
`,
  en: `Article 5. Councils
1. Councils are established under central state bodies.
2. The council includes representatives of universities and industry.
3. The regulation on the council is approved by the head of the body.

Article 6. Grants
Grants are allocated on a competitive basis.
`,
};

const STUB: Record<Lang, string> = { ru: 'Исключен.', kk: 'Алынып тасталды.', en: 'Excluded.' };
const NEW_TEXT: Record<Lang, string> = {
  ru: 'Совет ежегодно отчитывается о своей деятельности.',
  kk: 'Кеңес өз қызметі туралы жыл сайын есеп береді.',
  en: 'The council reports on its activities every year.',
};
const ONE_WORD: Record<Lang, [string, string]> = {
  ru: ['университетов', 'вузов'],
  kk: ['университеттер', 'жоғары оқу орындары'],
  en: ['universities', 'higher education institutions'],
};

function paragraph(uid: string, num: string, text: string): Provision {
  return { uid, eId: '', kind: 'paragraph', num, heading: '', text, repealed: false, notes: [], children: [] };
}

/** What the tests look at in an amendment: kind, label, base and proposed text. */
function summary(a: Amendment, lang: Lang) {
  return { kind: a.kind, label: structuralLabel(a.path, lang), base: a.base?.text ?? null, proposed: a.proposed?.text ?? null };
}

const LABELS: Record<Lang, { p2: string; p21: string; p3: string; art6: string }> = {
  ru: { p2: 'Статья 5, пункт 2', p21: 'Статья 5, пункт 2-1', p3: 'Статья 5, пункт 3', art6: 'Статья 6' },
  kk: { p2: '5-бап, 2-тармақ', p21: '5-бап, 2-1-тармақ', p3: '5-бап, 3-тармақ', art6: '6-бап' },
  en: { p2: 'Article 5, paragraph 2', p21: 'Article 5, paragraph 2-1', p3: 'Article 5, paragraph 3', art6: 'Article 6' },
};

describe.each(['ru', 'kk', 'en'] as Lang[])('derive and apply (%s)', (lang) => {
  const base = law(TEXTS[lang]);
  const cases: [string, (units: Provision[], find: (eId: string) => Provision) => void, (amendments: Amendment[]) => void][] = [
    [
      'words: one word replaced',
      (_u, find) => {
        const p = find('art_5__para_2');
        p.text = p.text.replace(ONE_WORD[lang][0], ONE_WORD[lang][1]);
      },
      (list) => {
        expect(list.map((a) => a.kind)).toEqual(['words']);
        expect(structuralLabel(list[0]!.path, lang)).toBe(LABELS[lang].p2);
        expect(list[0]!.ops.filter(([op]) => op !== 0)).toEqual([[-1, ONE_WORD[lang][0]], [1, ONE_WORD[lang][1]]]);
      },
    ],
    [
      'restate: the unit rewritten',
      (_u, find) => {
        find('art_6__intro').text = NEW_TEXT[lang];
      },
      (list) => expect(list.map((a) => summary(a, lang))).toEqual([{ kind: 'restate', label: LABELS[lang].art6, base: expect.any(String), proposed: NEW_TEXT[lang] }]),
    ],
    [
      'insert: paragraph 2-1 after 2',
      (_u, find) => {
        const art = find('art_5');
        art.children.splice(2, 0, paragraph('newpara001', '2-1', NEW_TEXT[lang]));
      },
      (list) => {
        expect(list.map((a) => summary(a, lang))).toEqual([{ kind: 'insert', label: LABELS[lang].p21, base: null, proposed: NEW_TEXT[lang] }]);
        expect(list[0]!.placement).toEqual({ parentUid: base.body[0]!.uid, afterUid: base.body[0]!.children[1]!.uid });
      },
    ],
    [
      'repeal: paragraph 3 kept as a stub',
      (_u, find) => {
        const p = find('art_5__para_3');
        p.text = STUB[lang];
        p.repealed = true;
      },
      (list) => expect(list.map((a) => summary(a, lang))).toEqual([{ kind: 'repeal', label: LABELS[lang].p3, base: expect.any(String), proposed: STUB[lang] }]),
    ],
    [
      'repeal: paragraph 3 removed from the text',
      (_u, find) => {
        find('art_5').children.splice(2, 1);
      },
      (list) => expect(list.map((a) => summary(a, lang))).toEqual([{ kind: 'repeal', label: LABELS[lang].p3, base: expect.any(String), proposed: null }]),
    ],
    [
      'renumber: paragraph 3 becomes 4, text unchanged',
      (_u, find) => {
        find('art_5__para_3').num = '4';
      },
      (list) => expect(list.map((a) => [a.kind, a.base?.num, a.proposed?.num])).toEqual([['renumber', '3', '4']]),
    ],
    [
      'move: paragraph 3 placed before paragraph 2 (keeping its number)',
      (_u, find) => {
        const art = find('art_5');
        const [p3] = art.children.splice(2, 1);
        art.children.splice(1, 0, p3!);
        art.children[1]!.num = '1-1';
      },
      (list) => expect(list.map((a) => [a.kind, a.base?.num, a.proposed?.num])).toEqual([['move', '3', '1-1']]),
    ],
  ];

  it.each(cases)('%s', (_name, edit, check) => {
    const draft = draftOf(base, edit);
    const amendments = derive(base, draft);
    check(amendments);
    expect(plain(apply(base, amendments))).toEqual(plain(draft));
  });

  it('finds nothing between a law and itself', () => {
    expect(derive(base, law(TEXTS[lang]))).toEqual([]);
  });

  it('aligns two versions imported separately (no shared uids) by address and text', () => {
    const edited = TEXTS[lang].replace(ONE_WORD[lang][0], ONE_WORD[lang][1]);
    const draft = parseLaw(edited, { makeUid: (() => { let n = 0; return () => `other${String(++n).padStart(5, '0')}`; })() });
    const list = derive(base, draft);
    expect(list.map((a) => [a.kind, structuralLabel(a.path, lang)])).toEqual([['words', LABELS[lang].p2]]);
    expect(list[0]!.baseUid).toBe(base.body[0]!.children[1]!.uid);
  });
});

describe('derive: whole units', () => {
  const base = law(TEXTS.ru);

  it('an inserted article with its paragraphs is one amendment', () => {
    const draft = draftOf(base, (units) => {
      units.splice(1, 0, {
        uid: 'newart0001', eId: '', kind: 'article', num: '5-1', heading: 'Совместные лаборатории', text: '', repealed: false, notes: [],
        children: [paragraph('newpara001', '1', 'Первый.'), paragraph('newpara002', '2', 'Второй.')],
      });
    });
    const list = derive(base, draft);
    expect(list.map((a) => [a.kind, structuralLabel(a.path, 'ru'), a.insertedChildren?.length])).toEqual([['insert', 'Статья 5-1', 2]]);
    expect(plain(apply(base, list))).toEqual(plain(draft));
  });

  it('a repealed article takes its paragraphs with it in one amendment', () => {
    const draft = draftOf(base, (_u, find) => {
      const art = find('art_5');
      art.heading = 'Исключена.';
      art.repealed = true;
      art.children = [];
    });
    const list = derive(base, draft);
    expect(list.map((a) => [a.kind, structuralLabel(a.path, 'ru'), a.dropped.length])).toEqual([['repeal', 'Статья 5', 3]]);
    expect(plain(apply(base, list))).toEqual(plain(draft));
  });

  // Found by the property test: repeal took priority over move and the stub stayed in its old place.
  it('a unit both repealed and moved is repealed in its new place', () => {
    const draft = draftOf(base, (units, find) => {
      const p1 = find('art_5__para_1');
      p1.repealed = true;
      p1.text = 'Исключен.';
      units[0]!.children.splice(0, 1);
      units[1]!.children.push(p1);
    });
    const list = derive(base, draft);
    expect(list.map((a) => a.kind)).toEqual(['repeal']);
    expect(list[0]!.placement?.parentUid).toBe(base.body[1]!.uid);
    expect(plain(apply(base, list))).toEqual(plain(draft));
  });

  it('lists amendments in the order of the law, removals where they stood', () => {
    const draft = draftOf(base, (units, find) => {
      find('art_6__intro').text = 'Гранты выделяются на конкурсной основе ежегодно.';
      find('art_5').children.splice(0, 1);
      units[0]!.children.push(paragraph('newpara009', '4', 'Новый.'));
    });
    expect(derive(base, draft).map((a) => [a.kind, a.eId])).toEqual([
      ['repeal', 'art_5__para_1'],
      ['insert', 'art_5__para_4'],
      ['words', 'art_6__intro'],
    ]);
  });
});
