import type { PathStep } from '../../amend/types';
import { frameTokens, joinList, listKind, quoteKind, type Grammar, type QuoteKind, type StatementContext, type Unreadable } from '../grammar';
import { ordinalForms, ruOrdinal, type RuCase, type RuGender } from '../ordinals';
import { quote } from '../quotes';
import type { Lang } from '../../law/language';
import type { Operation } from '../types';
import { Cursor } from './cursor';
import { linksOf, listNumbers, toOperations, type Link, type ReadAddress, type Unit } from './links';
import { finisher, firstReading, groupSteps, insertions } from './reading';

/**
 * Russian legislative technique (DOMAIN.md and the published laws it cites): units named smallest
 * first with their parents in the genitive ("подпункт 6) пункта 1 статьи 57"), the unit itself in
 * the case its verb asks (изложить / исключить: accusative; "в …": prepositional; дополнить …:
 * instrumental); parts and lines by ordinals agreeing with their noun ("часть вторую", "в абзаце
 * третьем"); "слово / слова" by the number of words quoted; items "2)" of a code's article are
 * "пункты 2)".
 */

interface Noun {
  sg: Record<RuCase, string>;
  pl: Record<RuCase, string>;
  /** How its number is written: a numeral, a numeral with ")", an ordinal of a gender, or none. */
  number: 'num' | 'sub' | RuGender | 'none';
}

/** The five case forms of a word, given as "nom acc gen prep instr". */
const forms = (cases: string): Record<RuCase, string> => {
  const [nom, acc, gen, prep, instr] = cases.split(' ') as [string, string, string, string, string];
  return { nom, acc, gen, prep, instr };
};

const NOUNS: Record<Unit, Noun> = {
  section: { sg: forms('раздел раздел раздела разделе разделом'), pl: forms('разделы разделы разделов разделах разделами'), number: 'num' },
  chapter: { sg: forms('глава главу главы главе главой'), pl: forms('главы главы глав главах главами'), number: 'num' },
  article: { sg: forms('статья статью статьи статье статьей'), pl: forms('статьи статьи статей статьях статьями'), number: 'num' },
  paragraph: { sg: forms('пункт пункт пункта пункте пунктом'), pl: forms('пункты пункты пунктов пунктах пунктами'), number: 'num' },
  subparagraph: { sg: forms('подпункт подпункт подпункта подпункте подпунктом'), pl: forms('подпункты подпункты подпунктов подпунктах подпунктами'), number: 'sub' },
  item: { sg: forms('пункт пункт пункта пункте пунктом'), pl: forms('пункты пункты пунктов пунктах пунктами'), number: 'sub' },
  part: { sg: forms('часть часть части части частью'), pl: forms('части части частей частях частями'), number: 'f' },
  line: { sg: forms('абзац абзац абзаца абзаце абзацем'), pl: forms('абзацы абзацы абзацев абзацах абзацами'), number: 'm' },
  heading: { sg: forms('заголовок заголовок заголовка заголовке заголовком'), pl: forms('заголовки заголовки заголовков заголовках заголовками'), number: 'none' },
};
/** Spellings read besides the ones written ("статьёй", "четвёртый"). */
const VARIANTS: Record<string, string> = { статьёй: 'статьей' };

/** "слово" / "слова" / "цифру" / "цифры" in a case, for the kind of the quoted text. */
const WORDS: Record<QuoteKind, Record<'acc' | 'gen' | 'instr', string>> = {
  word: { acc: 'слово', gen: 'слова', instr: 'словом' },
  words: { acc: 'слова', gen: 'слов', instr: 'словами' },
  digit: { acc: 'цифру', gen: 'цифры', instr: 'цифрой' },
  digits: { acc: 'цифры', gen: 'цифр', instr: 'цифрами' },
};

/** The punctuation marks that end a text, as a statement names them ("точку заменить точкой с запятой"). */
const MARKS: Record<string, { acc: string; instr: string }> = {
  '.': { acc: 'точку', instr: 'точкой' },
  ';': { acc: 'точку с запятой', instr: 'точкой с запятой' },
  ',': { acc: 'запятую', instr: 'запятой' },
  ':': { acc: 'двоеточие', instr: 'двоеточием' },
};

