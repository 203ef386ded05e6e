// Random laws and random edits of them, for property tests of derivation and its views. Unlike
// ../instructions/random-drafts.ts (valid laws in chapters, edited as a drafter would), these edits
// may leave numbering invalid on purpose: derive, apply and the redline must work on any tree.
import fc from 'fast-check';
import { assignEIds, type LawDoc, type Lang, type Provision, type ProvisionKind } from '../../../shared/law';

/** The small vocabulary of the random laws, word for word in each language (index i means the same). */
export const WORDS: Record<Lang, string[]> = {
  ru: ['университет', 'консорциум', 'грант', 'научно-технический', 'совет', 'и', 'в', '5-1', '1.5%', '«слова»', 'исследования', 'промышленность'],
  kk: ['университет', 'консорциум', 'грант', 'ғылыми-техникалық', 'кеңес', 'және', 'қызмет', '5-1', '1.5%', '«сөздер»', 'зерттеу', 'өнеркәсіп'],
  en: ['university', 'consortium', 'grant', 'science-technology', 'council', 'and', 'in', '5-1', '1.5%', '"words"', 'research', 'industry'],
};

let uidCounter = 0;
const uid = () => `p${String(++uidCounter).padStart(9, '0')}`;

/** A random sentence from a small vocabulary (so that edits often share words with the base). */
const sentence = (lang: Lang) => fc.array(fc.constantFrom(...WORDS[lang]), { minLength: 1, maxLength: 12 }).map((w) => `${w.join(' ')}.`);

function unit(kind: ProvisionKind, num: string, text: string, children: Provision[] = [], heading = ''): Provision {
  return { uid: uid(), eId: '', kind, num, heading, text, repealed: false, notes: [], children };
}

/** A random law: articles with paragraphs and subparagraphs, or with parts. */
export const lawArb = (lang: Lang) =>
  fc
    .array(
      fc.record({
        heading: sentence(lang),
        parts: fc.boolean(),
        paras: fc.array(fc.record({ text: sentence(lang), subs: fc.array(sentence(lang), { maxLength: 3 }) }), { minLength: 1, maxLength: 4 }),
      }),
      { minLength: 1, maxLength: 5 },
    )
    .map((articles): LawDoc => {
      const body = articles.map((a, i) =>
        unit(
          'article',
          String(i + 1),
          '',
          a.paras.map((p, j) =>
            unit(a.parts ? 'part' : 'paragraph', a.parts ? '' : String(j + 1), p.text, p.subs.map((s, k) => unit('subparagraph', String(k + 1), s))),
          ),
          a.heading,
        ),
      );
      assignEIds(body);
      return { lang, body };
    });

/** One edit a drafter could make: change words, insert, remove, repeal, renumber, move a unit, or retitle an article. */
export type Edit = { op: 'text' | 'insert' | 'remove' | 'repeal' | 'renumber' | 'move' | 'heading'; a: number; b: number; words: string };
/** A random edit; `a` and `b` pick the unit and the place, modulo what the law has. */
export const editArb = (lang: Lang): fc.Arbitrary<Edit> =>
  fc.record({
    op: fc.constantFrom('text', 'insert', 'remove', 'repeal', 'renumber', 'move', 'heading'),
    a: fc.nat(),
    b: fc.nat(),
    words: sentence(lang),
  });

/** Every unit with the list that holds it. */
function slots(doc: LawDoc): { unit: Provision; list: Provision[] }[] {
  const out: { unit: Provision; list: Provision[] }[] = [];
  const walk = (list: Provision[]) => list.forEach((u) => (out.push({ unit: u, list }), walk(u.children)));
  walk(doc.body);
  return out;
}

/** Applies random edits to a copy of the law, as a drafter could in the editor. */
export function edited(base: LawDoc, edits: Edit[]): LawDoc {
  const copy = (p: Provision): Provision => ({ ...p, notes: [...p.notes], children: p.children.map(copy) });
  const draft: LawDoc = { lang: base.lang, body: base.body.map(copy) };
  for (const e of edits) {
    const all = slots(draft);
    if (all.length === 0) break;
    const { unit: u, list } = all[e.a % all.length]!;
    const at = list.indexOf(u);
    switch (e.op) {
      case 'text': {
        const words = u.text.split(' ');
        words.splice(e.b % (words.length + 1), e.b % 3, ...e.words.split(' ').slice(0, 2));
        u.text = words.join(' ');
        break;
      }
      case 'heading':
        if (u.kind === 'article') u.heading = e.words;
        break;
      case 'insert':
        list.splice(at + 1, 0, unit(u.kind, u.num ? `${u.num}-${(e.b % 3) + 1}` : '', e.words, u.kind === 'article' ? [unit('part', '', e.words)] : []));
        break;
      case 'remove':
        list.splice(at, 1);
        break;
      case 'repeal':
        u.repealed = true;
        u.text = 'Исключен.';
        u.children = [];
        break;
      case 'renumber':
        if (u.num) u.num = `${u.num}-${(e.b % 2) + 1}`;
        break;
      case 'move': {
        // Within the same list, or into another list that holds the same kind.
        const targets = all.filter((s) => s.unit.kind === u.kind && !contains(u, s.unit));
        const target = targets[e.b % targets.length];
        if (!target) break;
        list.splice(at, 1);
        target.list.splice(target.list.indexOf(target.unit) + 1, 0, u);
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
