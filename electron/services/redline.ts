import type { Amendment } from '../../shared/amend';
import type { AknWork } from '../../shared/akn';
import { rowsToLaw, type Lang, type LawDoc } from '../../shared/law';
import { dateInWords, redlineParagraphs, type RedlineParagraph } from '../../shared/redline';
import type { ReviewComment, RevisionAuthor } from '../io/redline-docx';
import { StoreError } from '../store/errors';
import { amendmentsOf } from './amendments';
import type { ReadContext } from './context';
import { justificationsOf } from './documents';

/** A working draft of a package with the text it amends and its amendments. */
export interface LoadedDraft {
  versionId: string;
  lang: Lang;
  title: string;
  work: AknWork;
  /** The date of the text in force the draft amends (YYYY-MM-DD). */
  baseDate: string;
  base: LawDoc;
  draft: LawDoc;
  amendments: Amendment[];
  /** When the draft was last saved. */
  savedAt: string;
}

/** A working draft's language and title, checked as loadDraft checks it, without loading the texts. */
export function draftMeta(ctx: ReadContext, packageId: string, versionId: string): { lang: Lang; title: string } {
  const { expression } = draftRecords(ctx, packageId, versionId);
  return { lang: expression.lang, title: expression.title };
}

function draftRecords(ctx: ReadContext, packageId: string, versionId: string) {
  const { store } = ctx;
  const version = store.versions.get(versionId);
  if (!version || version.packageId !== packageId || version.status !== 'draft' || !version.baseVersionId) throw new StoreError('NOT_FOUND', `No working draft ${versionId} in package ${packageId}.`, 'draft.notFound', { versionId, packageId });
  const expression = store.works.getExpression(version.expressionId);
  if (!expression) throw new StoreError('NOT_FOUND', `No text ${version.expressionId}.`, 'text.notFound', { expressionId: version.expressionId });
  return { version: { ...version, baseVersionId: version.baseVersionId }, expression };
}

/** Loads one working draft of a package; a version of another package, or not a draft, is refused. */
export function loadDraft(ctx: ReadContext, packageId: string, versionId: string): LoadedDraft {
  const { store } = ctx;
  const { version, expression } = draftRecords(ctx, packageId, versionId);
  const workRecord = store.works.listWorks().find((w) => w.id === expression.workId);
  const baseVersion = store.versions.get(version.baseVersionId);
  const base = rowsToLaw(store.provisions.load(version.baseVersionId), expression.lang);
  const draft = rowsToLaw(store.provisions.load(versionId), expression.lang);
  return {
    versionId,
    lang: expression.lang,
    title: expression.title,
    work: { kind: workRecord?.kind ?? 'law', date: workRecord?.date ?? null, number: workRecord?.number ?? null, title: expression.title },
    baseDate: baseVersion?.inForceFrom ?? workRecord?.date ?? version.createdAt.slice(0, 10),
    base,
    draft,
    amendments: amendmentsOf(ctx, versionId),
    savedAt: version.updatedAt,
  };
}

/** The drafts of a package in one language, loaded, in the order the package lists them. */
export function loadDrafts(ctx: ReadContext, packageId: string, lang: Lang): LoadedDraft[] {
  return ctx.store.versions
    .listByPackage(packageId)
    .filter((v) => v.status === 'draft' && ctx.store.works.getExpression(v.expressionId)?.lang === lang)
    .map((v) => loadDraft(ctx, packageId, v.id));
}

/** What a redline of a draft shows besides the law. */
export interface RedlineChoice {
  /** Only the articles that change, with their chapter headings. */
  changedOnly: boolean;
  /** The gaps each amendment targets and its justification, as comments. */
  comments: boolean;
}

/** A draft's redline, ready for any format: its lines, notes, and whose revisions they are. */
export interface DraftRedline {
  paragraphs: RedlineParagraph[];
  comments: Map<string, string> | undefined;
  /** The reviewers' comment threads on each amendment (comments and replies, oldest first), by uid; only with comments asked for. */
  threads: Map<string, ReviewComment[]> | undefined;
  /** The package's title, for the running header of every page. */
  packageTitle: string | undefined;
  /** The date of the draft's text (its last save, YYYY-MM-DD), for the running header. */
  date: string;
  /** The author and date of an amendment's revisions, by its uid. */
  revisionOf(uid: string): RevisionAuthor;
  /** Who prepared the redline (the people whose changes it shows) and its date. */
  preparedBy: string;
}

/** The author of a tracked change nobody signed. */
const NO_AUTHOR: Readonly<Record<Lang, string>> = { ru: 'Автор не указан', kk: 'Авторы көрсетілмеген', en: 'Author not given' };

/**
 * The redline of one draft. Each amendment's revisions carry who last changed it and when, as the
 * store recorded at save; amendments from before that record existed, or that nobody signed, fall
 * back to the package's authors (else "author not given") and the draft's last save.
 */
export function draftRedline(ctx: ReadContext, packageId: string, loaded: LoadedDraft, choice: RedlineChoice): DraftRedline {
  const pkg = ctx.store.packages.get(packageId);
  // A tracked change needs an author: nobody named is said so, in the law's language (not the program's name).
  // (Not the name of whoever exports: they did not make the change.)
  const fallback = { author: pkg?.authors.length ? pkg.authors.join(', ') : NO_AUTHOR[loaded.lang], date: loaded.savedAt };
  const recorded = ctx.store.amendments.revisions(loaded.versionId);
  const revisionOf = (uid: string) => {
    const r = recorded.get(uid);
    return r ? { author: r.author || fallback.author, date: r.changedAt } : fallback;
  };
  const authors = [...new Set(loaded.amendments.map((a) => revisionOf(a.uid).author))];
  const threads = new Map<string, ReviewComment[]>();
  if (choice.comments) {
    for (const a of loaded.amendments) {
      const thread = ctx.store.review.comments(packageId, a.uid).map(({ id, parentId, author, text, createdAt }) => ({ id, parentId, author, text, createdAt }));
      if (thread.length) threads.set(a.uid, thread);
    }
  }
  return {
    paragraphs: redlineParagraphs(loaded.base, loaded.draft, loaded.amendments, { changedOnly: choice.changedOnly }),
    comments: choice.comments ? justificationsOf(ctx, packageId, loaded.lang) : undefined,
    threads: choice.comments ? threads : undefined,
    packageTitle: pkg?.title,
    date: loaded.savedAt.slice(0, 10),
    revisionOf,
    preparedBy: `${(authors.length ? authors : [fallback.author]).join(', ')}, ${dateInWords(loaded.lang, loaded.savedAt.slice(0, 10))}`,
  };
}
