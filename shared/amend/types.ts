import type { DiffOp } from '../diff/ops';
import type { ProvisionKind } from '../law/kinds';
import type { ProvisionJSON } from '../law/json';

/**
 * What an amendment does to one provision, in the terms of legislative technique:
 * - `words`: some words replaced, added or deleted ("слова «…» заменить словами «…»");
 * - `restate`: the unit set out anew ("изложить в следующей редакции");
 * - `insert`: a new unit ("дополнить пунктом 5-1");
 * - `repeal`: the unit excluded, kept as a stub or removed ("исключить");
 * - `renumber`: only the number changed;
 * - `move`: the unit stands elsewhere (its text may also have changed).
 */
export type AmendmentKind = 'words' | 'restate' | 'insert' | 'repeal' | 'renumber' | 'move';

/** A provision's own state, without its children. */
export interface UnitState {
  uid: string;
  kind: ProvisionKind;
  num: string;
  heading: string;
  text: string;
  repealed: boolean;
  notes: string[];
}

/** One step of a unit's address: its kind and number (parts: their position among parts, from 1). */
export interface PathStep {
  kind: ProvisionKind;
  num: string;
}

/** Where a unit stands in the draft: under which parent (null: the top), after which sibling (null: first). */
export interface Placement {
  parentUid: string | null;
  afterUid: string | null;
}

/**
 * One changed provision: the entry every output (redline, comparative table, amending law, gap
 * coverage) is a view of. Derived from base and draft (derive.ts); apply.ts turns base and a list of
 * these back into the draft.
 */
export interface Amendment {
  /** The provision's uid: in the draft, or in the base for a removed unit. People's notes attach to (package, uid). */
  uid: string;
  /** The uid of the aligned base unit when it differs (texts imported separately, aligned by eId or text). */
  baseUid?: string;
  kind: AmendmentKind;
  /** The unit's eId in the base (for an insert, in the draft). */
  eId: string;
  /** The unit's address from the top, in the base (for an insert, in the draft). */
  path: PathStep[];
  /** The unit before (null for an insert). */
  base: UnitState | null;
  /** The unit after (null when it is removed from the text altogether). */
  proposed: UnitState | null;
  /** The word diff of the unit's text, base to proposed. */
  ops: DiffOp[];
  /** The word diff of the heading (sections, chapters, articles), base to proposed. */
  headingOps: DiffOp[];
  /** For inserts and units that moved (whatever else changed): where the unit stands in the draft. */
  placement?: Placement;
  /** For an insert: the new units under the inserted one. */
  insertedChildren?: ProvisionJSON[];
  /**
   * Units under this one that leave the text with it (the content of a removed or repealed unit),
   * in document order, with their texts: the comparative table shows them as the current wording.
   */
  dropped: UnitState[];
}

/** Settings of derivation that are a drafter's judgement (DOMAIN.md, "Word choice between replace and restate"). */
export interface DeriveOptions {
  /** Restate instead of listing word changes when more than this share of the unit's words changes. */
  restateShare: number;
  /** Restate when a unit has more than this many separate word edits. */
  restateEdits: number;
  /** Reports diff defects (timeouts); they are never shown as results. */
  onDefect?(message: string): void;
}

/** The default settings. */
export const DEFAULT_DERIVE_OPTIONS: DeriveOptions = { restateShare: 0.5, restateEdits: 3 };
