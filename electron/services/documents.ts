import { withLanguageNotes } from '../../shared/bilingual/language-notes';
import { citation, planOperations, renderAmendingLaw, type ActInstructions } from '../../shared/instructions';
import { rowsToLaw, type Lang, type LawDoc } from '../../shared/law';
import { comparativeTable, type ComparativeRow } from '../../shared/table/comparative';
import { StoreError } from '../store/errors';
import { amendmentsOf } from './amendments';
import type { ReadContext } from './context';
import { languageNotesOf } from './parity';
import { noProgress, type Progress } from './progress';
import { throughoutGroups } from './throughout';

/** The documents a draft amending law is submitted with, in one language. */
export interface PackageDocuments {
  lang: Lang;
  /** Languages in which the package has working drafts. */
  languages: Lang[];
  title: string;
  /** The text of the amending law; empty when nothing has changed yet. */
  lawText: string;
  table: ComparativeRow[];
}

/**
 * Why each amendment of a package is made, in one language, by uid: the gaps it targets, then what
 * people wrote. The justification column of the table, the comments of a redline, the AKN
 * justification: one text everywhere.
 */
export function justificationsOf(ctx: ReadContext, packageId: string, lang: Lang): Map<string, string> {
  const { store } = ctx;
  const notes = store.amendments.annotations(packageId);
  const gapsOf = store.gaps.gapsOf(packageId);
  const gapNames = new Map(store.gaps.list().map((g) => [g.code, g.names[lang]]));
  const justifications = new Map<string, string>();
  for (const uid of new Set([...notes.keys(), ...gapsOf.keys()])) {
    const gaps = (gapsOf.get(uid) ?? []).map((c) => gapNames.get(c) ?? c).join('; ');
    const text = notes.get(uid)?.justification ?? '';
    justifications.set(uid, [gaps, text].filter(Boolean).join('. '));
  }
  return justifications;
}

/**
 * The amending law and the comparative table of a package in one language, both made from the same
 * amendments of its working drafts in that language (one act per draft), so they cannot disagree.
 * The justification column shows what people wrote on each amendment.
 */
export function packageDocuments(ctx: ReadContext, packageId: string, lang: Lang, progress: Progress = noProgress): PackageDocuments {
  const { store } = ctx;
  const pkg = store.packages.get(packageId);
  if (!pkg) throw new StoreError('NOT_FOUND', `No package ${packageId}.`, 'package.notFound', { packageId });
  const works = new Map(store.works.listWorks().map((w) => [w.id, w]));
  const drafts = draftsOf(ctx, packageId);
  const languages = languagesOf(drafts);
  const justifications = justificationsOf(ctx, packageId, lang);
  // What this language's law says of changes made in the other official language only.
  const languageNotes = languageNotesOf(ctx, packageId, lang);
  const acts: ActInstructions[] = [];
  const table: ComparativeRow[] = [];
  let done = 0;
  for (const { v, e } of drafts) {
    progress(done++, drafts.length);
    if (!e || e.lang !== lang || !v.baseVersionId) continue;
    const base: LawDoc = rowsToLaw(store.provisions.load(v.baseVersionId), lang);
    const draft: LawDoc = rowsToLaw(store.provisions.load(v.id), lang);
    // The stored list: the one every output and the panel read.
    const amendments = amendmentsOf(ctx, v.id);
    const notes = languageNotes.get(v.id);
    // A text with no change of its own is still an act of this law when it says the other language's text changes.
    if (amendments.length === 0 && !notes?.unchanged.length) continue;
    const work = works.get(e.workId);
    const code = work?.kind === 'code';
    const planned = planOperations(base, draft, { code, throughout: throughoutGroups(ctx, v.id) }, amendments);
    acts.push({ citation: citation(lang, work?.kind ?? 'law', work?.date ?? null, e.title), operations: notes ? withLanguageNotes(base, planned, notes) : planned, code });
    // Rows are numbered through the whole table, act after act.
    for (const row of comparativeTable(amendments, lang, justifications)) table.push({ ...row, no: table.length + 1 });
  }
  progress(drafts.length, drafts.length);
  return { lang, languages, title: pkg.title, lawText: acts.length ? renderAmendingLaw(lang, acts) : '', table };
}

/**
 * A package's drafts with their texts, the laws in the order the package first took them up in any
 * language: the Russian and the Kazakh amending laws number the acts alike, whichever text of a
 * law was added first.
 */
function draftsOf(ctx: ReadContext, packageId: string) {
  const drafts = ctx.store.versions.listByPackage(packageId).map((v) => ({ v, e: ctx.store.works.getExpression(v.expressionId) }));
  const order = [...new Set(drafts.map((d) => d.e?.workId))];
  return drafts.map((d, i) => ({ d, i })).sort((x, y) => order.indexOf(x.d.e?.workId) - order.indexOf(y.d.e?.workId) || x.i - y.i).map((x) => x.d);
}

function languagesOf(drafts: ReturnType<typeof draftsOf>): Lang[] {
  return [...new Set(drafts.map((d) => d.e?.lang).filter((l): l is Lang => !!l))];
}

/** The languages a package has texts in, without reading the texts (an export checks the one asked for). */
export function packageLanguages(ctx: ReadContext, packageId: string): Lang[] {
  if (!ctx.store.packages.get(packageId)) throw new StoreError('NOT_FOUND', `No package ${packageId}.`, 'package.notFound', { packageId });
  return languagesOf(draftsOf(ctx, packageId));
}
