import fc from 'fast-check';
import { assignEIds, DEFAULT_STUB, numberBetween, type Lang, type LawDoc, type Provision, type ProvisionKind } from '../../../shared/law';

const WORDS: Record<Lang, string[]> = {
  ru: ['университет', 'консорциум', 'грант', 'научно-технический', 'совет', 'и', 'в', '5-1', '1.5%', '«слова»', 'исследования', 'промышленность'],
  kk: ['университет', 'консорциум', 'грант', 'ғылыми-техникалық', 'кеңес', 'және', 'қызмет', '5-1', '1.5%', '«сөздер»', 'зерттеу', 'өнеркәсіп'],
  en: ['university', 'consortium', 'grant', 'science-technology', 'council', 'and', 'in', '5-1', '1.5%', '"words"', 'research', 'industry'],
};
const FIRST: Record<Lang, string> = { ru: 'Организации', kk: 'Ұйымдар', en: 'Organizations' };

let seq = 0;
const uid = () => `r${String(++seq).padStart(9, '0')}`;

/** A sentence that starts with a word (so no line of it can look like a numbered unit). */
const sentence = (lang: Lang) => fc.array(fc.constantFrom(...WORDS[lang]), { minLength: 1, maxLength: 10 }).map((w) => `${FIRST[lang]} ${w.join(' ')}.`);

function unit(kind: ProvisionKind, num: string, text: string, children: Provision[] = [], heading = ''): Provision {
  return { uid: uid(), eId: '', kind, num, heading, text, repealed: false, notes: [], children };
}

/** A text of one line, or of two (абзацы), for units whose lines the text format can hold. */
const lines = (lang: Lang) => fc.tuple(sentence(lang), fc.option(sentence(lang), { freq: 4 })).map(([a, b]) => (b ? `${a}\n${b}` : a));

/**
 * A random valid law: chapters of articles; articles of paragraphs (with subparagraphs), or of
 * parts — one part alone being the article's own text, its lead-in when subparagraphs follow.
 * Paragraphs and subparagraphs may have two lines (абзацы).
 */
export const lawArb = (lang: Lang): fc.Arbitrary<LawDoc> =>
  fc
    .array(
      fc.record({
        heading: sentence(lang),
        parts: fc.boolean(),
        paras: fc.array(fc.record({ text: sentence(lang), lines: lines(lang), subs: fc.array(lines(lang), { maxLength: 3 }) }), { minLength: 1, maxLength: 4 }),
      }),
      { minLength: 1, maxLength: 5 },
    )
    .map((articles): LawDoc => {
      // In the plain-text format a line after a subparagraph continues it, so only the last part
      // of an article can have subparagraphs (FORMAT.md); the generator keeps to that.
      const made = articles.map((a, i) =>
        unit(
          'article',
          String(i + 1),
          '',
          a.paras.map((p, j) =>
            unit(a.parts ? 'part' : 'paragraph', a.parts ? '' : String(j + 1), a.parts ? p.text : p.lines, a.parts && j < a.paras.length - 1 ? [] : p.subs.map((s, k) => unit('subparagraph', String(k + 1), s))),
          ),
          a.heading.replace(/\.$/, ''),
        ),
      );
      const half = Math.ceil(made.length / 2);
      const body = [unit('chapter', '1', '', made.slice(0, half), 'ОБЩИЕ'), ...(made.length > half ? [unit('chapter', '2', '', made.slice(half), 'ОСОБЫЕ')] : [])];
      assignEIds(body);
      return { lang, body };
    });

/**
 * A drafter's edit, with random choices resolved against the law when applied: words changed, a
 * text rewritten, a unit inserted, removed, repealed, renumbered or moved, a heading changed; a line
 * (абзац) added, taken out or rewritten; a second part added to an article that had one (its
 * lead-in becomes part one); a word replaced throughout the law.
 */
export type Edit = { op: 'words' | 'rewrite' | 'insert' | 'remove' | 'repeal' | 'renumber' | 'move' | 'heading' | 'addLine' | 'dropLine' | 'rewriteLine' | 'secondPart' | 'throughout'; a: number; b: number; words: string };
export const editArb = (lang: Lang): fc.Arbitrary<Edit> =>
  fc.record({
    op: fc.constantFrom('words', 'words', 'rewrite', 'insert', 'remove', 'repeal', 'renumber', 'move', 'heading', 'addLine', 'dropLine', 'rewriteLine', 'secondPart', 'throughout'),
    a: fc.nat(),
    b: fc.nat(),
    words: sentence(lang),
  });

/** The units below the chapters, with the list that holds each. */
function slots(doc: LawDoc): { unit: Provision; list: Provision[] }[] {
  const out: { unit: Provision; list: Provision[] }[] = [];
  const walk = (list: Provision[]) => list.forEach((u) => (u.kind !== 'chapter' && out.push({ unit: u, list }), walk(u.children)));
  walk(doc.body);
  return out;
}

