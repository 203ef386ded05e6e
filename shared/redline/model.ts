import { align } from '../amend/align';
import { indexTree } from '../amend/tree-index';
import type { Amendment, UnitState } from '../amend/types';
import type { DiffOp } from '../diff/ops';
import { HEADED_KINDS, type ProvisionKind } from '../law/kinds';
import type { LawDoc, Provision } from '../law/provision';
import { lineLabel } from '../law/text/markers';

/** A tracked change: inserted or deleted. */
export type Revision = 'ins' | 'del';

/** A piece of a redline paragraph: text that stays, or text inserted or deleted by an amendment. */
export interface RedlineRun {
  text: string;
  change: Revision | null;
  /** The amendment (its uid) this change belongs to; null for text that stays. */
  amendment: string | null;
}

/** One printed line of the redlined law. */
export interface RedlineParagraph {
  /**
   * `elision` stands for the unchanged units left out of a "changed articles only" redline; `note`
   * is a footnote of the consolidated text ("Сноска. …"), printed where the law prints it: after the
   * lines of its unit, before the units under it.
   */
  kind: ProvisionKind | 'elision' | 'note';
  /** A heading line (section, chapter, article): printed bold. */
  headed: boolean;
  runs: RedlineRun[];
  /** The whole line is new or gone, its paragraph mark included (accepting or rejecting it leaves no empty line). */
  whole: Revision | null;
  /**
   * The line's end (its paragraph mark) is itself inserted or deleted, by that amendment: a whole
   * line, or a line break a word operation added or took out. Where a mark goes, the line joins the next.
   */
  mark: { change: Revision; amendment: string } | null;
  /** The article this line belongs to (a section's or chapter's own uid for its heading; a top unit's uid outside articles). */
  scope: string;
  /** The sections and chapters this line stands in, outermost first. */
  containers: string[];
}

/** How much of the law a redline shows. */
export interface RedlineOptions {
  /** Only the articles that change, with the headings of their chapters and sections, "…" between. */
  changedOnly?: boolean;
}

const isHeaded = (kind: ProvisionKind) => HEADED_KINDS.has(kind);
const bodyOf = (u: { kind: ProvisionKind; heading: string; text: string }) => (isHeaded(u.kind) ? u.heading : u.text);

/**
 * The draft as a redline: every line of the law in the draft's order, with each amendment's word
 * operations as insertions and deletions, new units inserted whole, units removed from the text
 * deleted whole where they stood, a repealed unit's wording deleted with the stub the law prints in
 * its place (and the content that leaves with it deleted under it), a new number as the old one
 * deleted and the new one inserted. The DOCX, HTML and PDF redlines are all printed from this list,
 * so they cannot disagree. A unit that moved is shown where it now stands, with its word changes.
 * Each unit's footnotes follow its lines, as the consolidated text prints them; they are metadata,
 * so they change only with a unit that comes or goes whole.
 */
