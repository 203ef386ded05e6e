import type { PathStep } from '../amend/types';
import { indexTree, pathOf, type TreeIndex } from '../amend/tree-index';
import type { Amendment } from '../amend/types';
import { align } from '../amend/align';
import { derive } from '../amend/derive';
import { assignEIds } from '../law/eid';
import { newUid } from '../law/uid';
import type { LawDoc, Provision } from '../law/provision';
import { DEFAULT_STUB } from '../law/repealed';
import { printLaw } from '../law/text/print';
import { applyOperations } from './apply-ops';
import { printUnit } from './content';
import { DEFAULT_INSTRUCTION_OPTIONS, InstructionError, type InstructionOptions, type Operation } from './types';
import { wordOperations } from './word-ops';

/** A unit's address as amending laws write it: from its article down (sections and chapters only above articles). */
function addressOf(index: TreeIndex, uid: string): PathStep[] {
  const path = pathOf(index, uid);
  const article = path.findIndex((s) => s.kind === 'article');
  return article > 0 ? path.slice(article) : path;
}

/**
 * The draft with the uids of the base wherever a unit is paired with one (texts imported
 * separately share no uids), so that parents and positions can be looked up in both by one id.
 * The pairing, and so the amendments, are those derive() finds.
 */
function sameLineage(bi: TreeIndex, draft: LawDoc): LawDoc {
  const { pairs } = align(bi, indexTree(draft));
  const rename = (p: Provision): Provision => {
    const paired = pairs.get(p.uid);
    const uid = paired ?? (bi.has(p.uid) ? newUid() : p.uid);
    return { ...p, uid, notes: [...p.notes], children: p.children.map(rename) };
  };
  const out: LawDoc = { lang: draft.lang, body: draft.body.map(rename) };
  assignEIds(out.body);
  return out;
}

/** A law printed for comparison: footnotes are not amended, so they are left out. */
export function printWithoutNotes(doc: LawDoc): string {
  const strip = (p: Provision): Provision => ({ ...p, notes: [], children: p.children.map(strip) });
  return printLaw({ lang: doc.lang, body: doc.body.map(strip) });
}

/**
 * The operations of an amending law that turn `base` into `draft`, one or more per amendment
 * (derive(base, draft)), in the law's order. Small word edits become word operations (each checked on the text); restated,
 * renumbered and stub-less repealed units are set out anew; a unit's content that moved is
 * restated where it left and where it arrived; the same replacement in `throughoutMin` units or more
 * becomes one "throughout the text" operation when that gives the same result. The whole list is
 * applied to the base before it is returned: if it does not give the draft, the articles where it
 * differs are restated instead.
 */
