import { record } from './audit/log';
import { alignTexts, type Alignment } from '../../shared/bilingual/align';
import { changedInOneLanguage, textFindings, wording, type ParityFinding } from '../../shared/bilingual/findings';
import { languageNotes, withLanguageNotes, type LanguageNotes } from '../../shared/bilingual/language-notes';
import { statementFindings } from '../../shared/bilingual/statements';
import { InstructionError, planOperations, type Operation } from '../../shared/instructions';
import { rowsToLaw, type Lang, type LawDoc } from '../../shared/law';
import type { LawParity, PackageParity } from '../../shared/ipc';
import { StoreError } from '../store/errors';
import type { VersionRecord } from '../store/repositories/versions';
import { amendmentsOf } from './amendments';
import type { ServiceContext, ReadContext } from './context';
import { getIdentity } from './identity';
import { throughoutGroups } from './throughout';

/**
 * The two official languages of a package kept in step (issue 15; DESIGN.md, "Two official
 * languages"): each law the package amends in Kazakh and Russian is checked text against text —
 * structure, numbers, references, units changed in one language only, the two amending laws'
 * statements — and a drafter can mark a unit "unchanged in this language". English texts are
 * unofficial translations: they follow structural edits but are not checked.
 */

/** The official languages, whose texts must say the same. */
const OFFICIAL: readonly Lang[] = ['ru', 'kk'];

/** One language's draft of a law in a package, read. */
interface Side {
  version: VersionRecord;
  lang: Lang;
  base: LawDoc;
  draft: LawDoc;
  /** The uids its stored amendments change. */
  changed: Set<string>;
}

/** A law of a package in both official languages: the Russian and the Kazakh drafts, aligned. */
interface LawPair {
  workId: string;
  workSlug: string;
  title: string;
  ru: Side;
  kk: Side;
  alignment: Alignment;
}

/** The drafts of a package, by work, with their languages. */
function draftsByWork(ctx: ReadContext, packageId: string): Map<string, { version: VersionRecord; lang: Lang; title: string }[]> {
  const out = new Map<string, { version: VersionRecord; lang: Lang; title: string }[]>();
  for (const version of ctx.store.versions.listByPackage(packageId)) {
    const e = ctx.store.works.getExpression(version.expressionId);
    if (!e) continue;
    out.set(e.workId, [...(out.get(e.workId) ?? []), { version, lang: e.lang, title: e.title }]);
  }
  return out;
}

function readSide(ctx: ReadContext, version: VersionRecord, lang: Lang): Side {
  const { store } = ctx;
  const base = rowsToLaw(version.baseVersionId ? store.provisions.load(version.baseVersionId) : [], lang);
  return { version, lang, base, draft: rowsToLaw(store.provisions.load(version.id), lang), changed: new Set(amendmentsOf(ctx, version.id).map((a) => a.uid)) };
}

/** The laws of a package that it amends in both official languages. */
function lawPairs(ctx: ReadContext, packageId: string): LawPair[] {
  const works = new Map(ctx.store.works.listWorks().map((w) => [w.id, w]));
  const pairs: LawPair[] = [];
  for (const [workId, drafts] of draftsByWork(ctx, packageId)) {
    const ru = drafts.find((d) => d.lang === 'ru');
    const kk = drafts.find((d) => d.lang === 'kk');
    if (!ru || !kk) continue;
    const a = readSide(ctx, ru.version, 'ru');
    const b = readSide(ctx, kk.version, 'kk');
    pairs.push({ workId, workSlug: works.get(workId)?.slug ?? '', title: ru.title, ru: a, kk: b, alignment: alignTexts(a.draft, b.draft) });
  }
  return pairs;
}

/**
 * The "unchanged in this language" marks that still hold, by uid: a mark holds while the other
 * text's unit reads as it did when it was marked (else it is stale, and the unit is flagged again).
 */
