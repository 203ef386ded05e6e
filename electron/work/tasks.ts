import type { Lang, LawDoc } from '../../shared/law';
import { readLawFile } from '../io/import';
import { makeBundleFiles, type BundleRequest } from '../services/bundle';
import { compare, type CompareSource } from '../services/compare';
import { packageDocuments } from '../services/documents';
import { aknXml, packageDocumentContent, redlineForPrinting, type AknRequest, type ExportRequest, type RedlineRequest } from '../services/export';
import { packageCoverage } from '../services/gaps';
import { planRebase } from '../services/import-rebase';
import { packageParity } from '../services/parity';
import { verifyAudit } from '../services/audit/check';
import { auditLogContent, type AuditExportRequest } from '../services/audit/export';
import { openDraft, openVersion } from '../services/versions';
import { searchLibrary } from '../services/search';
import { planThroughout, throughoutForms } from '../services/throughout';
import type { Replacement } from '../../shared/instructions';
import { readTask, type Lane } from './task';
import { WRITE_TASKS } from './write-tasks';

export type { Lane };

/**
 * The reads the main process hands to its reading worker threads (electron/work/pool.ts): those
 * that take long on a 2–3 MB code. Each runs against a read-only connection, in one read
 * transaction, so what it reads is one state of the store.
 */
const READ_TASKS = {
  openVersion: readTask('interactive', (ctx, input: { versionId: string }) => openVersion(ctx, input.versionId)),
  openDraft: readTask('interactive', (ctx, input: { versionId: string }) => openDraft(ctx, input.versionId)),
  compare: readTask('interactive', (ctx, input: { left: CompareSource; right: CompareSource; context?: boolean }, progress) => compare(ctx, input.left, input.right, progress, { context: input.context === true })),
  packageDocuments: readTask('interactive', (ctx, input: { packageId: string; lang: Lang }, progress) => packageDocuments(ctx, input.packageId, input.lang, progress)),
  coverage: readTask('interactive', (ctx, input: { packageId: string }) => packageCoverage(ctx, input.packageId)),
  /** A package's Kazakh and Russian texts against each other: asked after every save, long on a code in both languages. */
  parity: readTask('interactive', (ctx, input: { packageId: string }) => packageParity(ctx, input.packageId)),
  search: readTask('interactive', (ctx, input: { query: string; versionIds?: string[]; limit?: number }) => searchLibrary(ctx, input.query, { ...(input.versionIds ? { versionIds: input.versionIds } : {}), ...(input.limit ? { limit: input.limit } : {}) })),
  throughoutForms: readTask('interactive', (ctx, input: { packageId: string; lang: Lang; term: string }) => throughoutForms(ctx, input.packageId, input.lang, input.term)),
  planThroughout: readTask('interactive', (ctx, input: { packageId: string; lang: Lang; replacements: Replacement[] }) => planThroughout(ctx, input.packageId, input.lang, input.replacements)),
  /** Reads an uploaded file as a law (the bytes in base64, decoded here, not in the main process). */
  readImport: readTask('background', (_ctx, input: { name: string; base64: string; lang?: Lang }) => readLawFile(input.name, Buffer.from(input.base64, 'base64'), input.lang ? { lang: input.lang } : {})),
  /** The lineage and rebases a new version of a law would bring (commitImport writes them). */
  planRebase: readTask('background', (ctx, input: { workId: string; law: LawDoc; inForceFrom: string }) => planRebase(ctx, input.workId, input.law, input.inForceFrom)),
  packageDocumentContent: readTask('background', (ctx, input: ExportRequest) => packageDocumentContent(ctx, input)),
  redline: readTask('background', (ctx, input: RedlineRequest) => redlineForPrinting(ctx, input)),
  akn: readTask('background', (ctx, input: AknRequest) => aknXml(ctx, input)),
  /** The whole audit log checked, with the keys the worker was given (WorkerSetup.auditKeys). */
  verifyAudit: readTask('interactive', (ctx, _input: Record<string, never>) => verifyAudit(ctx)),
  /** An audit log export's content (the JSON checks the whole log). */
  auditLogContent: readTask('background', (ctx, input: AuditExportRequest) => auditLogContent(ctx, input.packageId, input.format, input.lang)),
  bundleFiles: readTask('background', (ctx, input: BundleRequest, progress) => makeBundleFiles(ctx, input, progress)),
};

/** Every task: the reads above and the writer thread's writes (write-tasks.ts). */
export const TASKS = { ...READ_TASKS, ...WRITE_TASKS };

/** The name of a task. */
export type TaskName = keyof typeof TASKS;
/** What a task takes. */
export type TaskInput<N extends TaskName> = Parameters<(typeof TASKS)[N]['run']>[1];
/** What a task gives (after its promise, if any). */
export type TaskOutput<N extends TaskName> = Awaited<ReturnType<(typeof TASKS)[N]['run']>>;