/** Reads a punctuation mark's name in a case: its character, or null. */
function readMark(c: Cursor, which: 'acc' | 'instr'): string | null {
  for (const [mark, names] of Object.entries(MARKS).sort((a, b) => b[1][which].length - a[1][which].length)) {
    if (c.takeAll(...names[which].split(' '))) return mark;
  }
  return null;
}

/** One link of an address in a case: "подпункты 2) и 3)", "абзаце втором", "заголовок". */
function linkText(link: Link, c: RuCase): string {
  const noun = NOUNS[link.unit];
  const word = link.nums.length > 1 ? noun.pl[c] : noun.sg[c];
  if (noun.number === 'none') return word;
  const nums = link.nums.map((n) => (noun.number === 'num' ? n : noun.number === 'sub' ? `${n})` : ruOrdinal(Number(n), noun.number as RuGender, c)));
  return `${word} ${joinList(nums, 'и')}`;
}

/** An address, smallest first, the head in case `c` and its parents in the genitive. */
function addressText(links: readonly Link[], c: RuCase): string {
  if (links.length === 0) return '';
  const head = links[links.length - 1] as Link;
  return [linkText(head, c), ...links.slice(0, -1).reverse().map((l) => linkText(l, 'gen'))].join(' ');
}

const lead = (text: string) => (text ? `${text} ` : '');

function statement(ops: readonly Operation[], ctx: StatementContext): string {
  const op = ops[0] as Operation;
  const q = (text: string) => quote('ru', text);
  const qs = (texts: readonly string[]) => texts.map(q).join(', ');
  switch (op.op) {
    case 'throughout': {
      const from = op.replacements.map((r) => r.from);
      const to = op.replacements.map((r) => r.to);
      if (to.every((t) => t === '')) return `по всему тексту ${WORDS[listKind(from)].acc} ${qs(from)} исключить`;
      return `по всему тексту ${WORDS[listKind(from)].acc} ${qs(from)} заменить ${from.length > 1 ? 'соответственно ' : ''}${WORDS[listKind(to)].instr} ${qs(to)}`;
    }
    case 'restate': {
      const nums = listNumbers(ops);
      const links = linksOf(op.address, op, ctx, ops.length > 1 ? nums : undefined);
      return `${addressText(links, 'acc')} изложить в следующей редакции:\n${ops.map((o) => q((o as { content: string }).content)).join(';\n')}`;
    }
    case 'insert': {
      const parent = addressText(linksOf(op.parent, {}, ctx), 'acc');
      const unit: Link = { unit: op.kind === 'subparagraph' && ctx.code && (op.parent.at(-1)?.kind === 'article' || op.parent.length === 0) ? 'item' : op.kind, nums: ops.map((o) => (o as { num: string }).num) };
      return `${lead(parent)}дополнить ${linkText(unit, 'instr')} следующего содержания:\n${q(ops.map((o) => (o as { content: string }).content).join('\n'))}`;
    }
    case 'insertLine':
      return `${lead(addressText(linksOf(op.address, {}, ctx), 'acc'))}дополнить ${linkText({ unit: 'line', nums: [String(op.line)] }, 'instr')} следующего содержания:\n${q(op.content)}`;
    case 'repeal': {
      const nums = listNumbers(ops);
      return `${addressText(linksOf(op.address, op.line !== undefined ? { line: op.line } : {}, ctx, ops.length > 1 ? nums : undefined), 'acc')} исключить`;
    }
    case 'renumber': {
      const links = linksOf(op.address, {}, ctx, ops.length > 1 ? ops.map((o) => (o as { address: PathStep[] }).address.at(-1)?.num ?? '') : undefined);
      const head = links[links.length - 1] as Link;
      return `${addressText(links, 'acc')} считать ${ops.length > 1 ? 'соответственно ' : ''}${linkText({ unit: head.unit, nums: ops.map((o) => (o as { num: string }).num) }, 'instr')}`;
    }
    case 'replace': {
      const where = addressText(linksOf(op.address, op, ctx), 'prep');
      return `${where ? `в ${where} ` : ''}${WORDS[quoteKind(op.from)].acc} ${q(op.from)} заменить ${WORDS[quoteKind(op.to)].instr} ${q(op.to)}`;
    }
    case 'delete': {
      const where = addressText(linksOf(op.address, op, ctx), 'prep');
      return `${where ? `в ${where} ` : ''}${WORDS[quoteKind(op.words)].acc} ${q(op.words)} исключить`;
    }
    case 'add': {
      const at = op.before ? `перед ${WORDS[quoteKind(op.anchor)].instr}` : `после ${WORDS[quoteKind(op.anchor)].gen}`;
      return `${lead(addressText(linksOf(op.address, op, ctx), 'acc'))}${at} ${q(op.anchor)} дополнить ${WORDS[quoteKind(op.words)].instr} ${q(op.words)}`;
    }
    case 'append':
      return `${lead(addressText(linksOf(op.address, op, ctx), 'acc'))}дополнить ${WORDS[quoteKind(op.words)].instr} ${q(op.words)}`;
    case 'mark': {
      const where = addressText(linksOf(op.address, op, ctx), 'prep');
      return `${where ? `в ${where} ` : ''}${MARKS[op.from]?.acc} заменить ${MARKS[op.to]?.instr}`;
    }
    case 'unchanged': {
      const where = addressText(linksOf(op.address, {}, ctx), 'prep');
      return `${where ? `в ${where} ` : ''}изменение вносится в текст на ${LANGUAGE_PREP[op.changedIn]} языке, текст на русском языке не изменяется`;
    }
  }
}

