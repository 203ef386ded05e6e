import type { PathStep } from '../amend/types';
import { indexTree, pathOf, type TreeIndex } from '../amend/tree-index';
import type { Amendment } from '../amend/types';
import { align } from '../amend/align';
import { derive } from '../amend/derive';
import { isWordToken, tokenize } from '../diff/tokenize';
import { wordDiff } from '../diff/words';
import { assignEIds } from '../law/eid';
import { headingLabel } from '../law/text/markers';
import { newUid } from '../law/uid';
import type { LawDoc, Provision } from '../law/provision';
import { DEFAULT_STUB } from '../law/repealed';
import { printLaw } from '../law/text/print';
import { applyOperations } from './apply-ops';
import { printUnit } from './content';
import { wholeWordMatches } from './throughout';
import { DEFAULT_INSTRUCTION_OPTIONS, InstructionError, type InstructionOptions, type Operation, type Replacement } from './types';
import { wordOperations } from './word-ops';

/** A unit's address as amending laws write it: from its article down (sections and chapters only above articles). */
export function addressOf(index: TreeIndex, uid: string): PathStep[] {
  const path = pathOf(index, uid);
  const article = path.findIndex((s) => s.kind === 'article');
  return article > 0 ? path.slice(article) : path;
}

/**
 * The draft with the uids of the base wherever a unit is paired with one (texts imported
 * separately share no uids), so that parents and positions can be looked up in both by one id.
 * The pairing, and so the amendments, are those derive() finds.
 */
function sameLineage(bi: TreeIndex, draft: LawDoc): { draft: LawDoc; renamed: boolean } {
  const { pairs } = align(bi, indexTree(draft));
  let renamed = false;
  const rename = (p: Provision): Provision => {
    const paired = pairs.get(p.uid);
    const uid = paired ?? (bi.has(p.uid) ? newUid() : p.uid);
    if (uid !== p.uid) renamed = true;
    return { ...p, uid, notes: [...p.notes], children: p.children.map(rename) };
  };
  const out: LawDoc = { lang: draft.lang, body: draft.body.map(rename) };
  assignEIds(out.body);
  return { draft: out, renamed };
}

/** A law printed for comparison: footnotes are not amended, so they are left out. */
export function printWithoutNotes(doc: LawDoc): string {
  const strip = (p: Provision): Provision => ({ ...p, notes: [], children: p.children.map(strip) });
  return printLaw({ lang: doc.lang, body: doc.body.map(strip) });
}

/** The heading line of a unit as a statement quotes it ("Статья 5. Гранты"). */
function headingLine(unit: Provision, lang: LawDoc['lang']): string {
  const kind = unit.kind as 'section' | 'chapter' | 'article';
  return `${headingLabel(lang, kind, unit.num)} ${unit.heading}`.trim();
}

/**
 * The operations of an amending law that turn `base` into `draft`, one or more per amendment
 * (derive(base, draft)), in the law's order, written as practice writes them:
 * - small edits of words become word operations on the unit's text, heading or line (each tried on
 *   the text), words added at the end an addition at the end;
 * - a unit whose text changes throughout is set out anew: a unit without units under it whole, a
 *   unit with a lead-in its changed lines ("абзац первый статьи 1"), an article's own text with its
 *   article; a heading alone ("заголовок статьи 5");
 * - a line added or taken out of a unit's text is a line inserted or excluded;
 * - a new number alone is a renumbering ("подпункт 4) считать подпунктом 5)");
 * - a unit that moved is set out anew where it left and where it arrived;
 * - the same replacement, in its word forms, in `throughoutMin` units or more becomes one "throughout
 *   the text" statement ("… заменить соответственно …") when that gives the same result.
 * The whole list is applied to the base before it is returned: if it does not give the draft, the
 * articles where it differs are restated instead.
 *
 * `amendments`, when given, are derive(base, draft) — a package's stored list, so that the amending
 * law is written from the same list as every other output and the texts are not derived again.
 * They are used when the draft shares the base's lineage (a package's draft always does); texts
 * imported separately are paired and derived here.
 */
