import type { PathStep } from '../../amend/types';
import { frameTokens, listKind, quoteKind, type Grammar, type QuoteKind, type StatementContext, type Unreadable } from '../grammar';
import { kkOrdinal, ordinalForms } from '../ordinals';
import { quote } from '../quotes';
import type { Lang } from '../../law/language';
import type { Operation } from '../types';
import { Cursor } from './cursor';
import { linksOf, listNumbers, toOperations, type Link, type ReadAddress, type Unit } from './links';
import { finisher, firstReading, groupSteps, insertions } from './reading';

/**
 * Kazakh legislative technique (DOMAIN.md, "Real amending laws"): an address is a genitive chain
 * from the largest unit down ("57-баптың 1-тармағының 6) тармақшасы"), the first link in the plain
 * genitive and the others possessive; the last link takes the case its verb asks — the nominative
 * when it is the subject (жазылсын, алынып тасталсын, толықтырылсын), the locative-attributive
 * -дағы/-дегі before quoted words ("6) тармақшасындағы «…» деген сөздер"), the locative for a
 * group ("5-бапта:"). The number comes first: "5-бап", "3) тармақша", "екінші бөлік"; "деген сөз /
 * сөздер" by the number of words quoted; items "2)" of a code's article are "2) тармақ".
 */

type Form = 'nom' | 'poss' | 'gen' | 'possGen' | 'loc' | 'possLoc' | 'attr' | 'possAttr' | 'instr' | 'pl' | 'plPoss' | 'plInstr';
const FORM_ORDER: Form[] = ['nom', 'poss', 'gen', 'possGen', 'loc', 'possLoc', 'attr', 'possAttr', 'instr', 'pl', 'plPoss', 'plInstr'];

interface Noun {
  forms: Record<Form, string>;
  /** How its number is written: "5-бап", "3) тармақша", "екінші бөлік", or none (тақырып). */
  number: 'hyphen' | 'sub' | 'ordinal' | 'none';
}

const noun = (words: string, number: Noun['number']): Noun => {
  const list = words.split(' ');
  return { forms: Object.fromEntries(FORM_ORDER.map((f, i) => [f, list[i] as string])) as Record<Form, string>, number };
};

const NOUNS: Record<Unit, Noun> = {
  section: noun('бөлім бөлімі бөлімнің бөлімінің бөлімде бөлімінде бөлімдегі бөліміндегі бөліммен бөлімдер бөлімдері бөлімдермен', 'hyphen'),
  chapter: noun('тарау тарауы тараудың тарауының тарауда тарауында тараудағы тарауындағы тараумен тараулар тараулары тараулармен', 'hyphen'),
  article: noun('бап бабы баптың бабының бапта бабында баптағы бабындағы баппен баптар баптары баптармен', 'hyphen'),
  paragraph: noun('тармақ тармағы тармақтың тармағының тармақта тармағында тармақтағы тармағындағы тармақпен тармақтар тармақтары тармақтармен', 'hyphen'),
  subparagraph: noun('тармақша тармақшасы тармақшаның тармақшасының тармақшада тармақшасында тармақшадағы тармақшасындағы тармақшамен тармақшалар тармақшалары тармақшалармен', 'sub'),
  item: noun('тармақ тармағы тармақтың тармағының тармақта тармағында тармақтағы тармағындағы тармақпен тармақтар тармақтары тармақтармен', 'sub'),
  part: noun('бөлік бөлігі бөліктің бөлігінің бөлікте бөлігінде бөліктегі бөлігіндегі бөлікпен бөліктер бөліктері бөліктермен', 'ordinal'),
  line: noun('абзац абзацы абзацтың абзацының абзацта абзацында абзацтағы абзацындағы абзацпен абзацтар абзацтары абзацтармен', 'ordinal'),
  heading: noun('тақырып тақырыбы тақырыптың тақырыбының тақырыпта тақырыбында тақырыптағы тақырыбындағы тақырыппен тақырыптар тақырыптары тақырыптармен', 'none'),
};

