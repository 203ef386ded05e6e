import { recordExport } from './audit/log';
import { aknAct, aknAmendmentDocument } from '../../shared/akn';
import { coverageCsv, coverageHtml } from '../../shared/gaps/report';
import type { Lang } from '../../shared/law';
import { redlineHtml } from '../../shared/redline';
import { comparativeTableHtml, TABLE_WORDS } from '../../shared/table/comparative';
import { amendingLawDocx } from '../io/law-docx';
import { amendingLawHtml } from '../io/law-html';
import { redlineDocx } from '../io/redline-docx';
import { bilingualTableDocx, comparativeTableDocx } from '../io/table-docx';
import { bilingualRows, bilingualTableHtml, type BilingualRow } from '../../shared/table/bilingual';
import { languageNotesOf } from './parity';
import { writeFileAtomic } from '../io/write-file-atomic';
import { StoreError } from '../store/errors';
import { whenWritable, type ServiceContext, type ReadContext } from './context';
import { citation } from '../../shared/instructions';
import { justificationsOf, packageDocuments, packageLanguages, type PackageDocuments } from './documents';
import { packageCoverage } from './gaps';
import { draftMeta, draftRedline, loadDraft, loadDrafts, type DraftRedline, type LoadedDraft, type RedlineChoice } from './redline';

/** The formats files are exported in. */
export type ExportFormat = 'docx' | 'html' | 'pdf' | 'csv' | 'json' | 'xml';

/** Asks where to save a file (a dialog the user sees, in the app); null when they cancel. */
export type ChooseSavePath = (suggestedName: string, format: ExportFormat) => Promise<string | null>;

/** What exports need from the app: its dialogs and its PDF printer. */
export interface ExportDeps {
  chooseSavePath: ChooseSavePath;
  /** Asks for a folder (the bundle's destination); null when the user cancels. */
  chooseFolder(): Promise<string | null>;
  /** Prints a self-contained HTML page to PDF (Chromium: `printToPDF` in the app, headless in tests). */
  printPdf(html: string): Promise<Buffer>;
}

/** What the user asked to export. */
export interface ExportRequest {
  packageId: string;
  lang: Lang;
  document: 'law' | 'table' | 'coverage' | 'bilingual-table';
  format: 'docx' | 'html' | 'csv';
}

const NAMES = {
  law: { ru: 'Проект закона', kk: 'Заң жобасы', en: 'Draft law' },
  coverage: { ru: 'Покрытие пробелов', kk: 'Олқылықтарды қамту', en: 'Gap coverage' },
  redline: { ru: 'Текст с изменениями', kk: 'Өзгерістері бар мәтін', en: 'Redline' },
  akn: { ru: 'Akoma Ntoso', kk: 'Akoma Ntoso', en: 'Akoma Ntoso' },
} as const;

/** Most file systems allow 255 bytes per name; this leaves room for a suffix and an extension. */
const MAX_NAME_BYTES = 160;

/**
 * A file name from a title: no characters file systems refuse, and short enough in bytes (a
 * Cyrillic letter takes two), cut at a whole character.
 */