export function planOperations(base: LawDoc, given: LawDoc, options: Partial<InstructionOptions> = {}, amendments?: readonly Amendment[]): Operation[] {
  const opts = { ...DEFAULT_INSTRUCTION_OPTIONS, ...options };
  const { draft, renamed } = sameLineage(indexTree(base), given);
  const list = amendments && !renamed ? amendments : derive(base, draft);
  const inferred = throughoutCandidates(list, draft, opts.throughoutMin);
  const stated = statedThroughout(base, draft, opts.throughout);
  // The drafter's own statements first, with what the list shows besides; then what it shows alone.
  // An inferred word the drafter's phrases hold ("индустриальный" in "индустриальный партнер") is
  // theirs: stated as a phrase, not again as a word (which would change more than they did).
  const within = (r: Replacement) => stated.some((g) => g.some((x) => x.from.toLowerCase().includes(r.from.toLowerCase())));
  const tries = stated.length ? [[...stated, ...inferred.filter((g) => !g.some(within))], inferred] : [inferred];
  for (const groups of tries) {
    if (groups.length === 0) continue;
    // The words replaced throughout first; the rest is planned on the text as that leaves it.
    const throughout: Operation[] = groups.map((replacements) => ({ op: 'throughout', replacements: [...replacements] }));
    try {
      const all = [...throughout, ...planEach(applyOperations(base, throughout), draft)];
      if (gives(base, all, draft)) return all;
    } catch (error) {
      if (!(error instanceof InstructionError)) throw error;
    }
  }
  return planEach(base, draft, list);
}

/** The operations of each amendment (see planOperations), without "throughout the text" statements; `known`: derive(base, draft) if already made. */
function planEach(base: LawDoc, draft: LawDoc, known?: readonly Amendment[]): Operation[] {
  const lang = base.lang;
  const bi = indexTree(base);
  const di = indexTree(draft);
  const amendments = known ?? derive(base, draft);
  const restated = new Set<string>();
  // An article's own text is restated with its article.
  const lift = (uid: string): string => {
    const e = di.get(uid) ?? bi.get(uid);
    return e?.intro && e.parentUid !== null ? e.parentUid : uid;
  };
  // Restates a unit, or the nearest unit above it that both versions have (a parent may be gone too).
  const restate = (uid: string | null) => {
    let at = uid === null ? null : lift(uid);
    while (at !== null && !(bi.has(at) && di.has(at))) at = bi.get(at)?.parentUid ?? di.get(at)?.parentUid ?? null;
    if (at === null) throw new InstructionError('A change at the top level of the act (a unit removed or moved there) cannot be written as amending formulas; restate or repeal the unit instead.');
    restated.add(lift(at));
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
      case 'words':
      case 'restate':
      case 'renumber': {
        const ops = changeOperations(a, bi, di, lang);
        if (ops) own.set(uid, ops);
        else restate(uid);
        break;
      }
      case 'repeal':
        if (!a.proposed) restate(bi.get(a.uid)?.parentUid ?? null);
        else if ((a.proposed.text || a.proposed.heading) === DEFAULT_STUB[lang] && a.proposed.num === a.base?.num && !bi.get(a.baseUid ?? uid)?.intro) own.set(uid, [{ op: 'repeal', address: addressOf(bi, a.baseUid ?? uid) }]);
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
        own.set(uid, [{ op: 'insert', parent, kind: unit.kind, num, content: printUnit(unit, lang) }]);
        break;
      }
      default:
        restate(uid);
    }
  }
  const ops = assemble(bi, di, draft, amendments, restated, own);
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

/**
 * The operations of a unit both versions have whose number, heading or text changed (not moved),
 * or null when it has to be set out anew. Headings and texts are written as word operations when
 * derive found them small edits and they reproduce the new wording; otherwise the heading, or the
 * changed lines of a unit that has units under it, are set out anew.
 */