function holdingMarks(ctx: ReadContext, pair: LawPair): { ru: Set<string>; kk: Set<string> } {
  const out = { ru: new Set<string>(), kk: new Set<string>() };
  for (const lang of ['ru', 'kk'] as const) {
    const marks = ctx.store.parityMarks.list(pair[lang].version.id);
    if (marks.size === 0) continue;
    for (const { a, b } of pair.alignment.units) {
      const [mine, theirs] = lang === 'ru' ? [a, b] : [b, a];
      const mark = mine && marks.get(mine.uid);
      if (mark && theirs && wording(theirs) === mark.against) out[lang].add(mine.uid);
    }
  }
  return out;
}

/** The units whose marks hold, with their eIds (the panel names them). */
function markedUnits(pair: LawPair, marks: { ru: Set<string>; kk: Set<string> }): LawParity['marked'] {
  const out: LawParity['marked'] = { ru: [], kk: [] };
  for (const { a, b } of pair.alignment.units) {
    if (a && marks.ru.has(a.uid)) out.ru.push({ uid: a.uid, eId: a.eId });
    if (b && marks.kk.has(b.uid)) out.kk.push({ uid: b.uid, eId: b.eId });
  }
  return out;
}

/** What one language's amending law must say about the other language's changes (see LanguageNotes). */
function notesFor(pair: LawPair, lang: 'ru' | 'kk', marks: { ru: Set<string>; kk: Set<string> }): LanguageNotes {
  return languageNotes(pair.alignment, { a: pair.ru.changed, b: pair.kk.changed }, { a: marks.ru, b: marks.kk }, lang === 'ru' ? 'a' : 'b');
}

/** The operations of one language's act, as its amending law writes them (language notes included). */
function actOperations(ctx: ReadContext, side: Side, code: boolean, notes: LanguageNotes): Operation[] {
  const planned = planOperations(side.base, side.draft, { code, throughout: throughoutGroups(ctx, side.version.id) }, amendmentsOf(ctx, side.version.id));
  return withLanguageNotes(side.base, planned, notes);
}

/**
 * For the amending law in `lang`: per draft of that language, what it says about changes made in
 * the other official language only (documents.ts writes them in).
 */
export function languageNotesOf(ctx: ReadContext, packageId: string, lang: Lang): Map<string, LanguageNotes> {
  const out = new Map<string, LanguageNotes>();
  if (lang !== 'ru' && lang !== 'kk') return out;
  for (const pair of lawPairs(ctx, packageId)) out.set(pair[lang].version.id, notesFor(pair, lang, holdingMarks(ctx, pair)));
  return out;
}

/**
 * Every parity finding of a package, law by law (README "Two official languages"): for each law it
 * amends in both official languages, the texts against each other and the two amending laws'
 * statements; for a law amended in one official language whose other text is in the library, that
 * the other text is missing from the package.
 */
