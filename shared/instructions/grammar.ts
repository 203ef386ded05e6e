import type { PathStep } from '../amend/types';
import type { ProvisionKind } from '../law/kinds';
import type { Lang } from '../law/language';
import { NUM_PATTERN } from '../law/numbering';

/**
 * How units are named in amending formulas, per language and grammatical form (DOMAIN.md,
 * "Amending formulas"). Russian declines the noun (статью 5 / в статье 5 / статьи 5 / статьей 5);
 * Kazakh puts the number first and declines by suffix (5-бап / 5-бапта / 5-баптың / 5-баппен);
 * English uses one form. Parts are addressed by ordinal ("часть вторая", "екінші бөлік", "part two").
 */
export type Form = 'head' | 'in' | 'of' | 'with' | 'chained' | 'chainedIn';

const RU_ORD = {
  nom: ['первая', 'вторая', 'третья', 'четвертая', 'пятая', 'шестая', 'седьмая', 'восьмая', 'девятая', 'десятая'],
  acc: ['первую', 'вторую', 'третью', 'четвертую', 'пятую', 'шестую', 'седьмую', 'восьмую', 'девятую', 'десятую'],
  gen: ['первой', 'второй', 'третьей', 'четвертой', 'пятой', 'шестой', 'седьмой', 'восьмой', 'девятой', 'десятой'],
};
const KK_ORD = ['бірінші', 'екінші', 'үшінші', 'төртінші', 'бесінші', 'алтыншы', 'жетінші', 'сегізінші', 'тоғызыншы', 'оныншы'];
const EN_ORD = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** A unit word with the number's place marked by `#` (an ordinal for parts). */
type Pattern = string;

/** Russian: head = accusative, in = prepositional, of = genitive, with = instrumental. */
const RU: Record<ProvisionKind, Record<'head' | 'in' | 'of' | 'with', Pattern>> = {
  section: { head: 'раздел #', in: 'разделе #', of: 'раздела #', with: 'разделом #' },
  chapter: { head: 'главу #', in: 'главе #', of: 'главы #', with: 'главой #' },
  article: { head: 'статью #', in: 'статье #', of: 'статьи #', with: 'статьей #' },
  paragraph: { head: 'пункт #', in: 'пункте #', of: 'пункта #', with: 'пунктом #' },
  subparagraph: { head: 'подпункт #)', in: 'подпункте #)', of: 'подпункта #)', with: 'подпунктом #)' },
  part: { head: 'часть #acc', in: 'части #gen', of: 'части #gen', with: 'частью #gen' },
};

/** Kazakh: head = nominative, in = locative, of = genitive, with = instrumental, chained = possessive. */
const KK: Record<ProvisionKind, Record<Form, Pattern>> = {
  section: { head: '#-бөлім', in: '#-бөлімде', of: '#-бөлімнің', with: '#-бөліммен', chained: '#-бөлімі', chainedIn: '#-бөлімінде' },
  chapter: { head: '#-тарау', in: '#-тарауда', of: '#-тараудың', with: '#-тараумен', chained: '#-тарауы', chainedIn: '#-тарауында' },
  article: { head: '#-бап', in: '#-бапта', of: '#-баптың', with: '#-баппен', chained: '#-бабы', chainedIn: '#-бабында' },
  paragraph: { head: '#-тармақ', in: '#-тармақта', of: '#-тармақтың', with: '#-тармақпен', chained: '#-тармағы', chainedIn: '#-тармағында' },
  subparagraph: { head: '#) тармақша', in: '#) тармақшада', of: '#) тармақшаның', with: '#) тармақшамен', chained: '#) тармақшасы', chainedIn: '#) тармақшасында' },
  part: { head: '# бөлік', in: '# бөлікте', of: '# бөліктің', with: '# бөлікпен', chained: '# бөлігі', chainedIn: '# бөлігінде' },
};

const EN: Record<ProvisionKind, Pattern> = {
  section: 'section #',
  chapter: 'chapter #',
  article: 'Article #',
  paragraph: 'paragraph #',
  subparagraph: 'subparagraph #)',
  part: 'part #',
};

/** The word for one unit in a form. */
export function unitWord(lang: Lang, step: PathStep, form: Form): string {
  const n = step.num;
  const ord = (list: string[]) => list[Number(n) - 1] ?? n;
  switch (lang) {
    case 'ru': {
      const base = RU[step.kind][form === 'chained' ? 'head' : form === 'chainedIn' ? 'in' : form];
      return base.replace('#acc', ord(RU_ORD.acc)).replace('#gen', ord(RU_ORD.gen)).replace('#', n);
    }
    case 'kk':
      return KK[step.kind][form].replace('#', step.kind === 'part' ? ord(KK_ORD) : n);
    case 'en':
      return EN[step.kind].replace('#', step.kind === 'part' ? ord(EN_ORD) : n);
  }
}