function changeOperations(a: Amendment, bi: TreeIndex, di: TreeIndex, lang: LawDoc['lang']): Operation[] | null {
  if (!a.base || !a.proposed) return null;
  const be = bi.get(a.baseUid ?? a.uid);
  const de = di.get(a.uid);
  if (!be || !de) return null;
  const address = addressOf(bi, be.unit.uid);
  const words = a.kind === 'words';
  const out: Operation[] = [];
  if (a.base.num !== a.proposed.num) {
    if (be.intro) return null;
    out.push({ op: 'renumber', address, num: a.proposed.num });
  }
  if (a.base.heading !== a.proposed.heading) {
    const ops = words ? wordOperations(a.base.heading, a.proposed.heading, a.headingOps, address, { heading: true }, lang) : null;
    if (ops) out.push(...ops);
    else if (be.unit.kind === 'section' || be.unit.kind === 'chapter' || be.unit.kind === 'article') out.push({ op: 'restate', address, heading: true, content: headingLine(de.unit, lang) });
    else return null;
  }
  if (a.base.text !== a.proposed.text) {
    // A unit with units under it keeps them: its own lines are what is set out anew. An article's
    // own text with nothing under it is set out with its article ("статью 7 изложить").
    const ops = textOperations(a.base.text, a.proposed.text, words, address, be.unit.children.length > 0, lang);
    if (!ops) return null;
    out.push(...ops);
  }
  return out;
}

/**
 * The operations that turn one unit's text into another: word operations on the whole text when
 * the lines stay as they are; otherwise line by line — a changed line by its words or set out anew,
 * one line added or taken out as such. `linesOnly`: the unit has units under it (or is an article's
 * own text), so it is never set out whole here: its lines are. Null: set the unit out anew.
 */