/** Languages in the prepositional, as "текст на казахском языке" names them. */
const LANGUAGE_PREP: Record<Lang, string> = { ru: 'русском', kk: 'казахском', en: 'английском' };

/** What follows a statement whose unit does not change in the other language: ", текст на казахском языке не изменяется". */
function untouchedClause(lang: Lang): string {
  return `, текст на ${LANGUAGE_PREP[lang]} языке не изменяется`;
}

// ---------------------------------------------------------------- reading

const ORDINALS = { m: ordinalForms('ru', 'm'), f: ordinalForms('ru', 'f') };
const WORD_NOUNS = new Map<string, QuoteKind>(Object.entries(WORDS).flatMap(([kind, f]) => Object.values(f).map((w) => [w, kind as QuoteKind])));
const UNITS = Object.keys(NOUNS) as Unit[];

/** Reads one link in a case: a unit word (singular, or plural with a list) and its number or numbers. */
function readLink(c: Cursor, cases: readonly RuCase[]): Link | null {
  const save = c.pos;
  const token = c.peek();
  if (token === undefined) return null;
  const word = VARIANTS[token] ?? token;
  for (const unit of UNITS) {
    if (unit === 'item') continue; // "пункт 2)": read as a paragraph word, told apart by its ")"
    const noun = NOUNS[unit];
    const plural = cases.some((k) => noun.pl[k] === word);
    const singular = cases.some((k) => noun.sg[k] === word);
    if (!plural && !singular) continue;
    c.pos += 1;
    if (noun.number === 'none') return { unit, nums: [] };
    const nums = readNumbers(c, noun.number, plural && !singular);
    if (nums.length === 0 || (nums.length > 1 && !plural)) {
      c.reset(save);
      continue;
    }
    const withBracket = /\)$/.test(nums[0] as string);
    const kind: Unit = unit === 'paragraph' && withBracket ? 'item' : unit;
    if ((NOUNS[kind].number === 'sub') !== withBracket && noun.number !== 'm' && noun.number !== 'f') {
      c.reset(save);
      continue;
    }
    return { unit: kind, nums: nums.map((n) => n.replace(/\)$/, '')) };
  }
  c.reset(save);
  return null;
}