/** "деген сөз" / "деген сөздер" / "деген цифр…" in a case, for the kind of the quoted text. */
const WORDS: Record<QuoteKind, Record<'nom' | 'instr' | 'abl' | 'gen', string>> = {
  word: { nom: 'сөз', instr: 'сөзбен', abl: 'сөзден', gen: 'сөздің' },
  words: { nom: 'сөздер', instr: 'сөздермен', abl: 'сөздерден', gen: 'сөздердің' },
  digit: { nom: 'цифр', instr: 'цифрмен', abl: 'цифрдан', gen: 'цифрдың' },
  digits: { nom: 'цифрлар', instr: 'цифрлармен', abl: 'цифрлардан', gen: 'цифрлардың' },
};

/** The punctuation marks that end a text, as a statement names them ("нүкте нүктелі үтірмен ауыстырылсын"). */
const MARKS: Record<string, { nom: string; instr: string }> = {
  '.': { nom: 'нүкте', instr: 'нүктемен' },
  ';': { nom: 'нүктелі үтір', instr: 'нүктелі үтірмен' },
  ',': { nom: 'үтір', instr: 'үтірмен' },
  ':': { nom: 'қос нүкте', instr: 'қос нүктемен' },
};

/** Reads a punctuation mark's name in a form: its character, or null. */
function readMark(c: Cursor, which: 'nom' | 'instr'): string | null {
  for (const [mark, names] of Object.entries(MARKS).sort((a, b) => b[1][which].length - a[1][which].length)) {
    if (c.takeAll(...names[which].split(' '))) return mark;
  }
  return null;
}

/** The form a link takes: plain, or possessive when a genitive stands before it ("2-тармағы" after "5-баптың"). */
function formOf(base: 'nom' | 'loc' | 'attr' | 'gen' | 'instr', chained: boolean, plural: boolean): Form {
  if (plural) return base === 'instr' ? 'plInstr' : chained ? 'plPoss' : 'pl';
  if (!chained) return base;
  return ({ nom: 'poss', loc: 'possLoc', attr: 'possAttr', gen: 'possGen', instr: 'instr' } as const)[base];
}

/** One link: "57-баптың", "2 және 3-тармақтар", "6) тармақшасы", "екінші бөлігі", "тақырыбы". */
function linkText(link: Link, form: Form): string {
  const n = NOUNS[link.unit];
  const word = n.forms[form];
  if (n.number === 'none') return word;
  if (n.number === 'hyphen') {
    // The suffix goes on the last number only: "2 және 3-тармақтар".
    const last = `${link.nums[link.nums.length - 1]}-${word}`;
    return link.nums.length > 1 ? `${link.nums.slice(0, -1).join(', ')} және ${last}` : last;
  }
  const labels = link.nums.map((x) => (n.number === 'sub' ? `${x})` : kkOrdinal(Number(x))));
  const list = labels.length > 1 ? `${labels.slice(0, -1).join(', ')} және ${labels[labels.length - 1]}` : (labels[0] as string);
  return `${list} ${word}`;
}

/** A chain in the form its last link takes: outer links in the genitive, the inner one possessive. */
function chainText(links: readonly Link[], base: 'nom' | 'loc' | 'attr' | 'gen' | 'instr'): string {
  return links
    .map((link, i) => {
      const last = i === links.length - 1;
      return linkText(link, last ? formOf(base, i > 0, link.nums.length > 1) : formOf('gen', i > 0, false));
    })
    .join(' ');
}

const lead = (text: string) => (text ? `${text} ` : '');
const q = (text: string) => quote('kk', text);
const qs = (texts: readonly string[]) => texts.map(q).join(', ');