function textOperations(from: string, to: string, words: boolean, address: PathStep[], linesOnly: boolean, lang: LawDoc['lang']): Operation[] | null {
  const a = from.split('\n');
  const b = to.split('\n');
  if (words && a.length === b.length && !wordDiff(from, to).some(([k, t]) => k !== 0 && t.includes('\n'))) {
    const whole = wordOperations(from, to, wordDiff(from, to), address, {}, lang);
    if (whole) return whole;
  }
  // A unit with nothing under it is set out whole when its text changes throughout.
  if (!linesOnly && (!words || (a.length === 1 && b.length === 1))) return null;
  // Lines: the same count (each changed line on its own), or one added, or one taken out.
  const ops: Operation[] = [];
  const lineOps = (x: string, y: string, line: number): boolean => {
    if (x === y) return true;
    const w = words ? wordOperations(x, y, wordDiff(x, y), address, { line }, lang) : null;
    if (w) ops.push(...w);
    else ops.push({ op: 'restate', address, line, content: y });
    return true;
  };
  if (a.length === b.length) {
    a.forEach((x, i) => lineOps(x, b[i] as string, i + 1));
    return ops.length ? ops : null;
  }
  if (Math.abs(a.length - b.length) !== 1) return null;
  const longer = a.length > b.length ? a : b;
  const shorter = a.length > b.length ? b : a;
  // The one line added (or taken out): the first place where the two differ, checked against the rest.
  let at = 0;
  while (at < shorter.length && longer[at] === shorter[at]) at += 1;
  let end = 0;
  while (end < shorter.length - at && longer[longer.length - 1 - end] === shorter[shorter.length - 1 - end]) end += 1;
  if (at + end < shorter.length) {
    // Other lines changed too: the extra line is taken as the last one of the longer text, and the
    // changed lines before it are set out (or changed by their words) one by one.
    at = shorter.length;
  }
  if (a.length > b.length) {
    ops.push({ op: 'repeal', address, line: at + 1 });
    a.filter((_, i) => i !== at).forEach((x, i) => lineOps(x, b[i] as string, i < at ? i + 1 : i + 2));
  } else {
    a.forEach((x, i) => lineOps(x, b[i < at ? i : i + 1] as string, i + 1));
    ops.push({ op: 'insertLine', address, line: at + 1, content: b[at] as string });
  }
  return ops;
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

/** Whether two words are forms of one word: they share a stem (a common beginning of most of the shorter), capitals aside. */
function sameWord(x: string, y: string): boolean {
  const a = x.toLowerCase();
  const b = y.toLowerCase();
  let k = 0;
  while (k < Math.min(a.length, b.length) && a[k] === b[k]) k += 1;
  return k === a.length && k === b.length ? true : k >= Math.max(3, Math.ceil(0.6 * Math.min(a.length, b.length)));
}

/** Whether two phrases are forms of one phrase: as many words, each pair forms of one word. */
function samePhrase(a: string, b: string): boolean {
  const x = tokenize(a).filter(isWordToken);
  const y = tokenize(b).filter(isWordToken);
  return x.length === y.length && x.every((w, i) => sameWord(w, y[i] as string));
}

/**
 * The changes to make "throughout the text" (one statement each, "… заменить соответственно …"):
 * a word replaced by another, in its word forms ("университет", "университета" → "вуз", "вуза"),
 * in at least `min` places, and gone from the whole draft (so the statement changes nothing the
 * drafter kept; what a line set out anew holds is set out after it). Read from the word diffs of the
 * amendments, word by word, so that the context a single statement would quote does not hide the
 * common change.
 */
/**
 * The drafter's "throughout" groups, each cut to the forms the base has (a statement must replace
 * something), in the order made; a group with a form the draft still has is dropped (the words were
 * put back somewhere since: "throughout" would no longer be true).
 */
function statedThroughout(base: LawDoc, draft: LawDoc, groups: readonly (readonly Replacement[])[]): Replacement[][] {
  if (groups.length === 0) return [];
  const textsOf = (law: LawDoc) => {
    const texts: string[] = [];
    const walk = (units: Provision[]) => units.forEach((u) => (texts.push(u.heading, u.text), walk(u.children)));
    walk(law.body);
    return texts;
  };
  const before = textsOf(base);
  const after = textsOf(draft);
  const has = (texts: string[], phrase: string) => texts.some((t) => wholeWordMatches(t, [phrase]).length > 0);
  return groups
    .filter((g) => !g.some((r) => r.from !== r.to && has(after, r.from)))
    .map((g) => g.filter((r) => r.from !== r.to && has(before, r.from)))
    .filter((g) => g.length > 0);
}

function throughoutCandidates(amendments: readonly Amendment[], draft: LawDoc, min: number): Replacement[][] {
  const counts = new Map<string, { from: string; to: string; n: number }>();
  const count = (from: string, to: string) => {
    const key = `${from}\u0000${to}`;
    const entry = counts.get(key) ?? { from, to, n: 0 };
    entry.n += 1;
    counts.set(key, entry);
  };
  for (const a of amendments) {
    if (!a.base || !a.proposed || a.placement) continue;
    for (const diff of [a.ops, a.headingOps]) {
      for (let i = 0; i < diff.length; i++) {
        let del = '';
        let ins = '';
        while (i < diff.length && diff[i]![0] !== 0) {
          if (diff[i]![0] === -1) del += diff[i]![1];
          else ins += diff[i]![1];
          i += 1;
        }
        if (!del.trim() || !ins.trim() || del.includes('\n') || ins.includes('\n')) continue;
        const dt = tokenize(del);
        const it = tokenize(ins);
        // Word for word (the same spaces and punctuation between): each word replaced is a change of its own.
        if (dt.length === it.length && dt.every((t, k) => isWordToken(t) === isWordToken(it[k] as string) && (isWordToken(t) || t === it[k]))) {
          dt.forEach((t, k) => {
            const to = it[k] as string;
            if (isWordToken(t) && t !== to && !/^\d/.test(t)) count(t, to);
          });
        } else if (/\p{L}/u.test(del)) {
          // A phrase replaced by another, as a whole.
          count(del.trim(), ins.trim());
        }
      }
    }
  }
  // Replacements that are forms of one change ("организаций …" / "организациям …" → "университетов" / "университетам").
  const groups: { pairs: Replacement[]; n: number }[] = [];
  for (const { from, to, n } of counts.values()) {
    const group = groups.find((g) => g.pairs.some((p) => samePhrase(p.from, from) && samePhrase(p.to, to)));
    if (!group) groups.push({ pairs: [{ from, to }], n });
    else if (group.pairs.some((p) => p.from === from)) group.n = -Infinity; // one form replaced two ways: no common change
    else {
      group.pairs.push({ from, to });
      group.n += n;
    }
  }
  const texts: string[] = [];
  const walk = (units: Provision[]) => units.forEach((u) => (texts.push(u.heading, u.text), walk(u.children)));
  walk(draft.body);
  return groups.filter((g) => g.n >= min && texts.every((t) => wholeWordMatches(t, g.pairs.map((p) => p.from)).length === 0)).map((g) => g.pairs);
}