export function safeFileName(name: string): string {
  let out = name.replace(/[\\/:*?"<>|\u0000-\u001F]+/g, ' ').replace(/\s+/g, ' ').trim();
  const encoder = new TextEncoder();
  while (encoder.encode(out).length > MAX_NAME_BYTES) out = Array.from(out).slice(0, -1).join('');
  return out.trim() || 'document';
}

/** The amending law, the table or the coverage report of a package, as file content. */
export async function packageDocumentContent(ctx: ReadContext, request: ExportRequest, docs: PackageDocuments = packageDocuments(ctx, request.packageId, request.lang)): Promise<string | Uint8Array> {
  if (request.document === 'coverage') {
    const c = packageCoverage(ctx, request.packageId);
    const input = { title: docs.title, perGap: c.perGap, amendments: c.amendments, uncoveredGaps: c.uncoveredGaps, gapNames: new Map(ctx.store.gaps.list().map((g) => [g.code, g.names[request.lang]])) };
    return request.format === 'csv' ? coverageCsv(input, request.lang) : coverageHtml(input, request.lang);
  }
  if (request.document === 'table') return request.format === 'docx' ? comparativeTableDocx(docs.table, request.lang, docs.title) : comparativeTableHtml(docs.table, request.lang, docs.title);
  if (request.document === 'bilingual-table') {
    if (request.format === 'csv') throw new StoreError('INVALID_INPUT', 'The table in both languages is exported as DOCX or HTML.', 'export.bilingualFormat');
    const rows = bilingualTableOf(ctx, request.packageId, docs);
    return request.format === 'docx' ? bilingualTableDocx(rows, request.lang, docs.title) : bilingualTableHtml(rows, request.lang, docs.title);
  }
  if (request.format === 'docx') return amendingLawDocx({ lang: request.lang, title: docs.title, lawText: docs.lawText });
  return amendingLawHtml(request.lang, docs.title, docs.lawText);
}

/**
 * The comparative table of a package in both official languages: its Kazakh and Russian tables
 * merged unit by unit, with the units marked "unchanged in this language". Refused when the
 * package has no text in one of them.
 */
export function bilingualTableOf(ctx: ReadContext, packageId: string, known?: PackageDocuments): BilingualRow[] {
  const languages = packageLanguages(ctx, packageId);
  if (!languages.includes('kk') || !languages.includes('ru')) throw new StoreError('NOT_READY', 'The package has no Kazakh or no Russian text: the table in both languages needs both.', 'export.needsBothLanguages');
  const unchanged = (lang: 'kk' | 'ru') => new Set([...languageNotesOf(ctx, packageId, lang).values()].flatMap((n) => n.unchanged.map((u) => u.uid)));
  // The documents already made for the export's own language are not made again.
  const table = (lang: 'kk' | 'ru') => (known?.lang === lang ? known : packageDocuments(ctx, packageId, lang)).table;
  return bilingualRows(table('kk'), table('ru'), { kk: unchanged('kk'), ru: unchanged('ru') });
}

/** The suggested file name of a package document. */
export function packageDocumentName(request: ExportRequest): string {
  if (request.document === 'bilingual-table') return `${TABLE_WORDS.kk.title} - ${TABLE_WORDS.ru.title}.${request.format}`;
  const base = request.document === 'table' ? TABLE_WORDS[request.lang].title : NAMES[request.document][request.lang];
  return `${base} (${request.lang}).${request.format}`;
}

/**
 * Exports the amending law or the comparative table of a package to a file the user chose. Files
 * are written only in the main process and only where a dialog put them. Returns the path, or null
 * when the user cancelled.
 */
export async function exportPackageDocument(ctx: ServiceContext, request: ExportRequest, choose: ChooseSavePath, make: MakeContent<ExportRequest> = (r) => packageDocumentContent(ctx, r)): Promise<{ path: string | null }> {
  if (!packageLanguages(ctx, request.packageId).includes(request.lang)) throw new StoreError('NOT_FOUND', `The package has no text in ${request.lang}.`, 'package.noLanguage', { lang: request.lang });
  if (request.document === 'coverage' ? request.format === 'docx' : request.format === 'csv') {
    throw new StoreError('INVALID_INPUT', `The ${request.document} is not exported as ${request.format}.`, 'export.unsupported', { document: request.document, format: request.format.toUpperCase() });
  }
  const path = await choose(packageDocumentName(request), request.format);
  if (!path) return { path: null };
  const content = await make(request);
  writeFileAtomic(path, content);
  await whenWritable(ctx, () => recordExport(ctx, request.packageId, { document: request.document, format: request.format, lang: request.lang }, path, content));
  return { path };
}

/**
 * Makes an export's content from its request. The app hands this work to its worker thread
 * (electron/work/), so that packing a whole code does not hold up the main process; tests make it inline.
 */
export type MakeContent<R> = (request: R) => Promise<string | Uint8Array>;

/** A redline of one draft in one format. */
export interface RedlineRequest extends RedlineChoice {
  packageId: string;
  versionId: string;
  format: 'docx' | 'html' | 'pdf';
}

/** A draft's redline as file content: DOCX with native tracked changes, HTML, or PDF printed from that HTML. */
export async function redlineContent(ctx: ReadContext, packageId: string, loaded: LoadedDraft, format: RedlineRequest['format'], choice: RedlineChoice, printPdf: ExportDeps['printPdf']): Promise<string | Uint8Array> {
  return redlineFile(draftRedline(ctx, packageId, loaded, choice), loaded, format, printPdf);
}

/** A redline already made (see draftRedline) as file content in one format. */
export async function redlineFile(r: DraftRedline, loaded: LoadedDraft, format: RedlineRequest['format'], printPdf: ExportDeps['printPdf']): Promise<string | Uint8Array> {
  const page = { lang: loaded.lang, title: loaded.title, packageTitle: r.packageTitle, date: r.date };
  if (format === 'docx') return redlineDocx(r.paragraphs, { ...page, revisionOf: r.revisionOf, comments: r.comments, threads: r.threads });
  const html = redlineHtml(r.paragraphs, { ...page, preparedBy: r.preparedBy, comments: r.comments });
  return format === 'html' ? html : printPdf(html);
}

/**
 * The redline a request asks for, made where no printer is (the worker thread): a PDF is asked for
 * as its HTML, which the main process prints.
 */
export async function redlineForPrinting(ctx: ReadContext, request: RedlineRequest): Promise<string | Uint8Array> {
  const loaded = loadDraft(ctx, request.packageId, request.versionId);
  return redlineContent(ctx, request.packageId, loaded, request.format === 'pdf' ? 'html' : request.format, request, async () => {
    throw new Error('not printed here');
  });
}

/** The suggested file name of a draft's redline. */
export function redlineName(loaded: Pick<LoadedDraft, 'lang' | 'title'>, format: string): string {
  return `${NAMES.redline[loaded.lang]} — ${safeFileName(loaded.title)}.${format}`;
}

/**
 * Exports the redline of one draft to a file the user chose; null when they cancelled. `make`
 * gives the DOCX or HTML (for a PDF, the HTML to print).
 */
export async function exportRedline(ctx: ServiceContext, request: RedlineRequest, deps: ExportDeps, make: MakeContent<RedlineRequest> = (r) => redlineForPrinting(ctx, r)): Promise<{ path: string | null }> {
  const meta = draftMeta(ctx, request.packageId, request.versionId);
  const path = await deps.chooseSavePath(redlineName(meta, request.format), request.format);
  if (!path) return { path: null };
  const content = await make(request);
  const written = request.format === 'pdf' ? await deps.printPdf(typeof content === 'string' ? content : new TextDecoder().decode(content)) : content;
  writeFileAtomic(path, written);
  await whenWritable(ctx, () => recordExport(ctx, request.packageId, { document: 'redline', format: request.format, versionId: request.versionId }, path, written));
  return { path };
}

/** The package as an Akoma Ntoso amendment document, in one language. */
export function aknPackageXml(ctx: ReadContext, packageId: string, lang: Lang, drafts: LoadedDraft[] = loadDrafts(ctx, packageId, lang)): string {
  const pkg = ctx.store.packages.get(packageId);
  if (!pkg) throw new StoreError('NOT_FOUND', `No package ${packageId}.`, 'package.notFound', { packageId });
  const acts = drafts.filter((d) => d.amendments.length > 0).map((d) => ({ work: d.work, citation: citation(lang, d.work.kind, d.work.date, d.title), baseDate: d.baseDate, amendments: d.amendments }));
  return aknAmendmentDocument({ id: pkg.id, title: pkg.title, lang, date: ctx.now().slice(0, 10), acts, justifications: justificationsOf(ctx, packageId, lang) });
}

/** An Akoma Ntoso export: the package as an amendment document, or one draft as an act. */
export interface AknRequest {
  packageId: string;
  lang: Lang;
  document: 'package' | 'draft';
  versionId?: string;
}

/** The Akoma Ntoso XML a request asks for. */
export function aknXml(ctx: ReadContext, request: AknRequest): string {
  if (request.document === 'draft') {
    const loaded = loadDraft(ctx, request.packageId, requireVersion(request));
    return aknAct(loaded.draft, loaded.work, ctx.now().slice(0, 10), true);
  }
  return aknPackageXml(ctx, request.packageId, request.lang);
}

function requireVersion(request: AknRequest): string {
  if (!request.versionId) throw new StoreError('INVALID_INPUT', 'Which draft? A versionId is needed.', 'export.needsDraft');
  return request.versionId;
}

/** Exports Akoma Ntoso XML to a file the user chose; null when they cancelled. */
export async function exportAkn(ctx: ServiceContext, request: AknRequest, choose: ChooseSavePath, make: MakeContent<AknRequest> = async (r) => aknXml(ctx, r)): Promise<{ path: string | null }> {
  let name: string;
  if (request.document === 'draft') {
    const meta = draftMeta(ctx, request.packageId, requireVersion(request));
    name = `${safeFileName(meta.title)} (${meta.lang}).akn.xml`;
  } else {
    if (!ctx.store.packages.get(request.packageId)) throw new StoreError('NOT_FOUND', `No package ${request.packageId}.`, 'package.notFound', { packageId: request.packageId });
    name = `${NAMES.akn[request.lang]} (${request.lang}).xml`;
  }
  const path = await choose(name, 'xml');
  if (!path) return { path: null };
  const content = await make(request);
  writeFileAtomic(path, content);
  await whenWritable(ctx, () => recordExport(ctx, request.packageId, { document: `akn-${request.document}`, format: 'xml', lang: request.lang, ...(request.versionId ? { versionId: request.versionId } : {}) }, path, content));
  return { path };
}
