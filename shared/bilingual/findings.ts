import { derive } from '../amend/derive';
import type { Lang } from '../law/language';
import type { LawDoc, Provision } from '../law/provision';
import { alignTexts, type Alignment } from './align';
import { factDifference, factsOf } from './facts';

/**
 * The parity of a law's two language texts — what a linguistic review checks before a draft goes
 * out — as findings that are data (kind, eId, message), for the editor, "ready for review" and
 * `zan parity` alike. The messages are English, as the CLI and the logs print them.
 */

/** What a finding is about. */
export type ParityKind = 'one-language' | 'structure' | 'number' | 'reference' | 'statement';

/**
 * What exactly a finding says, for a reader in any language: a unit in one text only, units that
 * differ in kind, number or repeal, a unit with no text yet in one language, numbers or references
 * that differ, a unit changed in one language only, the amending laws' statements, a law's other
 * text missing from the package.
 */
export type ParityCode = 'only-in' | 'differs' | 'translate' | 'facts' | 'changed' | 'statement-count' | 'statement' | 'text-missing';

/** One finding; `ru` / `kk` (or the other language's code) hold what each text has. */
export interface ParityFinding {
  kind: ParityKind;
  /** What it says (the message says it in English); not printed by the CLI's JSON. */
  code: ParityCode;
  eId: string;
  message: string;
  ru?: string;
  kk?: string;
  en?: string;
  /**
   * The units that must be seen to, by language (uids, for the editor's flags): the counterpart
   * left as it was, the unit with no text yet, or both units that differ. Not printed by the CLI.
   */
  units?: Partial<Record<Lang, string>>;
}

const label = (u: Provision) => `${u.kind} ${u.num}`.trim();
/** A unit's words: its heading and text (what a translation must match). */
export const wording = (u: Provision): string => [u.heading, u.text].filter(Boolean).join('\n');

/** Where two aligned texts differ in structure, numbers and references, unit by unit. */
export function textFindings(alignment: Alignment): ParityFinding[] {
  const { langA, langB } = alignment;
  const out: ParityFinding[] = [];
  for (const { a, b, eId } of alignment.units) {
    if (!a || !b) {
      const only = (a ?? b) as Provision;
      out.push({ kind: 'structure', code: 'only-in', eId, message: `${label(only)} stands only in the ${a ? langA : langB} text.`, [a ? langA : langB]: wording(only), units: { [a ? langA : langB]: only.uid } });
      continue;
    }
    const both = { [langA]: a.uid, [langB]: b.uid };
    if (a.kind !== b.kind || a.num !== b.num || a.repealed !== b.repealed) {
      out.push({ kind: 'structure', code: 'differs', eId, message: `The texts differ in this unit's ${a.kind !== b.kind ? 'kind' : a.num !== b.num ? 'number' : 'repeal'}: ${label(a)} (${langA}), ${label(b)} (${langB})${a.repealed !== b.repealed ? `; repealed in ${a.repealed ? langA : langB} only` : ''}.`, [langA]: label(a), [langB]: label(b), units: both });
      continue;
    }
    // A unit added in one language (and made in the other by the workbench) waits for its translation.
    if (!wording(a) !== !wording(b)) {
      const [empty, full, emptyLang] = wording(a) ? [b, a, langB] : [a, b, langA];
      out.push({ kind: 'one-language', code: 'translate', eId, message: `${label(full)} has no ${emptyLang} text yet: translate it.`, [emptyLang === langA ? langB : langA]: wording(full), units: { [emptyLang]: empty.uid } });
      continue;
    }
    const { onlyA, onlyB } = factDifference(factsOf(wording(a), langA), factsOf(wording(b), langB));
    if (onlyA.length === 0 && onlyB.length === 0) continue;
    const isRef = (f: string) => f.startsWith('ref:');
    for (const kind of ['number', 'reference'] as const) {
      const inA = onlyA.filter((f) => isRef(f) === (kind === 'reference'));
      const inB = onlyB.filter((f) => isRef(f) === (kind === 'reference'));
      if (inA.length || inB.length) out.push({ kind, code: 'facts', eId, message: `${label(a)}: the ${langA} text has ${inA.join(', ') || 'nothing'} where the ${langB} text has ${inB.join(', ') || 'nothing'}.`, [langA]: inA.join(', '), [langB]: inB.join(', '), units: both });
    }
  }
  return out;
}

/** The units marked "unchanged in this language", in each text (uids of that text's units). */
export interface UnchangedMarks {
  a: ReadonlySet<string>;
  b: ReadonlySet<string>;
}

const NO_MARKS: UnchangedMarks = { a: new Set(), b: new Set() };

/**
 * The units a draft changed in one language only: an amendment in one text whose counterpart the
 * other text's draft leaves as it was — unless that counterpart is marked "unchanged in this
 * language" there (a mark on the changed text's own unit answers nothing: the two texts share
 * uids, so the side matters). A unit new in one text only is a structure finding, not this.
 */
export function oneLanguageFindings(baseA: LawDoc, draftA: LawDoc, baseB: LawDoc, draftB: LawDoc, unchanged: UnchangedMarks = NO_MARKS): ParityFinding[] {
  const changedA = new Set(derive(baseA, draftA).map((x) => x.uid));
  const changedB = new Set(derive(baseB, draftB).map((x) => x.uid));
  return changedInOneLanguage(alignTexts(draftA, draftB), changedA, changedB, unchanged);
}

/** oneLanguageFindings on drafts already aligned, given the uids each draft amends (its stored amendments). */
export function changedInOneLanguage(alignment: Alignment, changedA: ReadonlySet<string>, changedB: ReadonlySet<string>, unchanged: UnchangedMarks = NO_MARKS): ParityFinding[] {
  const langs: [Lang, Lang] = [alignment.langA, alignment.langB];
  const out: ParityFinding[] = [];
  for (const { a, b, eId } of alignment.units) {
    if (!a || !b) continue;
    const inA = changedA.has(a.uid);
    const inB = changedB.has(b.uid);
    // Changed in a only: answered by a mark on b's unit; changed in b only: by one on a's.
    if (inA === inB || (inA ? unchanged.b.has(b.uid) : unchanged.a.has(a.uid))) continue;
    const [changedLang, otherLang] = inA ? langs : [langs[1], langs[0]];
    out.push({ kind: 'one-language', code: 'changed', eId, message: `${label(a)} is changed in the ${changedLang} text only; change the ${otherLang} text too, or mark it unchanged in that language.`, [langs[0]]: wording(a), [langs[1]]: wording(b), units: { [otherLang]: inA ? b.uid : a.uid } });
  }
  return out;
}