function statement(ops: readonly Operation[], ctx: StatementContext): string {
  const op = ops[0] as Operation;
  const lastNums = () => listNumbers(ops);
  switch (op.op) {
    case 'throughout': {
      const from = op.replacements.map((r) => r.from);
      const to = op.replacements.map((r) => r.to);
      if (to.every((t) => t === '')) return `бүкіл мәтін бойынша ${qs(from)} деген ${WORDS[listKind(from)].nom} алынып тасталсын`;
      return `бүкіл мәтін бойынша ${qs(from)} деген ${WORDS[listKind(from)].nom} ${from.length > 1 ? 'тиісінше ' : ''}${qs(to)} деген ${WORDS[listKind(to)].instr} ауыстырылсын`;
    }
    case 'restate':
      return `${chainText(linksOf(op.address, op, ctx, ops.length > 1 ? lastNums() : undefined), 'nom')} мынадай редакцияда жазылсын:\n${ops.map((o) => q((o as { content: string }).content)).join(';\n')}`;
    case 'insert': {
      const unit: Link = { unit: op.kind === 'subparagraph' && ctx.code && (op.parent.at(-1)?.kind === 'article' || op.parent.length === 0) ? 'item' : op.kind, nums: ops.map((o) => (o as { num: string }).num) };
      return `${lead(chainText(linksOf(op.parent, {}, ctx), 'nom'))}мынадай мазмұндағы ${linkText(unit, unit.nums.length > 1 ? 'plInstr' : 'instr')} толықтырылсын:\n${q(ops.map((o) => (o as { content: string }).content).join('\n'))}`;
    }
    case 'insertLine':
      return `${lead(chainText(linksOf(op.address, {}, ctx), 'nom'))}мынадай мазмұндағы ${linkText({ unit: 'line', nums: [String(op.line)] }, 'instr')} толықтырылсын:\n${q(op.content)}`;
    case 'repeal':
      return `${chainText(linksOf(op.address, op.line !== undefined ? { line: op.line } : {}, ctx, ops.length > 1 ? lastNums() : undefined), 'nom')} алынып тасталсын`;
    case 'renumber': {
      const links = linksOf(op.address, {}, ctx, ops.length > 1 ? lastNums() : undefined);
      const head = links[links.length - 1] as Link;
      const to: Link = { unit: head.unit, nums: ops.map((o) => (o as { num: string }).num) };
      return `${chainText(links, 'nom')} ${ops.length > 1 ? 'тиісінше ' : ''}${linkText(to, to.nums.length > 1 ? 'pl' : 'nom')} болып есептелсін`;
    }
    case 'replace':
      return `${lead(chainText(linksOf(op.address, op, ctx), 'attr'))}${q(op.from)} деген ${WORDS[quoteKind(op.from)].nom} ${q(op.to)} деген ${WORDS[quoteKind(op.to)].instr} ауыстырылсын`;
    case 'delete':
      return `${lead(chainText(linksOf(op.address, op, ctx), 'attr'))}${q(op.words)} деген ${WORDS[quoteKind(op.words)].nom} алынып тасталсын`;
    case 'add': {
      const at = op.before ? `${q(op.anchor)} деген ${WORDS[quoteKind(op.anchor)].gen} алдынан` : `${q(op.anchor)} деген ${WORDS[quoteKind(op.anchor)].abl} кейін`;
      return `${lead(chainText(linksOf(op.address, op, ctx), 'nom'))}${at} ${q(op.words)} деген ${WORDS[quoteKind(op.words)].instr} толықтырылсын`;
    }
    case 'append':
      return `${lead(chainText(linksOf(op.address, op, ctx), 'nom'))}${q(op.words)} деген ${WORDS[quoteKind(op.words)].instr} толықтырылсын`;
    case 'mark':
      return `${lead(chainText(linksOf(op.address, op, ctx), 'attr'))}${MARKS[op.from]?.nom} ${MARKS[op.to]?.instr} ауыстырылсын`;
    case 'unchanged':
      return `${lead(chainText(linksOf(op.address, {}, ctx), 'gen'))}қазақ тіліндегі мәтіні өзгермейді, өзгеріс ${LANGUAGE_ATTR[op.changedIn]} мәтінге енгізіледі`;
  }
}

/** Languages as "орыс тіліндегі мәтіні" names them. */
const LANGUAGE_ATTR: Record<Lang, string> = { kk: 'қазақ тіліндегі', ru: 'орыс тіліндегі', en: 'ағылшын тіліндегі' };

/** What follows a statement whose unit does not change in the other language: ", орыс тіліндегі мәтіні өзгермейді". */
function untouchedClause(lang: Lang): string {
  return `, ${LANGUAGE_ATTR[lang]} мәтіні өзгермейді`;
}

// ---------------------------------------------------------------- reading

