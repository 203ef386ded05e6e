import type { PathStep } from '../amend/types';
import type { Lang } from '../law/language';
import { FORMULAS, quote } from './formulas';
import { addressText, unitWord } from './grammar';
import type { Operation } from './types';

/** One amended act of an amending law: how it is cited, and what is done to it. */
export interface ActInstructions {
  /** The act as cited: "Закон Республики Казахстан от 1 июля 2024 года № 103-VIII «О …»". */
  citation: string;
  operations: Operation[];
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

/** The article an operation is written under ("в статье 5:"), or null if it stands alone. */
export function groupArticle(op: Operation): PathStep | null {
  if (op.op === 'throughout') return null;
  const address = op.op === 'insert' ? op.parent : op.address;
  const first = address[0];
  if (first?.kind !== 'article') return null;
  if (op.op === 'insert') return first;
  if (address.length > 1) return first;
  return op.op === 'replace' || op.op === 'add' || op.op === 'delete' ? (op.heading ? first : null) : null;
}

/** The chain of a unit in the genitive ("статьи 5" / "5-баптың" / "Article 5"), for "in the heading of …". */
function ofChain(lang: Lang, steps: readonly PathStep[]): string {
  if (lang === 'ru') return [...steps].reverse().map((s) => unitWord('ru', s, 'of')).join(' ');
  if (lang === 'kk') return steps.map((s) => unitWord('kk', s, 'of')).join(' ');
  return [...steps].reverse().map((s) => unitWord('en', s, 'head')).join(' of ');
}

/** One operation as a statement, its address relative to `within` (the group's article) if given. */
export function renderOperation(lang: Lang, op: Operation, within: PathStep | null): string {
  const f = FORMULAS[lang];
  const rel = (steps: readonly PathStep[]) => (within ? steps.slice(1) : steps);
  switch (op.op) {
    case 'throughout':
      return fill(f.throughout, { Q1: quote(lang, op.from), Q2: quote(lang, op.to) });
    case 'restate':
      return fill(f.restate, { A: addressText(lang, rel(op.address), 'head'), C: quote(lang, op.content) });
    case 'repeal':
      return fill(f.repeal, { A: addressText(lang, rel(op.address), 'head') });
    case 'insert': {
      const K = unitWord(lang, { kind: op.kind, num: op.num }, lang === 'en' ? 'head' : 'with');
      const parent = rel(op.parent);
      const C = quote(lang, op.content);
      return parent.length ? fill(f.insertInto, { A: addressText(lang, parent, 'head'), K, C }) : fill(f.insertHere, { K, C });
    }
    case 'replace':
    case 'add':
    case 'delete': {
      const steps = rel(op.address);
      const AI = op.heading ? (steps.length ? fill(f.headingOf, { OF: ofChain(lang, steps) }) : f.heading) : addressText(lang, steps, 'in');
      if (op.op === 'replace') return fill(f.replace, { AI, Q1: quote(lang, op.from), Q2: quote(lang, op.to) });
      if (op.op === 'add') return fill(f.add, { AI, Q1: quote(lang, op.after), Q2: quote(lang, op.words) });
      return fill(f.delete, { AI, Q1: quote(lang, op.words) });
    }
  }
}

/**
 * The numbered items of one act: "1) …;", with the changes to one article gathered under
 * "в статье 5:" in the order given (the law's order). The last statement ends with a full stop.
 */
export function renderItems(lang: Lang, ops: readonly Operation[]): string[] {
  const f = FORMULAS[lang];
  const items: { article: PathStep | null; statements: string[] }[] = [];
  for (const op of ops) {
    const article = groupArticle(op);
    const last = items[items.length - 1];
    if (article && last?.article?.num === article.num) last.statements.push(renderOperation(lang, op, article));
    else items.push({ article, statements: [renderOperation(lang, op, article)] });
  }
  return items.map((item, i) => {
    const final = i === items.length - 1;
    const body = item.statements.map((s, j) => `${s}${final && j === item.statements.length - 1 ? '.' : ';'}`).join('\n');
    const header = item.article ? `${fill(f.group, { IN: addressText(lang, [item.article], 'in') })}\n` : '';
    return `${i + 1}) ${header}${body}`;
  });
}

/**
 * The text of an amending law: Article 1 with its lead-in and the changes to each act (several acts
 * are listed as 1., 2., … with their citations), then the article on entry into force.
 */
export function renderAmendingLaw(lang: Lang, acts: readonly ActInstructions[]): string {
  const f = FORMULAS[lang];
  const lines: string[] = [];
  if (acts.length === 1) {
    const act = acts[0] as ActInstructions;
    lines.push(fill(f.leadIn, { T: act.citation }), ...renderItems(lang, act.operations));
  } else {
    lines.push(f.multiLeadIn);
    acts.forEach((act, i) => lines.push(fill(f.actLeadIn, { N: String(i + 1), T: act.citation }), ...renderItems(lang, act.operations)));
  }
  lines.push('', fill(f.entryIntoForce, { N: '2' }));
  return `${lines.join('\n')}\n`;
}
