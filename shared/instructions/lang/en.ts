import type { PathStep } from '../../amend/types';
import { frameTokens, joinList, listKind, quoteKind, type Grammar, type QuoteKind, type StatementContext, type Unreadable } from '../grammar';
import { enOrdinal, ordinalForms } from '../ordinals';
import { quote } from '../quotes';
import type { Lang } from '../../law/language';
import type { Operation } from '../types';
import { Cursor } from './cursor';
import { linksOf, listNumbers, toOperations, type Link, type ReadAddress, type Unit } from './links';
import { finisher, firstReading, groupSteps, insertions } from './reading';

/**
 * English, as the unofficial translations of the portal write amending laws: "subparagraph 3) of
 * paragraph 2 of Article 5", "part two", "the words … shall be replaced by the words …".
 */

interface Noun {
  sg: string;
  pl: string;
  number: 'num' | 'sub' | 'ordinal' | 'none';
}

const NOUNS: Record<Unit, Noun> = {
  section: { sg: 'section', pl: 'sections', number: 'num' },
  chapter: { sg: 'chapter', pl: 'chapters', number: 'num' },
  article: { sg: 'Article', pl: 'Articles', number: 'num' },
  paragraph: { sg: 'paragraph', pl: 'paragraphs', number: 'num' },
  subparagraph: { sg: 'subparagraph', pl: 'subparagraphs', number: 'sub' },
  item: { sg: 'item', pl: 'items', number: 'sub' },
  part: { sg: 'part', pl: 'parts', number: 'ordinal' },
  line: { sg: 'line', pl: 'lines', number: 'ordinal' },
  heading: { sg: 'the heading', pl: 'the headings', number: 'none' },
};

const WORDS: Record<QuoteKind, string> = { word: 'the word', words: 'the words', digit: 'the figure', digits: 'the figures' };

/** The punctuation marks that end a text, as a statement names them. */
const MARKS: Record<string, string> = { '.': 'the full stop', ';': 'the semicolon', ',': 'the comma', ':': 'the colon' };

function readMark(c: Cursor): string | null {
  for (const [mark, name] of Object.entries(MARKS)) if (c.takeAll(...name.split(' '))) return mark;
  return null;
}

function linkText(link: Link): string {
  const n = NOUNS[link.unit];
  const word = link.nums.length > 1 ? n.pl : n.sg;
  if (n.number === 'none') return word;
  return `${word} ${joinList(link.nums.map((x) => (n.number === 'sub' ? `${x})` : n.number === 'ordinal' ? enOrdinal(Number(x)) : x)), 'and')}`;
}

/** An address, the unit first, then "of" its parents. */
function addressText(links: readonly Link[]): string {
  return [...links].reverse().map(linkText).join(' of ');
}

const q = (text: string) => quote('en', text);
const qs = (texts: readonly string[]) => texts.map(q).join(', ');
const lead = (text: string) => (text ? `${text} ` : '');
const inLead = (text: string) => (text ? `in ${text}, ` : '');