/** Applies edits as the editor would: numbering stays valid (Kazakh numbers for new units), repeals leave stubs. */
export function edited(base: LawDoc, edits: Edit[]): LawDoc {
  const copy = (p: Provision): Provision => ({ ...p, notes: [...p.notes], children: p.children.map(copy) });
  const draft: LawDoc = { lang: base.lang, body: base.body.map(copy) };
  for (const e of edits) {
    const all = slots(draft).filter((s) => !s.unit.repealed);
    if (all.length === 0) break;
    const { unit: u, list } = all[e.a % all.length]!;
    const at = list.indexOf(u);
    switch (e.op) {
      case 'words': {
        const words = u.text.replace(/\.$/, '').split(' ');
        if (words.length < 2) break;
        const i = 1 + (e.b % (words.length - 1));
        words.splice(i, e.b % 2, ...e.words.replace(/\.$/, '').split(' ').slice(1, 3));
        u.text = `${words.join(' ')}.`;
        break;
      }
      case 'rewrite':
        if (u.kind !== 'article') u.text = e.words;
        break;
      case 'heading':
        if (u.kind === 'article') u.heading = e.words.replace(/\.$/, '');
        break;
      case 'insert': {
        if (u.kind === 'part' && u.children.length > 0) break; // a part after it would read as its continuation
        // Articles are numbered through the law: the next one may be in the next chapter.
        const next = u.kind === 'article' ? slots(draft).map((x) => x.unit).filter((x) => x.kind === 'article').find((x, i, arr) => arr[i - 1] === u) : list[at + 1];
        const num = u.kind === 'part' ? '' : numberBetween(u.num, next && next.kind === u.kind ? next.num : null);
        if (num === null) break;
        const children = u.kind === 'article' ? [unit('paragraph', '1', e.words)] : [];
        list.splice(at + 1, 0, unit(u.kind, num, u.kind === 'article' ? '' : e.words, children, u.kind === 'article' ? e.words.replace(/\.$/, '') : ''));
        break;
      }
      case 'remove':
        if (u.kind !== 'article') list.splice(at, 1);
        break;
      case 'repeal':
        if (u.kind === 'article') u.heading = DEFAULT_STUB[base.lang];
        else u.text = DEFAULT_STUB[base.lang];
        u.repealed = true;
        u.children = [];
        break;
      case 'renumber': {
        // Only the last of its kind among its siblings, so numbers keep increasing.
        const last = [...list].reverse().find((s) => s.kind === u.kind);
        if (u.kind !== 'part' && last === u) u.num = `${u.num}-${(e.b % 2) + 1}`;
        break;
      }
      case 'addLine':
      case 'dropLine':
      case 'rewriteLine': {
        // Lines of a paragraph or subparagraph only: the text format reads a part's second line as a new part.
        if (u.kind !== 'paragraph' && u.kind !== 'subparagraph') break;
        const ls = u.text.split('\n');
        const at = e.b % (ls.length + (e.op === 'addLine' ? 1 : 0));
        if (e.op === 'addLine') ls.splice(at, 0, e.words);
        else if (e.op === 'dropLine' && ls.length > 1) ls.splice(at, 1);
        else if (e.op === 'rewriteLine') ls[at] = e.words;
        u.text = ls.join('\n');
        break;
      }
      case 'secondPart': {
        // An article whose own text is its only part gets a second part after it.
        if (u.kind !== 'article') break;
        const parts = u.children.filter((c) => c.kind === 'part');
        if (parts.length !== 1 || parts[0]!.children.length > 0 || u.children.length !== 1) break;
        u.children.push(unit('part', '', e.words));
        break;
      }
      case 'throughout': {
        // One word of the vocabulary replaced by another wherever it stands as a whole word.
        const from = WORDS[base.lang][e.b % 5] as string;
        const to = WORDS[base.lang][(e.b + 1 + (e.a % 4)) % 5] as string;
        const swap = (t: string) => t.replace(new RegExp(`(?<![\\p{L}\\p{N}])${from}(?![\\p{L}\\p{N}-])`, 'gu'), to);
        const walk = (list: Provision[]) => list.forEach((x) => ((x.text = swap(x.text)), (x.heading = swap(x.heading)), walk(x.children)));
        walk(draft.body);
        break;
      }
      case 'move': {
        // A paragraph or subparagraph moves to the end of another unit that holds its kind.
        if (u.kind !== 'paragraph' && u.kind !== 'subparagraph') break;
        const lastPart = (p: Provision, l: Provision[]) => p.kind !== 'part' || l.filter((x) => x.kind === 'part').pop() === p;
        const owners = slots(draft).filter(
          (s) =>
            !s.unit.repealed && s.unit !== u && !contains(u, s.unit) &&
            (u.kind === 'paragraph' ? s.unit.kind === 'article' && !s.unit.children.some((c) => c.kind === 'part') : (s.unit.kind === 'paragraph' || s.unit.kind === 'part') && lastPart(s.unit, s.list)),
        );
        const owner = owners[e.b % Math.max(1, owners.length)]?.unit;
        if (!owner) break;
        list.splice(at, 1);
        const last = [...owner.children].reverse().find((c) => c.kind === u.kind);
        u.num = last ? String(Number(last.num.split('-')[0]) + 1) : '1';
        owner.children.push(u);
        break;
      }
    }
  }
  assignEIds(draft.body);
  return draft;
}

function contains(outer: Provision, inner: Provision): boolean {
  return outer === inner || outer.children.some((c) => contains(c, inner));
}