const ORDINALS = ordinalForms('kk');
const UNITS = Object.keys(NOUNS) as Unit[];
/** A form word → the units and forms it can be. */
const FORM_WORDS = new Map<string, { unit: Unit; form: Form }[]>();
for (const unit of UNITS) {
  for (const form of FORM_ORDER) {
    const word = NOUNS[unit].forms[form];
    FORM_WORDS.set(word, [...(FORM_WORDS.get(word) ?? []), { unit, form }]);
  }
}
const PLURAL_FORMS: ReadonlySet<Form> = new Set(['pl', 'plPoss', 'plInstr']);

/** A link read, with the form its word has. */
interface ReadLink {
  link: Link;
  form: Form;
}

/** The unit word at the cursor, for a numbering style; with its form. */
function takeNounWord(c: Cursor, styles: readonly Noun['number'][], word?: string): { unit: Unit; form: Form } | null {
  const token = word ?? c.peek();
  if (token === undefined) return null;
  const hits = (FORM_WORDS.get(token) ?? []).filter((h) => styles.includes(NOUNS[h.unit].number));
  if (!hits.length) return null;
  if (word === undefined) c.pos += 1;
  return hits[0] as { unit: Unit; form: Form };
}

/** Reads one link (possibly a list: "2 және 3-тармақтар", "5-3) және 5-4) тармақшалар", "екінші және үшінші бөліктер"). */
function readLink(c: Cursor): ReadLink | null {
  const save = c.pos;
  const nums: string[] = [];
  let style: 'sub' | 'ordinal' | null = null;
  const ordinal = () => {
    for (const o of ORDINALS) if (c.takeAll(...o.word.split(' '))) return String(o.n);
    return null;
  };
  for (;;) {
    const t = c.peek();
    if (t === undefined) break;
    const hyphen = /^(\d+(?:-\d+)*)-([\p{L}\p{M}]+)$/u.exec(t);
    if (hyphen) {
      const hit = takeNounWord(c, ['hyphen'], hyphen[2]);
      if (!hit) break;
      c.pos += 1;
      nums.push(hyphen[1] as string);
      if (nums.length > 1 !== PLURAL_FORMS.has(hit.form)) break;
      return { link: { unit: hit.unit, nums }, form: hit.form };
    }
    if (/^\d+(?:-\d+)*\)$/.test(t) && style !== 'ordinal') {
      c.pos += 1;
      nums.push(t.slice(0, -1));
      style = 'sub';
    } else if (/^\d+(?:-\d+)*$/.test(t) && style === null && /^(,|және)$/.test(c.peek(1) ?? '')) {
      c.pos += 1;
      nums.push(t);
    } else {
      const o = style === 'sub' ? null : ordinal();
      if (o !== null) {
        nums.push(o);
        style = 'ordinal';
      } else {
        const hit = nums.length === 0 ? takeNounWord(c, ['none']) : null;
        if (hit) return { link: { unit: hit.unit, nums: [] }, form: hit.form };
        break;
      }
    }
    if (c.take(',', 'және') !== undefined) continue;
    if (style === null) break; // plain numbers in a list end with a hyphenated word ("2 және 3-тармақтар")
    const word = takeNounWord(c, [style]);
    if (!word || nums.length > 1 !== PLURAL_FORMS.has(word.form)) break;
    return { link: { unit: word.unit, nums }, form: word.form };
  }
  c.reset(save);
  return null;
}

/** The forms a link before the last may have: the genitive, or (in mixed chains of older laws) the possessive. */
const GENITIVE: ReadonlySet<Form> = new Set(['gen', 'possGen', 'poss']);

/**
 * The addresses that can start at the cursor, longest first, each with where it ends: links outer
 * to inner, all but the last in the genitive, the last in one of `forms`. A formula tries each in
 * turn ("1) тармақша 1-1) тармақша болып есептелсін" holds two links, but only the first is the address).
 */
function addresses(c: Cursor, forms: readonly Form[]): (ReadAddress & { end: number })[] {
  const save = c.pos;
  const read: (ReadLink & { end: number })[] = [];
  for (let link = readLink(c); link; link = readLink(c)) read.push({ ...link, end: c.pos });
  c.reset(save);
  const out: (ReadAddress & { end: number })[] = [];
  for (let k = read.length; k >= 1; k--) {
    const last = read[k - 1] as ReadLink & { end: number };
    if (forms.includes(last.form) && read.slice(0, k - 1).every((l) => GENITIVE.has(l.form))) out.push({ links: read.slice(0, k).map((l) => l.link), end: last.end });
  }
  return out;
}

