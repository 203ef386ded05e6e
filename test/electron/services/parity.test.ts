import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/services/context';
import { packageDocuments } from '../../../electron/services/documents';
import { saveDraft } from '../../../electron/services/drafts';
import { packageDocumentContent } from '../../../electron/services/export';
import { annotateAmendment, setPackageStatus } from '../../../electron/services/gaps';
import { setIdentity } from '../../../electron/services/identity';
import { listLibrary } from '../../../electron/services/library';
import { addToPackage, createPackage } from '../../../electron/services/packages';
import { markUnchanged, packageParity } from '../../../electron/services/parity';
import { StoreError } from '../../../electron/store/errors';
import { DEFAULT_STUB, diffRows, lawToRows, rowsToLaw, walkProvisions, type Lang, type LawDoc, type Provision } from '../../../shared/law';
import { openTestContext, tempDir } from '../harness';
import { connectionOf } from '../../../electron/store/connection';

/** The bundled corpus: the science and technology policy law has parallel Russian and Kazakh texts. */
const SAMPLE_CORPUS = join(import.meta.dirname, '../../../resources/corpus');
const WORK = 'science-technology-policy';

let ctx: ServiceContext;
let cleanup: () => void;
let drafts: Record<'ru' | 'kk', string>;
let packageId: string;
beforeEach(() => {
  const dir = tempDir();
  cleanup = dir.cleanup;
  ctx = openTestContext(dir.dir, SAMPLE_CORPUS);
  setIdentity(ctx, { name: 'Айгерим Сейткали', role: 'drafter' });
  const work = listLibrary(ctx).find((w) => w.slug === WORK);
  const base = (lang: Lang) => work?.expressions.find((e) => e.lang === lang)?.versionId as string;
  const pkg = createPackage(ctx, { title: 'О внесении изменений по вопросам науки', baseVersionIds: [base('ru'), base('kk')] });
  packageId = pkg.id;
  drafts = { ru: pkg.drafts.find((d) => d.lang === 'ru')?.versionId as string, kk: pkg.drafts.find((d) => d.lang === 'kk')?.versionId as string };
});
afterEach(() => {
  connectionOf(ctx.store).close();
  cleanup();
});

const load = (lang: 'ru' | 'kk') => rowsToLaw(ctx.store.provisions.load(drafts[lang]), lang);
const revision = (lang: 'ru' | 'kk') => ctx.store.versions.get(drafts[lang])?.revision ?? -1;
function unit(doc: LawDoc, eId: string): Provision {
  let hit: Provision | undefined;
  walkProvisions(doc.body, (u) => void (u.eId === eId && (hit = u)));
  if (!hit) throw new Error(`no ${eId}`);
  return hit;
}
/** Saves an edit of one language's draft as the editor does (the drafter's save: structure mirrored). */
function edit(lang: 'ru' | 'kk', change: (doc: LawDoc) => void) {
  const before = ctx.store.provisions.load(drafts[lang]);
  const doc = rowsToLaw(before, lang);
  change(doc);
  return saveDraft(ctx, { versionId: drafts[lang], revision: revision(lang), ...diffRows(before, lawToRows(doc)) }, { mirror: true });
}
const findings = () => packageParity(ctx, packageId).laws.flatMap((l) => l.findings);
const ARTICLE_5 = 'chp_2__art_5';

describe('a structural edit in one language is made in the other', () => {
  it('a new paragraph 4-1 in Russian comes into the Kazakh text with the same uid, to translate, and is flagged there', () => {
    const result = edit('ru', (doc) => unit(doc, ARTICLE_5).children.push({ uid: 'newparagraph41', eId: '', kind: 'paragraph', num: '4-1', heading: '', text: 'Совет ежегодно публикует отчет о своей работе.', repealed: false, notes: [], children: [] }));
    expect(result.mirrored).toEqual([{ versionId: drafts.kk, revision: 1 }]);
    const kk = unit(load('kk'), `${ARTICLE_5}__para_4-1`);
    expect([kk.uid, kk.text]).toEqual(['newparagraph41', '']);
    expect(findings().map((f) => [f.kind, f.eId, f.units])).toEqual([['one-language', `${ARTICLE_5}__para_4-1`, { kk: 'newparagraph41' }]]);
    // Translated: nothing open.
    edit('kk', (doc) => void (unit(doc, `${ARTICLE_5}__para_4-1`).text = 'Кеңес жыл сайын өз жұмысы туралы есеп жариялайды.'));
    expect(findings()).toEqual([]);
  });

  it('a paragraph excluded in Kazakh is excluded in Russian, with the Russian stub', () => {
    const result = edit('kk', (doc) => Object.assign(unit(doc, `${ARTICLE_5}__para_4`), { repealed: true, text: DEFAULT_STUB.kk, children: [] }));
    expect(result.mirrored.map((m) => m.versionId)).toEqual([drafts.ru]);
    const ru = unit(load('ru'), `${ARTICLE_5}__para_4`);
    expect([ru.repealed, ru.text]).toEqual([true, DEFAULT_STUB.ru]);
    expect(findings()).toEqual([]);
  });

  it('a save of words only leaves the other language alone (no new revision there)', () => {
    const result = edit('ru', (doc) => void (unit(doc, `${ARTICLE_5}__para_2`).text += ' '));
    expect(result.mirrored).toEqual([]);
    expect(revision('kk')).toBe(0);
  });
});

