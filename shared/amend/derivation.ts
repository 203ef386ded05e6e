import type { DiffOp } from '../diff/ops';
import { changeStats, wordDiff } from '../diff/words';
import type { ProvisionJSON } from '../law/json';
import type { LawDoc, Provision } from '../law/provision';
import { align } from './align';
import { movedUnits } from './moves';
import { indexTree, pathOf, stateOf, type IndexedUnit, type TreeIndex } from './tree-index';
import { DEFAULT_DERIVE_OPTIONS, type Amendment, type AmendmentKind, type DeriveOptions, type Placement, type UnitState } from './types';

/**
 * A text in force indexed once, for the derivations made against it again and again (the editor
 * re-derives after each structural edit; the text in force does not change). The law must not be
 * changed afterwards.
 */
export interface IndexedBase {
  readonly law: LawDoc;
  readonly index: TreeIndex;
}

/** Indexes a text in force for repeated derivations (see IndexedBase). */
export function indexBase(law: LawDoc): IndexedBase {
  return { law, index: indexTree(law) };
}

/**
 * The version of how amendments are derived: raised whenever derive gives something else for the
 * same two texts (eIds, kinds, what an amendment holds), so that stored lists made before are
 * derived again (electron/services/amendments.ts).
 */
export const DERIVATION_VERSION = 2;

/** Remembers word diffs by their two texts, so re-deriving after an edit diffs only what changed. */
export type DiffCache = Map<string, DiffOp[]>;

/**
 * The amendments between a base and a draft, kept up to date as the draft's texts change.
 * Building one pairs the units (align.ts), finds moves (moves.ts) and derives every amendment;
 * `updateText` then re-derives a single provision in time independent of the law's size, which is
 * what the editor calls as the drafter types. A structural edit (a unit added, removed, moved,
 * renumbered) needs a new Derivation; the diff cache makes that cheap for unchanged texts.
 * The draft passed in belongs to the Derivation from then on: updateText writes into it.
 */
export class Derivation {
  private readonly opts: DeriveOptions;
  private readonly bi: TreeIndex;
  private readonly di: TreeIndex;
  private readonly pairs: Map<string, string>;
  private readonly baseToDraft: Map<string, string>;
  private readonly moved: Set<string>;
  private readonly newlyRepealed = new Set<string>();
  /** Amendments by uid with their place in the law's order. */
  private readonly entries = new Map<string, { key: number; amendment: Amendment }>();
  private sorted: Amendment[] | null = null;

  constructor(
    base: LawDoc | IndexedBase,
    private readonly draft: LawDoc,
    options: Partial<DeriveOptions> = {},
    private readonly cache: DiffCache = new Map(),
  ) {
    this.opts = { ...DEFAULT_DERIVE_OPTIONS, ...options };
    this.bi = 'index' in base ? base.index : indexTree(base);
    this.di = indexTree(draft);
    ({ pairs: this.pairs, reverse: this.baseToDraft } = align(this.bi, this.di));
    this.moved = movedUnits(this.bi, draft, this.pairs);
    for (const [uid, d] of this.di) {
      const baseUid = this.pairs.get(uid);
      if (baseUid) {
        if (d.unit.repealed && !this.bi.get(baseUid)?.unit.repealed) this.newlyRepealed.add(baseUid);
        this.set(uid, d.order, this.changeOf(uid));
      } else if (d.parentUid === null || this.pairs.has(d.parentUid)) {
        // Only the top of a new subtree is an amendment; the units under it travel with it.
        this.set(uid, d.order, this.insertion(d));
      }
    }
    this.addRemovals();
  }

  /** The amendments, in the order of the law. */
  list(): Amendment[] {
    this.sorted ??= [...this.entries.values()].sort((x, y) => x.key - y.key).map((e) => e.amendment);
    return this.sorted;
  }

  /** The amendment of one provision (by its draft uid, or base uid for a removed unit), if it changed. */
  amendmentOf(uid: string): Amendment | undefined {
    return this.entries.get(uid)?.amendment;
  }

  /** Whether a draft unit is new (not in the base): it is, or is inside, an inserted unit. */
  isNew(uid: string): boolean {
    return this.di.has(uid) && !this.pairs.has(uid);
  }

  /**
   * The heading or text of one draft unit changed (nothing else did): re-derives its amendment,
   * or that of the new unit it belongs to. Returns the uid whose amendment was re-derived (the
   * unit's, or the inserted unit's it is under), or null if the unit is unknown (then rebuild).
   */
  updateText(uid: string, heading: string, text: string): string | null {
    const d = this.di.get(uid);
    if (!d) return null;
    d.unit.heading = heading;
    d.unit.text = text;
    if (this.pairs.has(uid)) {
      this.set(uid, d.order, this.changeOf(uid));
      return uid;
    }
    let top = d;
    while (top.parentUid !== null && !this.pairs.has(top.parentUid)) top = this.di.get(top.parentUid) as IndexedUnit;
    this.set(top.unit.uid, top.order, this.insertion(top));
    return top.unit.uid;
  }

  /**
   * Where an amendment sorts in the law's order (list() is sorted by it): its unit's position in
   * the draft, a removed unit's just after the last unit before it that remains. Undefined for a
   * uid without an amendment.
   */
  sortKey(uid: string): number | undefined {
    return this.entries.get(uid)?.key;
  }

  private set(uid: string, key: number, amendment: Amendment | null): void {
    if (amendment) this.entries.set(uid, { key, amendment });
    else this.entries.delete(uid);
    this.sorted = null;
  }

