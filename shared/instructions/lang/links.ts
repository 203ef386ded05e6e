import type { PathStep } from '../../amend/types';
import type { ProvisionKind } from '../../law/kinds';
import { canContain } from '../address';
import { relative, type StatementContext } from '../grammar';
import type { Operation, Within } from '../types';

/**
 * What a word in an address names: a kind of unit, an item "2)" of a code's article (a
 * subparagraph), a line (абзац) or the heading of a unit.
 */
export type Unit = ProvisionKind | 'item' | 'line' | 'heading';

/** One link of an address as read or written: its unit and number (several in a list). */
export interface Link {
  unit: Unit;
  nums: string[];
  /** The new unit of an insertion ("дополнить пунктом 2-1"), not a unit of the text. */
  insert?: true;
}

/** An address as read: its links, outermost first. */
export interface ReadAddress {
  links: Link[];
}

/** What an operation is about, when it is a unit of the text (or its heading, or one of its lines). */
export interface AddressTarget {
  address: PathStep[];
  heading?: true;
  line?: number;
}

/** What one operation is about, as read from an address: a unit of the text, or a new unit or line. */
export type Target = AddressTarget | { op: 'insert'; parent: PathStep[]; kind: ProvisionKind; num: string } | { op: 'insertLine'; address: PathStep[]; line: number };

/** Whether a target is a unit of the text (not a new unit). */
export function isAddress(target: Target): target is AddressTarget {
  return !('op' in target);
}

const kindOf = (unit: Unit): ProvisionKind => (unit === 'item' ? 'subparagraph' : (unit as ProvisionKind));

/** Whether a chain of units can stand in a law in that order (an article's subparagraphs through its own text). */
function chainOk(steps: readonly PathStep[]): boolean {
  for (let i = 0; i < steps.length; i++) {
    const parent = i === 0 ? 'act' : (steps[i - 1] as PathStep).kind;
    if (!canContain(parent, (steps[i] as PathStep).kind)) return false;
  }
  return true;
}

/**
 * What a read address names, with absolute addresses (the group's first): one target per number of
 * its last link (a list statement names several). A "part" of a paragraph or subparagraph is one of
 * its lines. Null when the address cannot stand in this group (the reader then tries the group
 * around it), or when `count` (the number of quoted texts or new numbers) does not match the list.
 */
export function targetsOf(read: ReadAddress, ctx: StatementContext, count?: number): Target[] | null {
  const links = read.links;
  if (links.length === 0) {
    if (ctx.group.length === 0) return null;
    if (count !== undefined && count !== 1) return null;
    return [{ address: [...ctx.group] }];
  }
  const head = links[links.length - 1] as Link;
  const steps: PathStep[] = [...ctx.group];
  for (const [i, link] of links.slice(0, -1).entries()) {
    if (link.unit === 'line' || link.unit === 'heading' || link.insert) return null;
    const parent = steps[steps.length - 1]?.kind;
    // A part of a paragraph is one of its lines, not a unit: its subparagraphs are the paragraph's
    // ("98-баптың 1-тармағы екінші бөлігінің 6) тармақшасы" is subparagraph 6) of paragraph 1).
    if (link.unit === 'part' && (parent === 'paragraph' || parent === 'subparagraph') && links[i + 1]?.unit !== 'line') continue;
    steps.push({ kind: kindOf(link.unit), num: link.nums[0] as string });
  }
  if (!chainOk(steps)) return null;
  const n = head.unit === 'heading' ? 1 : head.nums.length;
  if (count !== undefined && count !== n) return null;
  const parentKind = steps.length ? (steps[steps.length - 1] as PathStep).kind : null;
  const asLine = head.unit === 'line' || (head.unit === 'part' && (parentKind === 'paragraph' || parentKind === 'subparagraph'));
  if (asLine && steps.length === 0) return null;
  const out: Target[] = [];
  for (let k = 0; k < n; k++) {
    const num = head.nums[k] as string;
    let target: Target;
    if (head.unit === 'heading') target = { address: steps, heading: true };
    else if (asLine) target = head.insert ? { op: 'insertLine', address: steps, line: Number(num) } : { address: steps, line: Number(num) };
    else if (head.insert) {
      if (!canContain(parentKind ?? 'act', kindOf(head.unit))) return null;
      target = { op: 'insert', parent: steps, kind: kindOf(head.unit), num };
    } else {
      const address = [...steps, { kind: kindOf(head.unit), num }];
      if (!chainOk(address)) return null;
      target = { address };
    }
    out.push(target);
  }
  return out;
}

/**
 * The operations a read address stands for: `make` turns each of its targets (see targetsOf) into
 * operations; null when the address cannot stand here, or a target is not of the kind `make` takes.
 */
export function toOperations(read: ReadAddress, ctx: StatementContext, make: (target: AddressTarget, k: number) => Operation[], count?: number): Operation[] | null {
  const targets = targetsOf(read, ctx, count);
  if (!targets || !targets.every(isAddress)) return null;
  return targets.flatMap((t, k) => make(t as AddressTarget, k));
}

/**
 * The links a target is written with, relative to the group its statement stands in: its units
 * (a subparagraph of a code's article as an item), then its heading or line if it names one; `nums`
 * replaces the last link's number with a list ("подпункты 2) и 3)").
 */
export function linksOf(address: readonly PathStep[], within: Within, ctx: StatementContext, nums?: readonly string[]): Link[] {
  const rel = relative(address, ctx.group) ?? [...address];
  const offset = address.length - rel.length;
  const links: Link[] = rel.map((s, i) => ({ unit: s.kind === 'subparagraph' && ctx.code && address[offset + i - 1]?.kind === 'article' ? 'item' : s.kind, nums: [s.num] }));
  if (within.heading) links.push({ unit: 'heading', nums: [] });
  else if (within.line !== undefined) links.push({ unit: 'line', nums: [String(within.line)] });
  if (nums && links.length) (links[links.length - 1] as Link).nums = [...nums];
  return links;
}

/** The numbers a list statement names: each operation's line, or the number of the unit it is about. */
export function listNumbers(ops: readonly Operation[]): string[] {
  return ops.map((o) => ('line' in o && o.line !== undefined && o.op !== 'insertLine' ? String(o.line) : 'address' in o ? (o.address.at(-1)?.num ?? '') : ''));
}