/** Numbers after a unit word: "5", "3, 4 и 5", "2)", "второй и третий", a range "2)-4)". */
function readNumbers(c: Cursor, style: Noun['number'], plural: boolean): string[] {
  const one = (): string | null => {
    if (style === 'm' || style === 'f') {
      for (const o of ORDINALS[style]) {
        const words = o.word.split(' ');
        if (c.takeAll(...words)) return String(o.n);
      }
      const digits = c.takeIf((t) => /^\d+$/.test(t));
      return digits ?? null;
    }
    return c.takeIf((t) => /^\d+(?:-\d+)*\)?$/.test(t)) ?? null;
  };
  const first = one();
  if (first === null) return [];
  const out = [first];
  if (!plural) return out;
  for (;;) {
    const save = c.pos;
    if (c.take('–', '-') !== undefined) {
      const last = one();
      const from = Number(first.replace(/\)$/, ''));
      const to = last === null ? NaN : Number(last.replace(/\)$/, ''));
      if (last !== null && Number.isInteger(from) && Number.isInteger(to) && to > from && to - from < 100) {
        const bracket = first.endsWith(')') ? ')' : '';
        out.length = 0;
        for (let n = from; n <= to; n++) out.push(`${n}${bracket}`);
        return out;
      }
      c.reset(save);
      break;
    }
    if (c.take(',', 'и') === undefined) break;
    const next = one();
    if (next === null) {
      c.reset(save);
      break;
    }
    out.push(next);
  }
  return out;
}

/** Reads an address: its head in one of the cases, then parents in the genitive; outermost link first. */
function readAddress(c: Cursor, cases: readonly RuCase[]): ReadAddress | null {
  const head = readLink(c, cases);
  if (!head) return null;
  const links = [head];
  for (;;) {
    const save = c.pos;
    const parent = readLink(c, ['gen']);
    if (!parent || parent.nums.length > 1) {
      c.reset(save);
      break;
    }
    links.unshift(parent);
  }
  return { links };
}

function readWords(c: Cursor, which: 'acc' | 'gen' | 'instr'): boolean {
  const t = c.peek();
  if (t === undefined) return false;
  const kind = WORD_NOUNS.get(t);
  if (kind === undefined || !Object.values(WORDS).some((f) => f[which] === t)) return false;
  c.pos += 1;
  return true;
}