describe('a wording change in one language only', () => {
  const replaceRu = (doc: LawDoc, from: string, to: string) => {
    const p = unit(doc, `${ARTICLE_5}__para_2`);
    p.text = p.text.replace(from, to);
  };

  it('flags the Kazakh unit until it is marked unchanged there; the mark shows in both amending laws; a later Russian change brings the flag back', () => {
    edit('ru', (doc) => replaceRu(doc, 'научных организаций', 'научных организаций, научных парков'));
    const [open] = findings();
    expect([open?.kind, open?.eId, open?.units]).toEqual(['one-language', `${ARTICLE_5}__para_2`, { kk: unit(load('kk'), `${ARTICLE_5}__para_2`).uid }]);

    const uid = unit(load('kk'), `${ARTICLE_5}__para_2`).uid;
    markUnchanged(ctx, { versionId: drafts.kk, uid, unchanged: true });
    // The mark is in the audit log (issue 16: every action that changes what a package says).
    expect(ctx.store.review.audit().at(-1)).toMatchObject({ packageId, uid, action: 'mark-unchanged', detail: JSON.stringify({ versionId: drafts.kk }) });
    expect(packageParity(ctx, packageId).count).toBe(0);
    const ru = packageDocuments(ctx, packageId, 'ru').lawText;
    const kk = packageDocuments(ctx, packageId, 'kk').lawText;
    expect(ru).toMatch(/пункт 2 статьи 5 после слов «научных организаций» дополнить словами «, научных парков», текст на казахском языке не изменяется\./u);
    expect(kk).toMatch(/5-баптың 2-тармағының қазақ тіліндегі мәтіні өзгермейді, өзгеріс орыс тіліндегі мәтінге енгізіледі\./u);

    edit('ru', (doc) => replaceRu(doc, 'научных парков', 'технопарков'));
    expect(findings().map((f) => [f.kind, f.eId])).toEqual([['one-language', `${ARTICLE_5}__para_2`]]);
    // Regression (review): a mark on the changed Russian unit itself is refused (it would hide the change in both laws).
    expect(() => markUnchanged(ctx, { versionId: drafts.ru, uid, unchanged: true })).toThrow(expect.objectContaining({ key: 'parity.notOneLanguage' }));
    // Taking the mark away keeps the flag; marking again answers for the wording now.
    markUnchanged(ctx, { versionId: drafts.kk, uid, unchanged: false });
    expect(findings()).toHaveLength(1);
    markUnchanged(ctx, { versionId: drafts.kk, uid, unchanged: true });
    expect(packageParity(ctx, packageId).count).toBe(0);
  });

  it('a share changed in one text and not the other is a number finding once both are edited', () => {
    edit('ru', (doc) => replaceRu(doc, 'не менее одной трети', 'не менее 40 %'));
    edit('kk', (doc) => {
      const p = unit(doc, `${ARTICLE_5}__para_2`);
      p.text = p.text.replace('кемінде үштен бірін', 'кемінде 45 пайызын');
    });
    expect(findings().map((f) => [f.kind, f.ru, f.kk])).toEqual([['number', 'pct:40', 'pct:45']]);
  });

  it('a unit set out anew in one language and changed by words in the other: the two amending laws differ (a statement finding)', () => {
    edit('ru', (doc) => void (unit(doc, `${ARTICLE_5}__para_1`).text = 'Советы образуются при каждом министерстве, ведающем отраслью, и действуют на основании положения.'));
    edit('kk', (doc) => {
      const p = unit(doc, `${ARTICLE_5}__para_1`);
      p.text = p.text.replace('құрылады', 'құрылады және жұмыс істейді');
    });
    expect(findings().map((f) => [f.kind, f.ru, f.kk])).toEqual([['statement', `restate ${'article 5 / paragraph 1'}`, 'words article 5 / paragraph 1']]);
  });

  it('"ready for review" is refused while a finding is open, naming the unit', () => {
    edit('ru', (doc) => replaceRu(doc, 'научных организаций', 'научных организаций, научных парков'));
    for (const a of ctx.store.amendments.listForVersion(drafts.ru)) annotateAmendment(ctx, { packageId, uid: a.uid, gapCodes: ['STATE_CAP'], justification: 'Научные парки участвуют в отраслевых советах.', evidence: '' });
    let refusal: unknown;
    try {
      setPackageStatus(ctx, packageId, 'review');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(StoreError);
    expect((refusal as StoreError).key).toBe('readiness.parity');
    expect((refusal as StoreError).params).toMatchObject({ count: 1, eIds: [`${ARTICLE_5}__para_2`] });
    expect(ctx.store.packages.get(packageId)?.status).toBe('draft');
    markUnchanged(ctx, { versionId: drafts.kk, uid: unit(load('kk'), `${ARTICLE_5}__para_2`).uid, unchanged: true });
    setPackageStatus(ctx, packageId, 'review');
    expect(ctx.store.packages.get(packageId)?.status).toBe('review');
  });
});

describe('a law amended in one official language only', () => {
  it('is a finding when the library has its other text', () => {
    const work = listLibrary(ctx).find((w) => w.slug === WORK);
    const ruOnly = createPackage(ctx, { title: 'Только русский текст', baseVersionIds: [work?.expressions.find((e) => e.lang === 'ru')?.versionId as string] });
    const laws = packageParity(ctx, ruOnly.id).laws;
    expect(laws.map((l) => l.findings.map((f) => f.kind))).toEqual([['structure']]);
  });
});

describe('the comparative table in both languages', () => {
  it('has each changed unit in Kazakh and Russian side by side, and says where a text does not change', async () => {
    const para2 = (lang: 'ru' | 'kk', from: string, to: string) => edit(lang, (doc) => void (unit(doc, `${ARTICLE_5}__para_2`).text = unit(doc, `${ARTICLE_5}__para_2`).text.replace(from, to)));
    para2('ru', 'не менее одной трети', 'не менее половины');
    para2('kk', 'кемінде үштен бірін', 'кемінде жартысын');
    // Subparagraph 2) of paragraph 3 in Russian only, marked unchanged in Kazakh.
    edit('ru', (doc) => void (unit(doc, `${ARTICLE_5}__para_3__subpara_2`).text = unit(doc, `${ARTICLE_5}__para_3__subpara_2`).text.replace('на предмет', 'с точки зрения')));
    markUnchanged(ctx, { versionId: drafts.kk, uid: unit(load('kk'), `${ARTICLE_5}__para_3__subpara_2`).uid, unchanged: true });
    const html = (await packageDocumentContent(ctx, { packageId, lang: 'ru', document: 'bilingual-table', format: 'html' })) as string;
    const rows = [...html.matchAll(/<tr><td class="no">(\d+)<\/td>(.*?)<\/tr>/gu)].map((m) => m[2] as string);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/5-бап, 2-тармақ.*Статья 5, пункт 2.*<b>жартысын<\/b>.*<b>половины<\/b>/u);
    expect(rows[1]).toMatch(/Статья 5, пункт 3, подпункт 2\).*Қазақ тіліндегі мәтіні өзгермейді\..*<b>с точки зрения<\/b>/u);
    const docx = (await packageDocumentContent(ctx, { packageId, lang: 'kk', document: 'bilingual-table', format: 'docx' })) as Buffer;
    const out = join(tmpdir(), `bilingual-${process.pid}.docx`);
    writeFileSync(out, docx);
    const xml = execFileSync('unzip', ['-p', out, 'word/document.xml'], { encoding: 'utf8' });
    for (const words of ['Қолданыстағы редакция', 'Действующая редакция', 'жартысын', 'половины', 'Қазақ тіліндегі мәтіні өзгермейді.']) expect(xml).toContain(words);
    rmSync(out);
  });

  it('is refused for a package with one language', async () => {
    const work = listLibrary(ctx).find((w) => w.slug === WORK);
    const ruOnly = createPackage(ctx, { title: 'Только русский', baseVersionIds: [work?.expressions.find((e) => e.lang === 'ru')?.versionId as string] });
    await expect(packageDocumentContent(ctx, { packageId: ruOnly.id, lang: 'ru', document: 'bilingual-table', format: 'html' })).rejects.toMatchObject({ code: 'NOT_READY', key: 'export.needsBothLanguages' });
  });
});

describe('a law added to a package with its other official text', () => {
  it('adds both drafts at once; another law given as "also" is refused and nothing is added', () => {
    const lib = listLibrary(ctx);
    const endowment = lib.find((w) => w.slug === 'endowment-funds');
    const ru = endowment?.expressions.find((e) => e.lang === 'ru')?.versionId as string;
    const kk = endowment?.expressions.find((e) => e.lang === 'kk')?.versionId as string;
    const education = lib.find((w) => w.slug === 'education')?.expressions.find((e) => e.lang === 'ru')?.versionId as string;
    expect(() => addToPackage(ctx, packageId, ru, [education])).toThrow(expect.objectContaining({ key: 'package.alsoOtherLaw' }));
    expect(ctx.store.versions.listByPackage(packageId)).toHaveLength(2);
    const pkg = addToPackage(ctx, packageId, ru, [kk]);
    expect(pkg.drafts.filter((d) => d.workSlug === 'endowment-funds').map((d) => d.lang).sort()).toEqual(['kk', 'ru']);
  });
});