export function planOperations(base: LawDoc, given: LawDoc, options: Partial<InstructionOptions> = {}): Operation[] {
  const opts = { ...DEFAULT_INSTRUCTION_OPTIONS, ...options };
  const bi = indexTree(base);
  const draft = sameLineage(bi, given);
  const di = indexTree(draft);
  const amendments = derive(base, draft);
  const restated = new Set<string>();
  // Restates a unit, or the nearest unit above it that both versions have (a parent may be gone too).
  const restate = (uid: string | null) => {
    let at = uid;
    while (at !== null && !(bi.has(at) && di.has(at))) at = bi.get(at)?.parentUid ?? di.get(at)?.parentUid ?? null;
    if (at === null) throw new InstructionError('A change at the top level of the act (a unit removed or moved there) cannot be written as amending formulas; restate or repeal the unit instead.');
    restated.add(at);
  };
  const own = new Map<string, Operation[]>();
  for (const a of amendments) {
    const uid = a.uid;
    if (a.base && a.placement) {
      // A unit that moved (whatever else happened to it) is set out anew where it left and where it arrived.
      restate(di.get(uid)?.parentUid ?? null);
      restate(bi.get(a.baseUid ?? uid)?.parentUid ?? null);
      continue;
    }
    switch (a.kind) {
      case 'words': {
        const address = addressOf(bi, a.baseUid ?? uid);
        const text = a.base && a.proposed ? wordOperations(a.base.text, a.proposed.text, a.ops, address, false) : null;
        const heading = a.base && a.proposed ? wordOperations(a.base.heading, a.proposed.heading, a.headingOps, address, true) : null;
        if (text && heading && a.base?.num === a.proposed?.num) own.set(uid, [...heading, ...text]);
        else restate(uid);
        break;
      }
      case 'repeal':
        if (!a.proposed) restate(bi.get(a.uid)?.parentUid ?? null);
        else if ((a.proposed.text || a.proposed.heading) === DEFAULT_STUB[draft.lang] && a.proposed.num === a.base?.num) own.set(uid, [{ op: 'repeal', address: addressOf(bi, a.baseUid ?? uid) }]);
        else restate(uid);
        break;
      case 'insert': {
        const d = di.get(uid);
        const unit = d?.unit as Provision;
        const parentUid = d?.parentUid ?? null;
        if (parentUid !== null && !bi.has(parentUid)) break; // inside another new unit: it travels with it
        const parent = unit.kind === 'article' || parentUid === null ? [] : addressOf(bi, parentUid);
        const siblings = parentUid === null ? draft.body : (di.get(parentUid)?.unit.children ?? []);
        const num = unit.kind === 'part' ? String(siblings.filter((s) => s.kind === 'part').indexOf(unit) + 1) : unit.num;
        own.set(uid, [{ op: 'insert', parent, kind: unit.kind, num, content: printUnit(unit, draft.lang) }]);
        break;
      }
      default:
        restate(uid);
    }
  }
  const ops = assemble(bi, di, draft, amendments, restated, own);
  const withThroughout = collapseThroughout(ops, opts.throughoutMin);
  if (withThroughout !== ops && gives(base, withThroughout, draft)) return withThroughout;
  if (gives(base, ops, draft)) return ops;
  // Fallback: each article that has a change is set out anew (always expressible, less precise).
  const articles = new Set<string>(restated);
  for (const a of amendments) {
    for (let e = di.get(a.uid) ?? bi.get(a.uid); e; e = e.parentUid === null ? undefined : (di.get(e.parentUid) ?? bi.get(e.parentUid))) {
      if (e.unit.kind === 'article' && bi.has(e.unit.uid) && di.has(e.unit.uid)) articles.add(e.unit.uid);
    }
  }
  const fallback = assemble(bi, di, draft, amendments, articles, own);
  if (gives(base, fallback, draft)) return fallback;
  throw new InstructionError('The amending formulas do not reproduce the draft; this is a defect in the instruction planner, please report it with the two texts.');
}

/** Whether applying the operations to the base gives the draft (footnotes aside). */
function gives(base: LawDoc, ops: Operation[], draft: LawDoc): boolean {
  try {
    return printWithoutNotes(applyOperations(base, ops)) === printWithoutNotes(draft);
  } catch {
    return false;
  }
}

/**
 * Orders the operations as the draft goes: each restated unit once (the outermost, in place of
 * everything inside it, including where a unit left from), then the other amendments' operations.
 */
function assemble(bi: TreeIndex, di: TreeIndex, draft: LawDoc, amendments: readonly Amendment[], restated: Set<string>, own: Map<string, Operation[]>): Operation[] {
  const insideRestated = (uid: string | null): boolean => {
    for (let e = uid === null ? undefined : (di.get(uid) ?? bi.get(uid)); e; e = e.parentUid === null ? undefined : (di.get(e.parentUid) ?? bi.get(e.parentUid))) {
      if (restated.has(e.unit.uid)) return true;
    }
    return false;
  };
  const entries: { order: number; ops: Operation[] }[] = [];
  for (const uid of restated) {
    const parent = di.get(uid)?.parentUid ?? null;
    if (insideRestated(parent)) continue;
    entries.push({ order: di.get(uid)?.order ?? 0, ops: [{ op: 'restate', address: addressOf(bi, uid), content: printUnit(di.get(uid)?.unit as Provision, draft.lang) }] });
  }
  for (const a of amendments) {
    if (insideRestated(a.uid) || !own.has(a.uid)) continue;
    entries.push({ order: di.get(a.uid)?.order ?? 0, ops: own.get(a.uid) as Operation[] });
  }
  return entries.sort((x, y) => x.order - y.order).flatMap((e) => e.ops);
}

/** One "throughout the text" operation for a replacement made in at least `min` units. */
function collapseThroughout(ops: Operation[], min: number): Operation[] {
  const counts = new Map<string, number>();
  for (const op of ops) if (op.op === 'replace' && !op.heading) counts.set(`${op.from}\u0000${op.to}`, (counts.get(`${op.from}\u0000${op.to}`) ?? 0) + 1);
  const common = [...counts].filter(([, n]) => n >= min).map(([k]) => k);
  if (common.length === 0) return ops;
  const throughout: Operation[] = common.map((k) => {
    const [from, to] = k.split('\u0000') as [string, string];
    return { op: 'throughout', from, to };
  });
  return [...throughout, ...ops.filter((op) => !(op.op === 'replace' && !op.heading && common.includes(`${op.from}\u0000${op.to}`)))];
}