function readStatement(frame: string, quotes: readonly string[], ctx: StatementContext): Operation[] | Unreadable {
  const tokens = frameTokens(frame.replace(/^([А-ЯЁ])/u, (m) => m.toLowerCase()));
  const c = new Cursor(tokens.map((t) => (/^[А-ЯЁ]/u.test(t) && t !== t.toUpperCase() ? t.toLowerCase() : t)));
  const q = (i: number) => quotes[i] as string;
  const finish = finisher(c);
  return firstReading(c, [
    // по всему тексту слова «а», «б» заменить (соответственно) словами «в», «г» / … исключить
    () => {
      if (!c.takeAll('по', 'всему', 'тексту') || !readWords(c, 'acc')) return null;
      const from = c.takeQuotes('и');
      if (!from.length) return null;
      if (c.take('исключить')) return finish([{ op: 'throughout', replacements: from.map((i) => ({ from: q(i), to: '' })) }]);
      if (!c.take('заменить')) return null;
      c.take('соответственно');
      if (!readWords(c, 'instr')) return null;
      const to = c.takeQuotes('и');
      if (to.length !== from.length) return null;
      return finish([{ op: 'throughout', replacements: from.map((i, k) => ({ from: q(i), to: q(to[k] as number) })) }]);
    },
    // (в <адрес>) слова «а» заменить словами «б»; слова «а», «б» заменить соответственно словами «в», «г»
    () => {
      const where = c.take('в') ? readAddress(c, ['prep']) : { links: [] };
      if (!where || !readWords(c, 'acc')) return null;
      const from = c.takeQuotes('и');
      if (!from.length) return null;
      if (c.take('исключить')) return finish(toOperations(where, ctx, (target) => from.map((i) => ({ op: 'delete', ...target, words: q(i) }))));
      if (!c.take('заменить')) return null;
      c.take('соответственно');
      if (!readWords(c, 'instr')) return null;
      const to = c.takeQuotes('и');
      if (to.length !== from.length) return null;
      return finish(toOperations(where, ctx, (target) => from.map((i, k) => ({ op: 'replace', ...target, from: q(i), to: q(to[k] as number) }))));
    },
    // (<адрес>) после слов «а» дополнить словами «б» / перед словами … / (<адрес>) дополнить словами «б»
    () => {
      const where = readAddress(c, ['acc', 'nom']) ?? { links: [] };
      const before = c.take('перед') !== undefined;
      if (before || c.take('после')) {
        if (!readWords(c, before ? 'instr' : 'gen')) return null;
        const anchor = c.takeQuote();
        if (anchor < 0 || !c.take('дополнить') || !readWords(c, 'instr')) return null;
        const words = c.takeQuote();
        if (words < 0) return null;
        return finish(toOperations(where, ctx, (target) => [{ op: 'add', ...target, anchor: q(anchor), words: q(words), ...(before ? { before: true as const } : {}) }]));
      }
      if (!c.take('дополнить') || !readWords(c, 'instr')) return null;
      const words = c.takeQuote();
      if (words < 0) return null;
      return finish(toOperations(where, ctx, (target) => [{ op: 'append', ...target, words: q(words) }]));
    },
    // (в <адрес>) точку заменить точкой с запятой
    () => {
      const where = c.take('в') ? readAddress(c, ['prep']) : { links: [] };
      if (!where) return null;
      const from = readMark(c, 'acc');
      if (from === null || !c.take('заменить')) return null;
      const to = readMark(c, 'instr');
      return to === null ? null : finish(toOperations(where, ctx, (t) => [{ op: 'mark', ...t, from, to }]));
    },
    // <адрес> изложить в следующей редакции: «…»(; «…»)
    () => {
      const where = readAddress(c, ['acc', 'nom']);
      if (!where || !c.takeAll('изложить', 'в', 'следующей', 'редакции')) return null;
      c.skipPunctuation();
      const contents: number[] = [];
      for (let i = c.takeQuote(); i >= 0; i = c.takeQuote()) {
        contents.push(i);
        c.skipPunctuation();
      }
      return finish(toOperations(where, ctx, (target, k) => [{ op: 'restate', ...target, content: q(contents[k] as number) }], contents.length));
    },
    // (<адрес>) дополнить пунктом 2-1 / частью второй / абзацем третьим следующего содержания: «…»
    () => {
      const where = readAddress(c, ['acc', 'nom']) ?? { links: [] };
      if (!c.take('дополнить')) return null;
      const unit = readLink(c, ['instr']);
      if (!unit || !c.takeAll('следующего', 'содержания')) return null;
      c.skipPunctuation();
      const content = c.takeQuote();
      if (content < 0) return null;
      return finish(insertions(where, unit, q(content), ctx, 'ru'));
    },
    // <адрес> исключить
    () => {
      const where = readAddress(c, ['acc', 'nom']);
      if (!where || !c.take('исключить')) return null;
      return finish(toOperations(where, ctx, (target) => (target.heading ? [] : [{ op: 'repeal', address: target.address, ...(target.line !== undefined ? { line: target.line } : {}) }])));
    },
    // <адрес> считать (соответственно) подпунктами …
    () => {
      const where = readAddress(c, ['acc', 'nom']);
      if (!where || !c.take('считать')) return null;
      c.take('соответственно');
      const to = readLink(c, ['instr']);
      if (!to) return null;
      return finish(toOperations(where, ctx, (target, k) => (target.heading || target.line !== undefined ? [] : [{ op: 'renumber', address: target.address, num: to.nums[k] ?? '' }]), to.nums.length));
    },
  ]);
}

function readGroupHeader(frame: string, ctx: StatementContext): PathStep[] | null {
  void ctx;
  const c = new Cursor(frameTokens(frame.replace(/^В /u, 'в ')));
  if (!c.take('в')) return null;
  const where = readAddress(c, ['prep']);
  return c.done ? groupSteps(where) : null;
}

/** Russian. */
export const ru: Grammar = {
  lang: 'ru',
  statement,
  untouchedClause,
  groupHeader: (address, ctx) => `в ${addressText(linksOf(address, {}, ctx), 'prep')}`,
  readStatement,
  readGroupHeader,
};
