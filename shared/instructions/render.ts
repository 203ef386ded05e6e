import type { PathStep } from '../amend/types';
import type { Lang } from '../law/language';
import { FIXED_LINES } from './formulas';
import { relative, type Grammar, type StatementContext } from './grammar';
import { GRAMMARS } from './lang';
import type { Operation } from './types';

/** One amended act of an amending law: how it is cited, what is done to it, and whether it is a code. */
export interface ActInstructions {
  /** The act as cited in its lead-in: "Закон Республики Казахстан от 1 июля 2024 года «О …»". */
  citation: string;
  operations: Operation[];
  /** The act is a code (its articles' items "2)" are "пункты"; InstructionOptions.code). */
  code?: boolean;
}

const same = (a: readonly PathStep[], b: readonly PathStep[]) => a.length === b.length && a.every((s, i) => s.kind === b[i]!.kind && s.num === b[i]!.num);
const parentOf = (address: readonly PathStep[]) => address.slice(0, -1);

/** The address an operation is about, for grouping (an insertion: its parent). */
function anchorOf(op: Operation): PathStep[] | null {
  if (op.op === 'throughout') return null;
  return op.op === 'insert' ? op.parent : op.address;
}

/**
 * Whether an operation can be written inside a group about `group`: its unit is under the group's
 * unit (or is that unit, for words, lines, its heading, or what is added to it).
 */
function fitsGroup(op: Operation, group: readonly PathStep[]): boolean {
  const anchor = anchorOf(op);
  if (!anchor || group.length === 0) return group.length === 0;
  const rel = relative(anchor, group);
  if (rel === null) return false;
  if (rel.length > 0) return true;
  switch (op.op) {
    case 'insert':
    case 'insertLine':
    case 'replace':
    case 'add':
    case 'append':
    case 'delete':
    case 'mark':
      return true;
    case 'restate':
    case 'repeal':
      return op.line !== undefined || (op.op === 'restate' && op.heading === true);
    default:
      return false;
  }
}

/**
 * Whether two operations can be one statement with a list ("подпункты 2) и 3) исключить",
 * "дополнить пунктами 4 и 5 …", "абзацы второй и третий исключить"): the same operation on
 * siblings of one kind, or on lines of one unit.
 */
function joinable(a: Operation, b: Operation): boolean {
  // A statement's clause "текст на казахском языке не изменяется" is about all its units: only alike ones join.
  if (a.op !== b.op || a.untouchedIn !== b.untouchedIn) return false;
  switch (a.op) {
    case 'repeal':
    case 'restate':
    case 'renumber': {
      const x = a as { address: PathStep[]; line?: number; heading?: true };
      const y = b as { address: PathStep[]; line?: number; heading?: true };
      if (x.heading || y.heading) return false;
      if (x.line !== undefined || y.line !== undefined) return a.op !== 'renumber' && x.line !== undefined && y.line !== undefined && same(x.address, y.address);
      const last = x.address.at(-1);
      return last !== undefined && last.kind !== 'part' && last.kind === y.address.at(-1)?.kind && same(parentOf(x.address), parentOf(y.address));
    }
    case 'insert': {
      const y = b as typeof a;
      return a.kind === y.kind && a.kind !== 'part' && same(a.parent, y.parent);
    }
    default:
      return false;
  }
}

/** One statement with, when its unit does not change in the other language, the clause that says so. */
function statementText(grammar: Grammar, ops: readonly Operation[], ctx: StatementContext): string {
  const untouched = ops.find((op) => op.untouchedIn)?.untouchedIn;
  return `${grammar.statement(ops, ctx)}${untouched ? grammar.untouchedClause(untouched) : ''}`;
}

/** Runs of operations that make one statement each, in order. */
function statements(ops: readonly Operation[]): Operation[][] {
  const out: Operation[][] = [];
  for (const op of ops) {
    const last = out[out.length - 1];
    if (last && joinable(last[last.length - 1] as Operation, op)) last.push(op);
    else out.push([op]);
  }
  return out;
}

