import type { PathStep } from '../amend/types';
import type { ProvisionKind } from '../law/kinds';

/**
 * One operation of an amending law on the text it amends. Addresses name units by their numbers in
 * the text being amended (parts by position), as amending laws do; an address never depends on
 * another operation of the same law.
 */
export type Operation =
  | { op: 'restate'; address: PathStep[]; content: string }
  | { op: 'insert'; parent: PathStep[]; kind: ProvisionKind; num: string; content: string }
  | { op: 'repeal'; address: PathStep[] }
  | { op: 'replace'; address: PathStep[]; heading: boolean; from: string; to: string }
  | { op: 'add'; address: PathStep[]; heading: boolean; after: string; words: string }
  | { op: 'delete'; address: PathStep[]; heading: boolean; words: string }
  | { op: 'throughout'; from: string; to: string };

/** The settings of rendering that are a drafter's judgement. */
export interface InstructionOptions {
  /** The same word replacement in at least this many units becomes one "throughout the text" instruction. */
  throughoutMin: number;
}

/** The default settings. */
export const DEFAULT_INSTRUCTION_OPTIONS: InstructionOptions = { throughoutMin: 3 };

/** An instruction that cannot be carried out on the text, naming the instruction and the unit. */
export class InstructionError extends Error {
  override readonly name = 'InstructionError';
}