/**
 * The address of a unit, relative to the context it is written in (the article of an "в статье 5:"
 * group, or the act). `form` is the form of the unit itself: `head` for "пункт 2 изложить",
 * `in` for "в пункте 2 слова …".
 */
export function addressText(lang: Lang, steps: readonly PathStep[], form: 'head' | 'in'): string {
  const head = steps[steps.length - 1];
  if (!head) return '';
  const parents = steps.slice(0, -1);
  switch (lang) {
    case 'ru': {
      const words = [unitWord('ru', head, form), ...parents.reverse().map((s) => unitWord('ru', s, 'of'))];
      return (form === 'in' ? 'в ' : '') + words.join(' ');
    }
    case 'kk': {
      const own = parents.length ? unitWord('kk', head, form === 'in' ? 'chainedIn' : 'chained') : unitWord('kk', head, form);
      return [...parents.map((s) => unitWord('kk', s, 'of')), own].join(' ');
    }
    case 'en':
      return (form === 'in' ? 'in ' : '') + [unitWord('en', head, 'head'), ...parents.reverse().map((s) => unitWord('en', s, 'head'))].join(' of ');
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Reads one unit word in a form at the start of a text: the step and the length matched. */
function readWord(lang: Lang, text: string, form: Form, kinds: readonly ProvisionKind[]): { step: PathStep; length: number } | null {
  for (const kind of kinds) {
    const pattern = lang === 'ru' ? RU[kind][form === 'chained' ? 'head' : form === 'chainedIn' ? 'in' : (form as 'head')] : lang === 'kk' ? KK[kind][form] : EN[kind];
    const ordinals = lang === 'ru' ? (pattern.includes('#acc') ? RU_ORD.acc : RU_ORD.gen) : lang === 'kk' ? KK_ORD : EN_ORD;
    const numberRe = kind === 'part' ? `(${ordinals.join('|')})` : `(${NUM_PATTERN})`;
    const re = new RegExp(`^${escape(pattern).replace(/#(acc|gen)?/, numberRe)}`, 'u');
    const m = re.exec(text);
    if (m) {
      const num = kind === 'part' ? String(ordinals.indexOf(m[1] as string) + 1) : (m[1] as string);
      return { step: { kind, num }, length: m[0].length };
    }
  }
  return null;
}

const ALL_KINDS: readonly ProvisionKind[] = ['subparagraph', 'paragraph', 'part', 'article', 'chapter', 'section'];

/** Reads an address written by addressText; null if the text is not exactly one address. */
export function parseAddress(lang: Lang, text: string, form: 'head' | 'in'): PathStep[] | null {
  let rest = text.trim();
  if (lang === 'ru') {
    if (form === 'in') {
      if (!rest.startsWith('в ')) return null;
      rest = rest.slice(2);
    }
    const head = readWord('ru', rest, form, ALL_KINDS);
    if (!head) return null;
    const steps = [head.step];
    rest = rest.slice(head.length);
    while (rest.startsWith(' ')) {
      const parent = readWord('ru', rest.slice(1), 'of', ALL_KINDS);
      if (!parent) return null;
      steps.unshift(parent.step);
      rest = rest.slice(1 + parent.length);
    }
    return rest === '' ? steps : null;
  }
  if (lang === 'en') {
    if (form === 'in') {
      if (!rest.startsWith('in ')) return null;
      rest = rest.slice(3);
    }
    const parts = rest.split(' of ');
    const steps: PathStep[] = [];
    for (const part of parts) {
      const w = readWord('en', part, 'head', ALL_KINDS);
      if (!w || w.length !== part.length) return null;
      steps.unshift(w.step);
    }
    return steps;
  }
  // Kazakh: parents first, in the genitive; the unit itself last (possessive when it has parents).
  const words = rest.split(' ');
  const steps: PathStep[] = [];
  let i = 0;
  const take = (form: Form): PathStep | null => {
    for (const span of [2, 1]) {
      if (i + span > words.length) continue;
      const candidate = words.slice(i, i + span).join(' ');
      const w = readWord('kk', candidate, form, ALL_KINDS);
      if (w && w.length === candidate.length) {
        i += span;
        return w.step;
      }
    }
    return null;
  };
  for (;;) {
    const save = i;
    const parent = take('of');
    if (!parent || i >= words.length) {
      i = save;
      break;
    }
    steps.push(parent);
  }
  const head = take(steps.length ? (form === 'in' ? 'chainedIn' : 'chained') : form);
  if (!head || i !== words.length) return null;
  return [...steps, head];
}
