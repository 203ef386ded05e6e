import type { PathStep } from '../amend/types';
import { isWordToken, tokenize } from '../diff/tokenize';
import type { Lang } from '../law/language';
import type { Operation } from './types';

/**
 * How one language writes and reads amending statements (DOMAIN.md, "Real amending laws"): the
 * forms of unit words, addresses, the formulas. Each language is a module of its own (lang/ru.ts,
 * lang/kk.ts, lang/en.ts); the layout of an amending law around the statements (render.ts,
 * parse.ts) is shared.
 */
export interface Grammar {
  readonly lang: Lang;
  /**
   * One statement carrying out `ops`: a single operation, or several of one kind on units of one
   * parent written as one statement ("подпункты 2) и 3) исключить"). Addresses are written relative to
   * the group the statement stands in (`ctx.group`, a prefix of every address).
   */
  statement(ops: readonly Operation[], ctx: StatementContext): string;
  /** What a statement ends with when its unit's text in `lang` (the other official language) does not change: ", текст на казахском языке не изменяется". */
  untouchedClause(lang: Lang): string;
  /** The header of a group of statements about one unit ("в статье 5:" without its colon), relative to the enclosing group. */
  groupHeader(address: readonly PathStep[], ctx: StatementContext): string;
  /**
   * Reads a statement whose quoted texts were taken out (`frame` has ⟦0⟧, ⟦1⟧…), relative to the
   * group it stands in: its operations with absolute addresses, or why it cannot be read.
   */
  readStatement(frame: string, quotes: readonly string[], ctx: StatementContext): Operation[] | Unreadable;
  /** Reads a group header (its frame without the final colon): the unit's address relative to the group, or null. */
  readGroupHeader(frame: string, ctx: StatementContext): PathStep[] | null;
}

/** Where a statement stands: the address of its group (empty at the level of the act), and the act's kind. */
export interface StatementContext {
  group: readonly PathStep[];
  /** The amended act is a code: its articles' items "2)" are "пункты" (InstructionOptions.code). */
  code: boolean;
}

/** A statement that is not one of the formulas: why, for the person reading the report. */
export interface Unreadable {
  unreadable: string;
}

/** Whether a reading failed. */
export function isUnreadable(value: Operation[] | Unreadable): value is Unreadable {
  return !Array.isArray(value);
}

/**
 * What a quoted text is, for the noun that names it: one word or several ("слово" / "слова",
 * "деген сөз" / "деген сөздер"), one digit or a number ("цифру" / "цифры"). Practice counts the
 * words inside the quote, not the quotes (a hyphenated word is one word).
 */
export type QuoteKind = 'word' | 'words' | 'digit' | 'digits';

/** The kind of a quoted text (see QuoteKind). */
export function quoteKind(text: string): QuoteKind {
  if (/\d/.test(text) && /^[\d\s.,\-–/]+$/u.test(text)) return /^\d$/.test(text.trim()) ? 'digit' : 'digits';
  const words = tokenize(text).filter(isWordToken).length;
  return words === 1 && !/\s/.test(text.trim()) ? 'word' : 'words';
}

/** The kind that names several quoted texts at once ("слова «а», «б»"): always plural. */
export function listKind(texts: readonly string[]): QuoteKind {
  if (texts.length === 1) return quoteKind(texts[0] as string);
  return texts.every((t) => quoteKind(t).startsWith('digit')) ? 'digits' : 'words';
}

/** "a", "a и b", "a, b и c" (the conjunction given). */
export function joinList(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** The tokens of a statement's frame: words (with inner hyphens), numbers ("5-1", "3)", "5-1)"), quote marks, punctuation. */
export function frameTokens(frame: string): string[] {
  return frame.match(/⟦\d+⟧|\d+(?:-\d+)*\)?(?:-[\p{L}\p{M}]+)?|[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*|[,:;.()–-]/gu) ?? [];
}

/** The index of a quote mark token ("⟦2⟧" gives 2), or -1. */
export function quoteIndex(token: string | undefined): number {
  const m = token === undefined ? null : /^⟦(\d+)⟧$/.exec(token);
  return m ? Number(m[1]) : -1;
}

/** Steps relative to a group: the address without the group's prefix (null if the group is not its prefix). */
export function relative(address: readonly PathStep[], group: readonly PathStep[]): PathStep[] | null {
  if (group.length > address.length) return null;
  for (let i = 0; i < group.length; i++) if (group[i]!.kind !== address[i]!.kind || group[i]!.num !== address[i]!.num) return null;
  return address.slice(group.length);
}