/**
 * Contiguous runs of operations by the next unit below `group` they are about (null: the group's
 * own unit, or the act). An operation that makes one list statement with the run before it (the
 * same operation on the next sibling: "пункты 2 и 3 исключить") joins that run, when the run is one
 * statement, so that the list is not split by its units.
 */
function runsBelow(ops: readonly Operation[], group: readonly PathStep[]): { key: PathStep | null; ops: Operation[] }[] {
  const runs: { key: PathStep | null; ops: Operation[] }[] = [];
  for (const op of ops) {
    const anchor = anchorOf(op);
    const key = anchor && relative(anchor, group) !== null ? (anchor[group.length] ?? null) : null;
    const last = runs[runs.length - 1];
    if (last && last.key && key && last.key.kind === key.kind && last.key.num === key.num) last.ops.push(op);
    else if (last && statements(last.ops).length === 1 && joinable(last.ops[last.ops.length - 1] as Operation, op)) last.ops.push(op);
    else runs.push({ key, ops: [op] });
  }
  return runs;
}

/**
 * The lines of a group's statements: a unit with two statements or more about it gets a group of
 * its own ("в пункте 2:" and its statements), one level deeper; the rest are statements relative to
 * the group. Statements end with ";" (the caller ends the last one with "."), headers with ":".
 */
function groupLines(grammar: Grammar, ops: readonly Operation[], group: readonly PathStep[], code: boolean): string[] {
  const lines: string[] = [];
  const ctx: StatementContext = { group, code };
  for (const run of runsBelow(ops, group)) {
    const inner = run.key ? [...group, run.key] : null;
    if (inner && group.length > 0 && statements(run.ops).length >= 2 && run.ops.every((op) => fitsGroup(op, inner))) {
      lines.push(`${grammar.groupHeader(inner, ctx)}:`, ...groupLines(grammar, run.ops, inner, code));
      continue;
    }
    for (const s of statements(run.ops)) lines.push(`${statementText(grammar, s, ctx)};`);
  }
  return lines;
}

/**
 * The numbered items of one act: "1) …;", with two statements or more about one article gathered
 * under "в статье 5:" (and, inside it, about one paragraph under "в пункте 2:"), in the order
 * given (the law's order). One item alone is not numbered. The last statement ends with a full stop.
 */
export function renderItems(lang: Lang, ops: readonly Operation[], code = false): string[] {
  const grammar = GRAMMARS[lang];
  const items: string[][] = [];
  for (const run of runsBelow(ops, [])) {
    const article = run.key?.kind === 'article' ? [run.key] : null;
    if (article && statements(run.ops).length >= 2 && run.ops.every((op) => fitsGroup(op, article))) {
      items.push([`${grammar.groupHeader(article, { group: [], code })}:`, ...groupLines(grammar, run.ops, article, code)]);
    } else {
      for (const s of statements(run.ops)) items.push([`${statementText(grammar, s, { group: [], code })};`]);
    }
  }
  const last = items[items.length - 1];
  if (last) last[last.length - 1] = (last[last.length - 1] as string).replace(/;$/, '.');
  return items.map((lines, i) => (items.length > 1 ? `${i + 1}) ${lines.join('\n')}` : lines.join('\n')));
}

/**
 * The text of an amending law: Article 1 with its lead-in and the changes to each act (several acts
 * are listed as 1., 2., … with their citations), then the article on entry into force.
 */
export function renderAmendingLaw(lang: Lang, acts: readonly ActInstructions[]): string {
  const fixed = FIXED_LINES[lang];
  const lines: string[] = [];
  if (acts.length === 1) {
    const act = acts[0] as ActInstructions;
    lines.push(fixed.leadIn(act.citation, act.operations), ...renderItems(lang, act.operations, act.code));
  } else {
    lines.push(fixed.multiLeadIn);
    acts.forEach((act, i) => lines.push(fixed.actLeadIn(i + 1, act.citation), ...renderItems(lang, act.operations, act.code)));
  }
  lines.push('', fixed.entryIntoForce(2));
  return `${lines.join('\n')}\n`;
}