export function redlineParagraphs(base: LawDoc, draft: LawDoc, amendments: readonly Amendment[], options: RedlineOptions = {}): RedlineParagraph[] {
  const lang = draft.lang;
  const byUid = new Map(amendments.map((a) => [a.uid, a]));
  const { before: removedBefore, underRepealed } = placeRemovals(base, draft, amendments);
  const out: RedlineParagraph[] = [];
  const run = (text: string, change: Revision | null, amendment: string | null): RedlineRun => ({ text, change: change && amendment ? change : null, amendment: change ? amendment : null });

  // Splits runs at line breaks: each line of a unit (абзац) is a paragraph of its own. A break
  // inside an inserted or deleted run is a paragraph mark inserted or deleted with it.
  const push = (kind: RedlineParagraph['kind'], runs: RedlineRun[], whole: Revision | null, scope: string, containers: string[]) => {
    let line: RedlineRun[] = [];
    const lines: { runs: RedlineRun[]; mark: RedlineParagraph['mark'] }[] = [{ runs: line, mark: null }];
    for (const r of runs) {
      const pieces = r.text.split('\n');
      pieces.forEach((piece, i) => {
        if (i > 0) {
          lines[lines.length - 1]!.mark = r.change && r.amendment ? { change: r.change, amendment: r.amendment } : null;
          lines.push({ runs: (line = []), mark: null });
        }
        if (piece) line.push({ ...r, text: piece });
      });
    }
    const by = runs.find((r) => r.amendment)?.amendment;
    const headed = kind !== 'note' && kind !== 'elision' && isHeaded(kind);
    for (const l of lines) out.push({ kind, headed, runs: l.runs, whole, mark: whole && by ? { change: whole, amendment: by } : l.mark, scope, containers });
  };
  // A unit's footnotes are metadata, not norm: they stay as they are, unless the unit comes or goes whole.
  const pushNotes = (notes: readonly string[], change: Revision | null, uid: string | null, scope: string, containers: string[]) => {
    for (const note of notes) push('note', [run(note, change, uid)], change, scope, containers);
  };
  const opsRuns = (ops: readonly DiffOp[], uid: string) => ops.map(([op, text]) => run(text, op === 1 ? 'ins' : op === -1 ? 'del' : null, uid));
  // A unit gone from where it stood, with the content that leaves with it.
  const pushGone = (units: readonly UnitState[], uid: string, scope: string, containers: string[]) => {
    for (const u of units) {
      push(u.kind, [run(`${lineLabel(lang, u.kind, u.num)}${bodyOf(u)}`, 'del', uid)], 'del', scope, containers);
      if (isHeaded(u.kind) && u.text) push('part', [run(u.text, 'del', uid)], 'del', scope, containers);
      pushNotes(u.notes, 'del', uid, scope, containers);
    }
  };

  // `inherited`: the article (or top unit outside articles) the unit stands in, null directly under a chapter.
  const emit = (unit: Provision, inherited: string | null, containers: string[], insertedBy: string | null) => {
    const container = unit.kind === 'section' || unit.kind === 'chapter';
    const lineScope = container || unit.kind === 'article' ? unit.uid : (inherited ?? unit.uid);
    for (const gone of removedBefore.get(unit.uid) ?? []) pushGone(gone.units, gone.amendment.uid, gone.scope, containers);
    const a = byUid.get(unit.uid);
    const label = lineLabel(lang, unit.kind, unit.num);
    // A unit that moved is deleted where it stood and inserted where it now stands, with what is under it.
    const newBy = insertedBy ?? (a && (a.kind === 'insert' || movedAway(a)) ? a.uid : null);
    if (newBy) {
      push(unit.kind, [run(`${label}${bodyOf(unit)}`, 'ins', newBy)], 'ins', lineScope, containers);
      if (isHeaded(unit.kind) && unit.text) push('part', [run(unit.text, 'ins', newBy)], 'ins', lineScope, containers);
      pushNotes(unit.notes, 'ins', newBy, lineScope, containers);
    } else {
      const labelRuns: RedlineRun[] = [];
      if (a?.base && a.proposed && a.base.num !== a.proposed.num) labelRuns.push(run(lineLabel(lang, unit.kind, a.base.num), 'del', a.uid), run(label, 'ins', a.uid));
      else if (label) labelRuns.push(run(label, null, null));
      if (a?.kind === 'repeal' && a.base) {
        // The law prints the stub where the unit stood: its wording goes whole, the stub comes whole.
        const swap = (before: string, after: string) => (before === after ? [run(after, null, null)] : [run(before, 'del', a.uid), run(after, 'ins', a.uid)]);
        push(unit.kind, [...labelRuns, ...swap(bodyOf(a.base), bodyOf(unit))], null, lineScope, containers);
        if (isHeaded(unit.kind) && a.base.text !== unit.text) {
          if (a.base.text) push('part', [run(a.base.text, 'del', a.uid)], 'del', lineScope, containers);
          if (unit.text) push('part', [run(unit.text, 'ins', a.uid)], 'ins', lineScope, containers);
        } else if (isHeaded(unit.kind) && unit.text) push('part', [run(unit.text, null, null)], null, lineScope, containers);
        pushNotes(unit.notes, null, null, lineScope, containers);
        pushGone(underRepealed.get(a.uid) ?? a.dropped, a.uid, lineScope, containers);
      } else {
        const headOps = a && isHeaded(unit.kind) ? a.headingOps : a && !isHeaded(unit.kind) ? a.ops : null;
        push(unit.kind, [...labelRuns, ...(headOps?.length ? opsRuns(headOps, a!.uid) : [run(bodyOf(unit), null, null)])], null, lineScope, containers);
        // A headed unit may also have text of its own (rare): its lines follow the heading.
        if (isHeaded(unit.kind) && (unit.text || a?.base?.text)) push('part', a?.ops.length ? opsRuns(a.ops, a.uid) : [run(unit.text, null, null)], null, lineScope, containers);
        pushNotes(unit.notes, null, null, lineScope, containers);
      }
    }
    for (const child of unit.children) emit(child, container ? null : lineScope, container ? [...containers, unit.uid] : containers, newBy);
  };
  for (const unit of draft.body) emit(unit, null, [], null);
  // Removals after the last unit that stayed.
  for (const gone of removedBefore.get(END) ?? []) pushGone(gone.units, gone.amendment.uid, gone.scope, []);
  return options.changedOnly ? changedOnly(out) : out;
}

const END = '\u0000end';

