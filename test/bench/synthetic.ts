import { assignEIds, type LawDoc, type Provision, type ProvisionKind } from '../../shared/law';
import { isWordToken, tokenize } from '../../shared/diff/tokenize';

/** A small deterministic PRNG (mulberry32), so every run benchmarks the same texts. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCABULARY = (
  'налогоплательщик вправе уменьшить налогооблагаемый доход на сумму расходов научно-исследовательские ' +
  'опытно-конструкторские работы выполненные организацией высшего образования научной организацией ' +
  'индустриальным партнером в соответствии с договором порядке установленном уполномоченным органом ' +
  'Правительством Республики Казахстан пределах не более процентов совокупного годового дохода при условии ' +
  'документального подтверждения результатов интеллектуальной собственности лицензии вычет применяется ' +
  'отношении объектов технологической готовности консорциума грантового финансирования эндаумент-фонда ' +
  'недропользователь обязан финансировать обучение казахстанских кадров размере одного процента затрат ' +
  'добычу предшествующего года отчетность представляется ежегодно до первого апреля'
).split(' ');

function words(rand: () => number, min: number, max: number): string {
  const n = min + Math.floor(rand() * (max - min + 1));
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(VOCABULARY[Math.floor(rand() * VOCABULARY.length)] as string);
  return out.join(' ');
}

/**
 * Uids that depend only on what is generated (a law made twice has the same uids), with a prefix
 * per text so that a code, a small law and the units an edit adds never share one.
 */