/** Tries a formula after each address that can start here (or none, when it may stand without one). */
function withAddress(c: Cursor, forms: readonly Form[], optional: boolean, rest: (where: ReadAddress) => Operation[] | null): Operation[] | null {
  const start = c.pos;
  for (const where of addresses(c, forms)) {
    c.reset(where.end);
    const ops = rest(where);
    if (ops) return ops;
  }
  c.reset(start);
  return optional ? rest({ links: [] }) : null;
}

function readWords(c: Cursor, which: 'nom' | 'instr' | 'abl' | 'gen'): boolean {
  if (!c.take('деген')) return false;
  const t = c.peek();
  if (t === undefined || !Object.values(WORDS).some((w) => w[which] === t)) return false;
  c.pos += 1;
  return true;
}

const SUBJECT: Form[] = ['nom', 'poss', 'pl', 'plPoss'];
const ATTRIBUTE: Form[] = ['attr', 'possAttr', 'loc', 'possLoc'];

function readStatement(frame: string, quotes: readonly string[], ctx: StatementContext): Operation[] | Unreadable {
  const c = new Cursor(frameTokens(frame.replace(/^([А-ЯӘҒҚҢӨҰҮҺІ])/u, (m) => m.toLowerCase())));
  const text = (i: number) => quotes[i] as string;
  const finish = finisher(c);
  const deleted = () => (c.take('алынып', 'алып') !== undefined && c.take('тасталсын') !== undefined);
  return firstReading(c, [
    // бүкіл мәтін бойынша «а», «б» деген сөздер тиісінше «в», «г» деген сөздермен ауыстырылсын
    () => {
      if (!(c.takeAll('бүкіл', 'мәтін', 'бойынша') || c.takeAll('мәтінде'))) return null;
      const from = c.takeQuotes('және');
      if (!from.length || !readWords(c, 'nom')) return null;
      if (deleted()) return finish([{ op: 'throughout', replacements: from.map((i) => ({ from: text(i), to: '' })) }]);
      c.take('тиісінше');
      const to = c.takeQuotes('және');
      if (to.length !== from.length || !readWords(c, 'instr') || !c.take('ауыстырылсын')) return null;
      return finish([{ op: 'throughout', replacements: from.map((i, k) => ({ from: text(i), to: text(to[k] as number) })) }]);
    },
    // (<адрес>-ындағы) «а» деген сөздер «б» деген сөздермен ауыстырылсын / … алынып тасталсын
    () => withAddress(c, ATTRIBUTE, true, (where) => {
      const from = c.takeQuotes('және');
      if (!from.length || !readWords(c, 'nom')) return null;
      if (deleted()) return finish(toOperations(where, ctx, (t) => from.map((i) => ({ op: 'delete', ...t, words: text(i) }))));
      c.take('тиісінше');
      const to = c.takeQuotes('және');
      if (to.length !== from.length || !readWords(c, 'instr') || !c.take('ауыстырылсын')) return null;
      return finish(toOperations(where, ctx, (t) => from.map((i, k) => ({ op: 'replace', ...t, from: text(i), to: text(to[k] as number) }))));
    }),
    // (<адрес>) «а» деген сөзден кейін «б» деген сөздермен(, «в» деген сөзден кейін «г» деген сөздермен) толықтырылсын / … алдынан / <адрес> «б» деген сөздермен толықтырылсын
    // (the address as the subject, or in the locative-attributive: "1-тармақтың бірінші абзацындағы «…» деген сөздерден кейін …")
    () => withAddress(c, [...SUBJECT, ...ATTRIBUTE], true, (where) => {
      const adds: { anchor: number; words: number; before: boolean }[] = [];
      for (;;) {
        const first = c.takeQuote();
        if (first < 0) return null;
        if (c.peek() === 'деген' && c.peek(2) === 'кейін') {
          if (!readWords(c, 'abl') || !c.take('кейін')) return null;
        } else if (c.peek() === 'деген' && c.peek(2) === 'алдынан') {
          if (!readWords(c, 'gen') || !c.take('алдынан')) return null;
          adds.push({ anchor: first, words: -1, before: true });
        } else {
          if (adds.length || !readWords(c, 'instr') || !c.take('толықтырылсын')) return null;
          return finish(toOperations(where, ctx, (t) => [{ op: 'append', ...t, words: text(first) }]));
        }
        const words = c.takeQuote();
        if (words < 0 || !readWords(c, 'instr')) return null;
        const last = adds[adds.length - 1];
        if (last && last.words === -1) last.words = words;
        else adds.push({ anchor: first, words, before: false });
        if (c.take('толықтырылсын')) break;
        if (!c.take(',')) return null;
      }
      return finish(toOperations(where, ctx, (t) => adds.map((a) => ({ op: 'add', ...t, anchor: text(a.anchor), words: text(a.words), ...(a.before ? { before: true as const } : {}) }))));
    }),
    // (<адрес>-ындағы) нүкте нүктелі үтірмен ауыстырылсын
    () => withAddress(c, ATTRIBUTE, true, (where) => {
      const from = readMark(c, 'nom');
      if (from === null) return null;
      const to = readMark(c, 'instr');
      if (to === null || !c.take('ауыстырылсын')) return null;
      return finish(toOperations(where, ctx, (t) => [{ op: 'mark', ...t, from, to }]));
    }),
    // <адрес> мынадай редакцияда жазылсын: «…»(; «…»)
    () => withAddress(c, SUBJECT, false, (where) => {
      if (!c.takeAll('мынадай', 'редакцияда', 'жазылсын')) return null;
      c.skipPunctuation();
      const contents: number[] = [];
      for (let i = c.takeQuote(); i >= 0; i = c.takeQuote()) {
        contents.push(i);
        c.skipPunctuation();
      }
      return finish(toOperations(where, ctx, (t, k) => [{ op: 'restate', ...t, content: text(contents[k] as number) }], contents.length));
    }),
    // (<адрес>) мынадай мазмұндағы 2-1-тармақпен толықтырылсын: «…»
    () => withAddress(c, SUBJECT, true, (where) => {
      if (!c.takeAll('мынадай', 'мазмұндағы')) return null;
      const unit = readLink(c);
      if (!unit || (unit.form !== 'instr' && unit.form !== 'plInstr') || !c.take('толықтырылсын')) return null;
      c.skipPunctuation();
      const content = c.takeQuote();
      if (content < 0) return null;
      return finish(insertions(where, unit.link, text(content), ctx, 'kk'));
    }),
    // <адрес> алынып тасталсын
    () =>
      withAddress(c, SUBJECT, false, (where) => {
        if (!deleted()) return null;
        return finish(toOperations(where, ctx, (t) => (t.heading ? [] : [{ op: 'repeal', address: t.address, ...(t.line !== undefined ? { line: t.line } : {}) }])));
      }),
    // <адрес> (тиісінше) 1-1) тармақша болып есептелсін
    () => withAddress(c, SUBJECT, false, (where) => {
      c.take('тиісінше');
      const to = readLink(c);
      if (!to || !(c.take('болып', 'деп') && c.take('есептелсін'))) return null;
      return finish(toOperations(where, ctx, (t, k) => (t.heading || t.line !== undefined ? [] : [{ op: 'renumber', address: t.address, num: to.link.nums[k] ?? '' }]), to.link.nums.length));
    }),
  ]);
}

function readGroupHeader(frame: string): PathStep[] | null {
  const c = new Cursor(frameTokens(frame));
  // "5-бапта:", "13-баптың бірінші бөлігінде:"; older laws: "17-баптың:", "1-тармағындағы:".
  const where = addresses(c, ['loc', 'possLoc', 'gen', 'possGen', 'attr', 'possAttr'])[0];
  if (where) c.reset(where.end);
  return c.done ? groupSteps(where) : null;
}

/** Kazakh. */
export const kk: Grammar = {
  lang: 'kk',
  statement,
  untouchedClause,
  groupHeader: (address, ctx) => chainText(linksOf(address, {}, ctx), 'loc'),
  readStatement,
  readGroupHeader,
};