/** Whether a unit of the base stands elsewhere in the draft (whatever else changed: words, a repeal). */
function movedAway(a: Amendment): boolean {
  return a.kind !== 'insert' && !!a.placement && !!a.base && !!a.proposed;
}

/** A unit removed from the text or moved away, the units shown deleted where it stood, and the article they belong to. */
interface Removal {
  amendment: Amendment;
  units: UnitState[];
  scope: string;
}

/**
 * Where each unit removed from the text (or moved away) is shown deleted: before the first unit
 * after it, in the base's order, that the draft still has in place, so a removed first paragraph
 * stands above the second, and a removed last paragraph above the next article's heading.
 */
function placeRemovals(base: LawDoc, draft: LawDoc, amendments: readonly Amendment[]): { before: Map<string, Removal[]>; underRepealed: Map<string, UnitState[]> } {
  const present = new Set<string>();
  const draftUnits = new Map<string, Provision>();
  let article: string | null = null;
  const walk = (units: readonly Provision[], visit: (u: Provision) => boolean) => {
    for (const u of units) {
      const outer = article;
      if (u.kind === 'article') article = u.uid;
      else if (u.kind === 'section' || u.kind === 'chapter') article = null;
      if (visit(u)) walk(u.children, visit);
      article = outer;
    }
  };
  walk(draft.body, (u) => (present.add(u.uid), draftUnits.set(u.uid, u), true));
  // Texts imported separately share no uids: pair them as derivation does (same lineage, address, wording).
  const draftUidOf = align(indexTree(base), indexTree(draft)).reverse;
  const removals = new Map(amendments.filter((a) => (!a.proposed && a.base) || movedAway(a)).map((a) => [a.baseUid ?? a.uid, a]));
  const subtree = (u: Provision): UnitState[] => [u, ...u.children.flatMap(subtree)];
  const repeals = new Map(amendments.filter((a) => a.kind === 'repeal' && !movedAway(a)).map((a) => [a.baseUid ?? a.uid, a]));
  const placed = new Map<string, Removal[]>();
  // What leaves with a repealed unit (all that was under it and is not under its stub), deleted
  // under the stub in the base's order; units under it that moved away are deleted there too.
  const underRepealed = new Map<string, UnitState[]>();
  const skip = new Set<string>();
  let waiting: Removal[] = [];
  walk(base.body, (u) => {
    if (skip.has(u.uid)) return false;
    const repeal = repeals.get(u.uid);
    if (repeal) {
      const kept = new Set<string>();
      const keep = (d: Provision) => d.children.forEach((c) => (kept.add(c.uid), keep(c)));
      keep(draftUnits.get(repeal.uid) ?? { ...u, children: [] });
      const gone = u.children.flatMap(subtree).filter((d) => !kept.has(draftUidOf.get(d.uid) ?? d.uid));
      for (const d of gone) skip.add(d.uid);
      underRepealed.set(repeal.uid, gone);
    }
    const removal = removals.get(u.uid);
    if (removal) {
      // A removed paragraph belongs to its article (as the draft knows it); a removed article to itself.
      const scope = u.kind !== 'article' && article ? (draftUidOf.get(article) ?? article) : removal.uid;
      waiting.push({ amendment: removal, units: subtree(u), scope });
      return false; // what is under it goes with it
    }
    const uid = draftUidOf.get(u.uid) ?? u.uid;
    if (present.has(uid) && waiting.length) {
      placed.set(uid, [...(placed.get(uid) ?? []), ...waiting]);
      waiting = [];
    }
    return true;
  });
  if (waiting.length) placed.set(END, waiting);
  return { before: placed, underRepealed };
}

const elision = (): RedlineParagraph => ({ kind: 'elision', headed: false, runs: [{ text: '…', change: null, amendment: null }], whole: null, mark: null, scope: '', containers: [] });

/** Keeps the articles that change and the headings above them; "…" marks what was left out. */
function changedOnly(all: readonly RedlineParagraph[]): RedlineParagraph[] {
  const changed = (p: RedlineParagraph) => p.mark !== null || p.runs.some((r) => r.change);
  const scopes = new Set(all.filter(changed).map((p) => p.scope));
  const containers = new Set(all.filter((p) => scopes.has(p.scope)).flatMap((p) => p.containers));
  const keep = (p: RedlineParagraph) => scopes.has(p.scope) || containers.has(p.scope);
  const out: RedlineParagraph[] = [];
  let skipped = false;
  for (const p of all) {
    if (!keep(p)) {
      skipped = true;
      continue;
    }
    if (skipped && out.length) out.push(elision());
    skipped = false;
    out.push(p);
  }
  if (skipped && out.length) out.push(elision());
  return out;
}
