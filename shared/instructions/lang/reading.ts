import type { PathStep } from '../../amend/types';
import type { Lang } from '../../law/language';
import type { ProvisionKind } from '../../law/kinds';
import { splitQuotedLines, splitQuotedUnits } from '../content';
import type { StatementContext, Unreadable } from '../grammar';
import type { Operation } from '../types';
import type { Cursor } from './cursor';
import { isAddress, targetsOf, type Link, type ReadAddress } from './links';

/** One way a statement may be read: its operations, or null when the statement is not of that shape. */
export type Attempt = () => Operation[] | null;

/**
 * What every language's reader does around its formulas: each attempt is tried from the start of
 * the statement, the first that reads it all wins; none: the statement is not one of the formulas.
 */
export function firstReading(c: Cursor, attempts: readonly Attempt[]): Operation[] | Unreadable {
  for (const attempt of attempts) {
    c.reset(0);
    const ops = attempt();
    if (ops) return ops;
  }
  return { unreadable: 'not one of the amending formulas' };
}

/** A formula's ending: the operations, if the statement ends there (punctuation aside) and names something. */
export function finisher(c: Cursor): (ops: Operation[] | null) => Operation[] | null {
  return (ops) => {
    if (!ops || ops.length === 0) return null;
    c.skipPunctuation();
    return c.done ? ops : null;
  };
}

/**
 * The insertions of "дополнить пунктами 4 и 5 следующего содержания: «4. …\n5. …»": one operation
 * per new unit (or line), each with its part of the quoted text (lines: one line each); null when
 * the quote does not hold those units, or the address cannot hold them.
 */
export function insertions(where: ReadAddress, unit: Link, content: string, ctx: StatementContext, lang: Lang): Operation[] | null {
  const targets = targetsOf({ links: [...where.links, { ...unit, insert: true }] }, ctx);
  if (!targets || targets.some(isAddress)) return null;
  const kind: ProvisionKind = unit.unit === 'item' ? 'subparagraph' : (unit.unit as ProvisionKind);
  const asLines = targets.every((t) => 'op' in t && t.op === 'insertLine');
  const contents = targets.length === 1 ? [content] : asLines ? splitQuotedLines(content, targets.length) : splitQuotedUnits(content, kind, unit.nums, lang);
  if (!contents) return null;
  return targets.map((t, k) => ({ ...t, content: contents[k] as string }) as Operation);
}

/** The units a group header names ("в статье 5", "5-бапта"): one unit each, no heading, line or list. */
export function groupSteps(where: ReadAddress | null | undefined): PathStep[] | null {
  if (!where || where.links.some((l) => l.nums.length !== 1 || l.unit === 'heading' || l.unit === 'line')) return null;
  return where.links.map((l) => ({ kind: l.unit === 'item' ? 'subparagraph' : (l.unit as ProvisionKind), num: l.nums[0] as string }));
}