function statement(ops: readonly Operation[], ctx: StatementContext): string {
  const op = ops[0] as Operation;
  const lastNums = () => listNumbers(ops);
  switch (op.op) {
    case 'throughout': {
      const from = op.replacements.map((r) => r.from);
      const to = op.replacements.map((r) => r.to);
      if (to.every((t) => t === '')) return `throughout the text ${WORDS[listKind(from)]} ${qs(from)} shall be deleted`;
      return `throughout the text ${WORDS[listKind(from)]} ${qs(from)} shall be replaced ${from.length > 1 ? 'respectively ' : ''}by ${WORDS[listKind(to)]} ${qs(to)}`;
    }
    case 'restate':
      return `${addressText(linksOf(op.address, op, ctx, ops.length > 1 ? lastNums() : undefined))} shall be set out in the following wording:\n${ops.map((o) => q((o as { content: string }).content)).join(';\n')}`;
    case 'insert': {
      const unit: Link = { unit: op.kind === 'subparagraph' && ctx.code && (op.parent.at(-1)?.kind === 'article' || op.parent.length === 0) ? 'item' : op.kind, nums: ops.map((o) => (o as { num: string }).num) };
      return `${lead(addressText(linksOf(op.parent, {}, ctx)))}shall be supplemented by ${linkText(unit)} with the following content:\n${q(ops.map((o) => (o as { content: string }).content).join('\n'))}`;
    }
    case 'insertLine':
      return `${lead(addressText(linksOf(op.address, {}, ctx)))}shall be supplemented by ${linkText({ unit: 'line', nums: [String(op.line)] })} with the following content:\n${q(op.content)}`;
    case 'repeal':
      return `${addressText(linksOf(op.address, op.line !== undefined ? { line: op.line } : {}, ctx, ops.length > 1 ? lastNums() : undefined))} shall be excluded`;
    case 'renumber': {
      const links = linksOf(op.address, {}, ctx, ops.length > 1 ? lastNums() : undefined);
      const head = links[links.length - 1] as Link;
      return `${addressText(links)} shall be considered ${ops.length > 1 ? 'respectively ' : ''}${linkText({ unit: head.unit, nums: ops.map((o) => (o as { num: string }).num) })}`;
    }
    case 'replace':
      return `${inLead(addressText(linksOf(op.address, op, ctx)))}${WORDS[quoteKind(op.from)]} ${q(op.from)} shall be replaced by ${WORDS[quoteKind(op.to)]} ${q(op.to)}`;
    case 'delete':
      return `${inLead(addressText(linksOf(op.address, op, ctx)))}${WORDS[quoteKind(op.words)]} ${q(op.words)} shall be deleted`;
    case 'add':
      return `${inLead(addressText(linksOf(op.address, op, ctx)))}${op.before ? 'before' : 'after'} ${WORDS[quoteKind(op.anchor)]} ${q(op.anchor)} add ${WORDS[quoteKind(op.words)]} ${q(op.words)}`;
    case 'append':
      return `${lead(addressText(linksOf(op.address, op, ctx)))}shall be supplemented by ${WORDS[quoteKind(op.words)]} ${q(op.words)}`;
    case 'mark':
      return `${inLead(addressText(linksOf(op.address, op, ctx)))}${MARKS[op.from]} shall be replaced by ${MARKS[op.to]}`;
    case 'unchanged':
      return `${inLead(addressText(linksOf(op.address, {}, ctx)))}the change is made in the ${LANGUAGE_NAMES[op.changedIn]} text, the English text does not change`;
  }
}

/** Languages by name, as "the text in Kazakh" names them. */
const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', ru: 'Russian', kk: 'Kazakh' };

/** What follows a statement whose unit does not change in the other language: ", the text in Kazakh does not change". */
function untouchedClause(lang: Lang): string {
  return `, the text in ${LANGUAGE_NAMES[lang]} does not change`;
}

// ---------------------------------------------------------------- reading

const ORDINALS = ordinalForms('en');
const UNITS = Object.keys(NOUNS) as Unit[];

function readLink(c: Cursor): Link | null {
  const save = c.pos;
  if (c.takeAll('the', 'heading')) return { unit: 'heading', nums: [] };
  const token = c.peek();
  if (token === undefined) return null;
  for (const unit of UNITS) {
    const noun = NOUNS[unit];
    if (noun.number === 'none') continue;
    const plural = token === noun.pl.toLowerCase();
    if (!plural && token !== noun.sg.toLowerCase()) continue;
    c.pos += 1;
    const nums: string[] = [];
    const one = () => {
      if (noun.number === 'ordinal') {
        for (const o of ORDINALS) if (c.takeAll(...o.word.split(' '))) return String(o.n);
        return null;
      }
      const t = c.takeIf((x) => (noun.number === 'sub' ? /^\d+(?:-\d+)*\)$/ : /^\d+(?:-\d+)*$/).test(x));
      return t ? t.replace(/\)$/, '') : null;
    };
    const first = one();
    if (first === null) break;
    nums.push(first);
    while (plural) {
      const at = c.pos;
      if (c.take(',', 'and') === undefined) break;
      const next = one();
      if (next === null) {
        c.reset(at);
        break;
      }
      nums.push(next);
    }
    if (plural !== nums.length > 1) break;
    return { unit, nums };
  }
  c.reset(save);
  return null;
}

function readAddress(c: Cursor): ReadAddress | null {
  const head = readLink(c);
  if (!head) return null;
  const links = [head];
  for (;;) {
    const save = c.pos;
    if (!c.take('of')) break;
    const parent = readLink(c);
    if (!parent || parent.nums.length > 1) {
      c.reset(save);
      break;
    }
    links.unshift(parent);
  }
  return { links };
}

function readWords(c: Cursor): boolean {
  if (!c.take('the')) return false;
  return c.take('word', 'words', 'figure', 'figures') !== undefined;
}