function uidMaker(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}${(++n).toString(36).padStart(8, '0')}`;
}

let makeUid: () => string = uidMaker('s');
function unit(kind: ProvisionKind, num: string, text: string, children: Provision[] = [], heading = ''): Provision {
  return { uid: makeUid(), eId: '', kind, num, heading, text, repealed: false, notes: [], children };
}

/**
 * A synthetic code shaped like the Tax Code: sections, chapters, `articles` articles numbered
 * through (with N-1 inserts and repealed stubs), paragraphs and subparagraphs of legal words; the same
 * arguments give the same law, uids included.
 * 1,000 articles make about 2 MB of UTF-8. The result is a valid law (validateLaw), as a real code is.
 */
export function syntheticCode(articles: number, seed = 1): LawDoc {
  const rand = prng(seed);
  makeUid = uidMaker(`s${seed.toString(36)}x${articles.toString(36)}x`);
  const body: Provision[] = [];
  let articleNo = 0;
  // Inserted articles after `articleNo`: 5-1, then 5-2 (two inserts in a row must not share a number).
  let insertedAfter = 0;
  const chaptersPerSection = 10;
  const articlesPerChapter = Math.max(1, Math.ceil(articles / 40));
  let made = 0;
  for (let s = 1; made < articles; s++) {
    const section = unit('section', String(s), '', [], words(rand, 2, 4).toUpperCase());
    for (let c = 1; c <= chaptersPerSection && made < articles; c++) {
      const chapter = unit('chapter', String((s - 1) * chaptersPerSection + c), '', [], words(rand, 3, 6).toUpperCase());
      for (let a = 0; a < articlesPerChapter && made < articles; a++, made++) {
        const inserted = rand() < 0.05 && articleNo > 0;
        if (!inserted) insertedAfter = 0;
        const num = inserted ? `${articleNo}-${++insertedAfter}` : String(++articleNo);
        if (rand() < 0.03) {
          chapter.children.push(unit('article', num, '', [], 'Исключена Законом РК от 01.01.2025 № 100-VIII.'));
          chapter.children[chapter.children.length - 1]!.repealed = true;
          continue;
        }
        const paras: Provision[] = [];
        const count = 2 + Math.floor(rand() * 4);
        for (let p = 1; p <= count; p++) {
          const subs: Provision[] = [];
          if (rand() < 0.35) {
            const subCount = 2 + Math.floor(rand() * 5);
            for (let q = 1; q <= subCount; q++) subs.push(unit('subparagraph', String(q), `${words(rand, 6, 16)};`));
          }
          paras.push(unit('paragraph', String(p), `${words(rand, 9, 26)}${subs.length ? ':' : '.'}`, subs));
        }
        chapter.children.push(unit('article', num, '', paras, words(rand, 3, 8)));
      }
      section.children.push(chapter);
    }
    body.push(section);
  }
  assignEIds(body);
  return { lang: 'ru', body };
}

/** Changed words as a multiset: `-word` deleted, `+word` inserted. */
export type WordCounts = Map<string, number>;

/** Adds the word tokens of a text to a multiset under a sign. */
export function countWords(into: WordCounts, sign: '-' | '+', text: string): void {
  for (const token of tokenize(text)) {
    if (!isWordToken(token)) continue;
    const key = `${sign}${token}`;
    into.set(key, (into.get(key) ?? 0) + 1);
  }
}

/** Counts of the edits the draft was made with. */
export interface EditPlan {
  replaced: number;
  inserted: number;
  repealed: number;
  moved: number;
  renumbered: number;
}

/**
 * A draft of the law with a known set of edits, and the ground truth: exactly the words those
 * edits delete and insert (a moved unit changes no words but its number; a renumbered one its number).
 * The draft is a valid law.
 */
export function editedDraft(base: LawDoc, plan: EditPlan, seed = 2): { draft: LawDoc; truth: WordCounts } {
  const rand = prng(seed);
  makeUid = uidMaker(`e${seed.toString(36)}x`);
  const copy = (p: Provision): Provision => ({ ...p, notes: [...p.notes], children: p.children.map(copy) });
  const draft: LawDoc = { lang: base.lang, body: base.body.map(copy) };
  const truth: WordCounts = new Map();
  const articles: Provision[] = [];
  const walk = (units: Provision[]) => units.forEach((u) => (u.kind === 'article' && !u.repealed ? articles.push(u) : walk(u.children)));
  walk(draft.body);
  // Each edit takes its own article, so that edits never overlap and the truth stays exact.
  const pool = [...articles];
  const take = (): Provision => pool.splice(Math.floor(rand() * pool.length), 1)[0] as Provision;

  for (let i = 0; i < plan.replaced; i++) {
    const para = take().children[0] as Provision;
    const tokens = para.text.split(' ');
    const at = 1 + Math.floor(rand() * (tokens.length - 4));
    const old = tokens.slice(at, at + 2);
    const fresh = ['технологического', 'партнерства'];
    tokens.splice(at, 2, ...fresh);
    para.text = tokens.join(' ');
    countWords(truth, '-', old.join(' '));
    countWords(truth, '+', fresh.join(' '));
  }
  for (let i = 0; i < plan.inserted; i++) {
    const article = take();
    const first = article.children[0] as Provision;
    const text = `совместные лаборатории университета и индустриального партнера номер ${i + 1}.`;
    article.children.splice(1, 0, unit('paragraph', `${first.num}-1`, text));
    countWords(truth, '+', text);
  }
  for (let i = 0; i < plan.repealed; i++) {
    const para = take().children[0] as Provision;
    countWords(truth, '-', para.text);
    for (const sub of para.children) countWords(truth, '-', sub.text);
    para.text = 'Исключен.';
    para.repealed = true;
    para.children = [];
    countWords(truth, '+', para.text);
  }
  for (let i = 0; i < plan.moved; i++) {
    const article = take();
    if (article.children.length < 2) continue;
    // The first paragraph moves to the end of its article and takes the number after the last
    // (numbers must increase): a move, and its number's change.
    const [first] = article.children.splice(0, 1) as [Provision];
    const next = String(Number((article.children[article.children.length - 1] as Provision).num.split('-')[0]) + 1);
    countWords(truth, '-', first.num);
    countWords(truth, '+', next);
    first.num = next;
    article.children.push(first);
  }
  for (let i = 0; i < plan.renumbered; i++) {
    const article = take();
    const last = article.children[article.children.length - 1] as Provision;
    const next = String(Number(last.num.split('-')[0]) + 1);
    countWords(truth, '-', last.num);
    countWords(truth, '+', next);
    last.num = next;
  }
  assignEIds(draft.body);
  return { draft, truth };
}

/** Precision and recall of found changed words against the truth, combined as F1. */
export function accuracy(found: WordCounts, truth: WordCounts): number {
  let tp = 0;
  let foundTotal = 0;
  let truthTotal = 0;
  for (const n of found.values()) foundTotal += n;
  for (const [k, n] of truth) {
    truthTotal += n;
    tp += Math.min(n, found.get(k) ?? 0);
  }
  if (foundTotal === 0 || truthTotal === 0) return foundTotal === truthTotal ? 1 : 0;
  const precision = tp / foundTotal;
  const recall = tp / truthTotal;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}
