import type { PathStep } from '../amend/types';
import type { ProvisionKind } from '../law/kinds';
import type { Lang } from '../law/language';

/**
 * What of a unit a statement is about, besides its address: its heading (заголовок / тақырыбы),
 * or one of its lines (абзац), counted from 1. Neither: the unit itself, or its text.
 */
export interface Within {
  heading?: true;
  line?: number;
}

/** One replacement of a "throughout the text" statement: `to` is '' for words taken out. */
export interface Replacement {
  from: string;
  to: string;
}

/**
 * One operation of an amending law on the text it amends. Addresses name units by their numbers in
 * the text being amended (parts by position, an article's own text with its article), as amending
 * laws do; an address never depends on another operation of the same law: every address is read in
 * the text as it was before the law.
 * - `restate`: the unit set out anew (`content` is the unit as printed), or its heading or one line;
 * - `insert`: a new unit under `parent` (`[]`: the act itself), numbered `num` (parts by position);
 * - `insertLine`: a new line that becomes line `line` of the unit;
 * - `repeal`: the unit excluded (it stays as a stub), or one line taken out;
 * - `renumber`: the unit is numbered `num` from now on;
 * - `replace` / `add` / `append` / `delete`: words in the unit's text, heading or line — replaced,
 *   added after (or `before`) an anchor, added at the end, taken out;
 * - `mark`: the punctuation mark that ends the text replaced ("точку заменить точкой с запятой", as
 *   when a subparagraph is added after the last one);
 * - `throughout`: words replaced (or taken out) wherever they stand in the act, as whole words;
 * - `unchanged`: the unit's text in this language stays as it is, the change being made in the
 *   other official language's text (`changedIn`): "изменение вносится в текст на казахском языке,
 *   текст на русском языке не изменяется". It keeps the two amending laws statement for statement.
 *
 * `untouchedIn` on a statement about a unit: the text in that language does not change, written
 * after the statement ("…, текст на казахском языке не изменяется").
 */
export type Operation = (
  | ({ op: 'restate'; address: PathStep[]; content: string } & Within)
  | { op: 'insert'; parent: PathStep[]; kind: ProvisionKind; num: string; content: string }
  | { op: 'insertLine'; address: PathStep[]; line: number; content: string }
  | { op: 'repeal'; address: PathStep[]; line?: number }
  | { op: 'renumber'; address: PathStep[]; num: string }
  | ({ op: 'replace'; address: PathStep[]; from: string; to: string } & Within)
  | ({ op: 'add'; address: PathStep[]; anchor: string; words: string; before?: true } & Within)
  | ({ op: 'append'; address: PathStep[]; words: string } & Within)
  | ({ op: 'delete'; address: PathStep[]; words: string } & Within)
  | ({ op: 'mark'; address: PathStep[]; from: string; to: string } & Within)
  | { op: 'throughout'; replacements: Replacement[] }
  | { op: 'unchanged'; address: PathStep[]; changedIn: Lang }
) & { untouchedIn?: Lang };

/** The operations that change words of a unit. */
export type WordOperation = Extract<Operation, { op: 'replace' | 'add' | 'append' | 'delete' | 'mark' }>;

/** The punctuation marks that can end a unit's text, which a `mark` operation replaces. */
export const FINAL_MARKS: readonly string[] = ['.', ';', ',', ':'];

/** A text that ends with one of the FINAL_MARKS: words added at its end go before the mark. */
export const FINAL_MARK = /[.;:,]$/;

/**
 * Words that begin with punctuation join the word before them without a space: the planner writes
 * and the applier carries out the same spacing (apply-ops.ts, word-ops.ts).
 */
export const JOINS_LEFT = /^[,.;:)\]»“’]/u;

/** The settings of rendering that are a drafter's judgement or depend on the act. */
export interface InstructionOptions {
  /** The same word replacement in at least this many units becomes one "throughout the text" instruction. */
  throughoutMin: number;
  /**
   * The amended act is a code: items numbered "2)" that stand directly in an article are its
   * "пункты" ("в пункте 2) статьи 3" / "3-баптың 2) тармағы"), not subparagraphs (DOMAIN.md).
   */
  code: boolean;
  /**
   * Replacements the drafter made "throughout the text" of the act (a package-wide replacement),
   * each group one statement with its word forms: written so whatever the count, as long as the
   * statements give the draft.
   */
  throughout: readonly (readonly Replacement[])[];
}

/** The default settings. */
export const DEFAULT_INSTRUCTION_OPTIONS: InstructionOptions = { throughoutMin: 3, code: false, throughout: [] };

/** An instruction that cannot be read or carried out on the text, naming the instruction and the unit. */
export class InstructionError extends Error {
  override readonly name = 'InstructionError';
}