function readStatement(frame: string, quotes: readonly string[], ctx: StatementContext): Operation[] | Unreadable {
  const c = new Cursor(frameTokens(frame).map((t) => t.toLowerCase()));
  const text = (i: number) => quotes[i] as string;
  const finish = finisher(c);
  return firstReading(c, [
    () => {
      if (!c.takeAll('throughout', 'the', 'text') || !readWords(c)) return null;
      const from = c.takeQuotes('and');
      if (!from.length || !c.take('shall') || !c.take('be')) return null;
      if (c.take('deleted')) return finish([{ op: 'throughout', replacements: from.map((i) => ({ from: text(i), to: '' })) }]);
      if (!c.take('replaced')) return null;
      c.take('respectively');
      if (!c.take('by') || !readWords(c)) return null;
      const to = c.takeQuotes('and');
      if (to.length !== from.length) return null;
      return finish([{ op: 'throughout', replacements: from.map((i, k) => ({ from: text(i), to: text(to[k] as number) })) }]);
    },
    () => {
      let where: ReadAddress | null = { links: [] };
      if (c.take('in')) {
        where = readAddress(c);
        if (!where) return null;
        c.take(',');
      }
      const w = where;
      const mark = readMark(c);
      if (mark !== null) {
        if (!c.takeAll('shall', 'be', 'replaced', 'by')) return null;
        const to = readMark(c);
        return to === null ? null : finish(toOperations(w, ctx, (t) => [{ op: 'mark', ...t, from: mark, to }]));
      }
      if (c.peek() === 'after' || c.peek() === 'before') {
        const before = c.take('after', 'before') === 'before';
        if (!readWords(c)) return null;
        const anchor = c.takeQuote();
        if (anchor < 0 || !c.take('add') || !readWords(c)) return null;
        const words = c.takeQuote();
        if (words < 0) return null;
        return finish(toOperations(w, ctx, (t) => [{ op: 'add', ...t, anchor: text(anchor), words: text(words), ...(before ? { before: true as const } : {}) }]));
      }
      if (!readWords(c)) return null;
      const from = c.takeQuotes('and');
      if (!from.length || !c.take('shall') || !c.take('be')) return null;
      if (c.take('deleted')) return finish(toOperations(w, ctx, (t) => from.map((i) => ({ op: 'delete', ...t, words: text(i) }))));
      if (!c.take('replaced')) return null;
      c.take('respectively');
      if (!c.take('by') || !readWords(c)) return null;
      const to = c.takeQuotes('and');
      if (to.length !== from.length) return null;
      return finish(toOperations(w, ctx, (t) => from.map((i, k) => ({ op: 'replace', ...t, from: text(i), to: text(to[k] as number) }))));
    },
    () => {
      const where = readAddress(c) ?? { links: [] };
      if (!c.takeAll('shall', 'be')) return null;
      if (c.take('excluded')) return finish(toOperations(where, ctx, (t) => (t.heading ? [] : [{ op: 'repeal', address: t.address, ...(t.line !== undefined ? { line: t.line } : {}) }])));
      if (c.take('considered')) {
        c.take('respectively');
        const to = readLink(c);
        if (!to) return null;
        return finish(toOperations(where, ctx, (t, k) => (t.heading || t.line !== undefined ? [] : [{ op: 'renumber', address: t.address, num: to.nums[k] ?? '' }]), to.nums.length));
      }
      if (c.takeAll('set', 'out', 'in', 'the', 'following', 'wording')) {
        c.skipPunctuation();
        const contents: number[] = [];
        for (let i = c.takeQuote(); i >= 0; i = c.takeQuote()) {
          contents.push(i);
          c.skipPunctuation();
        }
        return finish(toOperations(where, ctx, (t, k) => [{ op: 'restate', ...t, content: text(contents[k] as number) }], contents.length));
      }
      if (!c.takeAll('supplemented', 'by')) return null;
      if (readWords(c)) {
        const words = c.takeQuote();
        if (words < 0) return null;
        return finish(toOperations(where, ctx, (t) => [{ op: 'append', ...t, words: text(words) }]));
      }
      const unit = readLink(c);
      if (!unit || !c.takeAll('with', 'the', 'following', 'content')) return null;
      c.skipPunctuation();
      const content = c.takeQuote();
      if (content < 0) return null;
      return finish(insertions(where, unit, text(content), ctx, 'en'));
    },
  ]);
}

function readGroupHeader(frame: string): PathStep[] | null {
  const c = new Cursor(frameTokens(frame).map((t) => t.toLowerCase()));
  if (!c.take('in')) return null;
  const where = readAddress(c);
  return c.done ? groupSteps(where) : null;
}

/** English (unofficial translations). */
export const en: Grammar = {
  lang: 'en',
  statement,
  untouchedClause,
  groupHeader: (address, ctx) => `in ${addressText(linksOf(address, {}, ctx))}`,
  readStatement,
  readGroupHeader,
};