export function packageParity(ctx: ReadContext, packageId: string): PackageParity {
  const { store } = ctx;
  if (!store.packages.get(packageId)) throw new StoreError('NOT_FOUND', `No package ${packageId}.`, 'package.notFound', { packageId });
  const works = new Map(store.works.listWorks().map((w) => [w.id, w]));
  const laws: LawParity[] = [];
  for (const pair of lawPairs(ctx, packageId)) {
    const marks = holdingMarks(ctx, pair);
    const code = works.get(pair.workId)?.kind === 'code';
    const units = [...textFindings(pair.alignment), ...changedInOneLanguage(pair.alignment, pair.ru.changed, pair.kk.changed, { a: marks.ru, b: marks.kk })];
    // The two amending laws are compared once the texts are in step: before, their differences are those of the units, said once.
    let statements: ParityFinding[] = [];
    if (units.length === 0) {
      try {
        const ops = (lang: 'ru' | 'kk') => actOperations(ctx, pair[lang], code, notesFor(pair, lang, marks));
        statements = statementFindings(pair.title, { lang: 'ru', operations: ops('ru') }, { lang: 'kk', operations: ops('kk') });
      } catch (error) {
        // A draft the amending formulas cannot write yet (the documents say why): its statements are not compared.
        if (!(error instanceof InstructionError)) throw error;
      }
    }
    laws.push({ workSlug: pair.workSlug, title: pair.title, drafts: { ru: pair.ru.version.id, kk: pair.kk.version.id }, findings: [...units, ...statements], marked: markedUnits(pair, marks) });
  }
  // A law amended in one official language whose other official text the library has.
  const expressions = store.works.listExpressions();
  for (const [workId, drafts] of draftsByWork(ctx, packageId)) {
    const langs = new Set(drafts.map((d) => d.lang));
    for (const lang of OFFICIAL) {
      const other = lang === 'ru' ? 'kk' : 'ru';
      const present = drafts.find((d) => d.lang === lang);
      if (!present || langs.has(other) || !expressions.some((e) => e.workId === workId && e.lang === other)) continue;
      laws.push({
        workSlug: works.get(workId)?.slug ?? '',
        title: present.title,
        drafts: { [lang]: present.version.id },
        findings: [{ kind: 'structure', code: 'text-missing', eId: '', message: `${present.title}: the ${other} text is in the library but not in the package; add it so both texts are amended.`, [lang]: present.title }],
        marked: { ru: [], kk: [] },
      });
    }
  }
  return { laws, count: laws.reduce((n, l) => n + l.findings.length, 0) };
}

/**
 * Marks a unit of a draft "unchanged in this language" (or takes the mark away): its text stays
 * while the other official language's text of it changes. The mark answers for the other text's
 * wording as it is now. Refused when the package is no longer a draft, the law is not amended in
 * the other language too, or the mark would say nothing true: this text changed the unit itself,
 * or the other text did not. Returns the package (the caller reads its parity again).
 */
export function markUnchanged(ctx: ServiceContext, input: { versionId: string; uid: string; unchanged: boolean }): { packageId: string } {
  const { store } = ctx;
  const version = store.versions.get(input.versionId);
  if (!version?.packageId) throw new StoreError('NOT_FOUND', `No draft ${input.versionId}.`, 'version.notFound', { versionId: input.versionId });
  const pkg = store.packages.get(version.packageId);
  if (!pkg || pkg.status !== 'draft') throw new StoreError('NOT_EDITABLE', 'This package is no longer a draft.', 'package.notDraft');
  const packageId = pkg.id;
  store.transaction(() => {
    record(ctx, packageId, input.uid, input.unchanged ? 'mark-unchanged' : 'unmark-unchanged', { versionId: version.id });
    if (!input.unchanged) {
      store.parityMarks.remove(version.id, input.uid);
    } else {
      const pair = lawPairs(ctx, packageId).find((p) => p.ru.version.id === version.id || p.kk.version.id === version.id);
      if (!pair) throw new StoreError('NOT_READY', 'The law is not amended in the other official language in this package.', 'parity.noCounterpart');
      const lang = pair.ru.version.id === version.id ? 'ru' : 'kk';
      const other = lang === 'ru' ? 'kk' : 'ru';
      const aligned = pair.alignment.units.find((u) => (lang === 'ru' ? u.a : u.b)?.uid === input.uid);
      const theirs = aligned && (lang === 'ru' ? aligned.b : aligned.a);
      if (!aligned || !theirs) throw new StoreError('NOT_FOUND', 'This unit has no counterpart in the other language.', 'parity.noCounterpartUnit');
      if (pair[lang].changed.has(input.uid) || !pair[other].changed.has(theirs.uid)) throw new StoreError('NOT_READY', 'Only a unit left as it was while the other language changed it can be marked unchanged in this language.', 'parity.notOneLanguage');
      store.parityMarks.set(version.id, { uid: input.uid, against: wording(theirs), markedBy: getIdentity(ctx)?.name ?? '', markedAt: ctx.now() });
    }
    store.packages.touch(packageId, ctx.now());
  });
  return { packageId };
}