  private diff(a: string, b: string): DiffOp[] {
    if (a === b) return a ? [[0, a]] : [];
    const key = `${a}\u0000${b}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const ops = wordDiff(a, b, { onDefect: this.opts.onDefect });
    this.cache.set(key, ops);
    return ops;
  }

  /** Base units under `unit` that are gone from the draft (not moved elsewhere). */
  private removedUnder(unit: Provision): UnitState[] {
    const out: UnitState[] = [];
    const walk = (u: Provision) => {
      if (this.baseToDraft.has(u.uid)) return;
      out.push(stateOf(u));
      u.children.forEach(walk);
    };
    unit.children.forEach(walk);
    return out;
  }

  /** The amendment of a unit present in both versions, or null if it did not change. */
  private changeOf(uid: string): Amendment | null {
    const d = this.di.get(uid) as IndexedUnit;
    const baseUid = this.pairs.get(uid) as string;
    const b = this.bi.get(baseUid) as IndexedUnit;
    const repealedNow = this.newlyRepealed.has(baseUid);
    const dropped = repealedNow ? this.removedUnder(b.unit) : [];
    const textChanged = b.unit.text !== d.unit.text || b.unit.heading !== d.unit.heading || b.unit.repealed !== d.unit.repealed;
    const isMoved = this.moved.has(uid);
    if (!textChanged && !isMoved && b.unit.num === d.unit.num && dropped.length === 0) return null;
    const ops = this.diff(b.unit.text, d.unit.text);
    const headingOps = this.diff(b.unit.heading, d.unit.heading);
    let kind: AmendmentKind;
    if (repealedNow) kind = 'repeal';
    else if (isMoved) kind = 'move';
    else if (textChanged) kind = b.unit.repealed ? 'restate' : this.wordsOrRestate(ops, headingOps);
    else kind = 'renumber';
    return {
      uid,
      ...(uid !== baseUid ? { baseUid } : {}),
      kind,
      eId: b.unit.eId,
      path: pathOf(this.bi, baseUid),
      base: stateOf(b.unit),
      proposed: { ...stateOf(d.unit), notes: [...b.unit.notes] },
      ops,
      headingOps,
      ...(isMoved ? { placement: this.placementOf(d) } : {}),
      dropped,
    };
  }

  /**
   * Word edits or a restatement, by the share of words changed (deleted and inserted words over
   * the words before and after) and the number of separate edits.
   */
  private wordsOrRestate(ops: DiffOp[], headingOps: DiffOp[]): AmendmentKind {
    const text = changeStats(ops);
    const heading = changeStats(headingOps);
    const changed = text.changedWords + heading.changedWords;
    const total = Math.max(1, text.baseWords + text.proposedWords + heading.baseWords + heading.proposedWords);
    if (text.baseWords + heading.baseWords === 0 || changed / total > this.opts.restateShare || text.edits + heading.edits > this.opts.restateEdits) return 'restate';
    return 'words';
  }

  private insertion(d: IndexedUnit): Amendment {
    // Units under a new unit that existed before (moved in) are their own amendments, not part of this one.
    const newOnly = (units: Provision[]): ProvisionJSON[] =>
      units
        .filter((u) => !this.pairs.has(u.uid))
        .map((u) => ({ uid: u.uid, kind: u.kind, num: u.num, heading: u.heading, text: u.text, repealed: u.repealed, notes: [...u.notes], children: newOnly(u.children) }));
    return {
      uid: d.unit.uid,
      kind: 'insert',
      eId: d.unit.eId,
      path: pathOf(this.di, d.unit.uid),
      base: null,
      proposed: stateOf(d.unit),
      ops: d.unit.text ? [[1, d.unit.text]] : [],
      headingOps: d.unit.heading ? [[1, d.unit.heading]] : [],
      placement: this.placementOf(d),
      insertedChildren: newOnly(d.unit.children),
      dropped: [],
    };
  }

  /** Where a draft unit stands: its parent and the sibling before it. */
  private placementOf(d: IndexedUnit): Placement {
    const siblings = d.parentUid === null ? this.draft.body : (this.di.get(d.parentUid)?.unit.children ?? []);
    return { parentUid: d.parentUid, afterUid: d.index > 0 ? (siblings[d.index - 1]?.uid ?? null) : null };
  }

  /**
   * Units gone from the draft: one amendment for the top of each removed subtree, unless a repealed
   * parent already carries them; each sorts just after the last unit before it that remains.
   */
  private addRemovals(): void {
    let last = -1;
    let step = 0;
    for (const [baseUid, b] of this.bi) {
      const draftUid = this.baseToDraft.get(baseUid);
      if (draftUid !== undefined) {
        last = this.di.get(draftUid)?.order ?? last;
        step = 0;
        continue;
      }
      const key = last + 0.5 + ++step * 1e-6;
      if (b.parentUid !== null && (!this.baseToDraft.has(b.parentUid) || this.newlyRepealed.has(b.parentUid))) continue;
      this.set(baseUid, key, {
        uid: baseUid,
        kind: 'repeal',
        eId: b.unit.eId,
        path: pathOf(this.bi, baseUid),
        base: stateOf(b.unit),
        proposed: null,
        ops: this.diff(b.unit.text, ''),
        headingOps: this.diff(b.unit.heading, ''),
        dropped: this.removedUnder(b.unit),
      });
    }
  }
}
