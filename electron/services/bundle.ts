import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Lang } from '../../shared/law';
import { writeFileAtomic } from '../io/write-file-atomic';
import { StoreError } from '../store/errors';
import { sha256Bytes } from './audit/hash';
import { record } from './audit/log';
import { whenWritable, type ServiceContext, type ReadContext } from './context';
import { packageDocuments, packageLanguages } from './documents';
import { CancelledError } from './progress';
import { aknPackageXml, packageDocumentContent, packageDocumentName, redlineFile, redlineName, safeFileName, type ExportDeps } from './export';
import { draftRedline, loadDrafts } from './redline';

/** How many finished jobs are remembered for late polls. */
const KEEP_FINISHED = 20;

/** Creates a folder that did not exist; false when it already exists. */
function claim(folder: string): boolean {
  try {
    mkdirSync(folder);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** What goes into a package bundle. */
export interface BundleRequest {
  packageId: string;
  lang: Lang;
  /** Redlines show only the articles that change. */
  changedOnly: boolean;
  /** Redlines carry each amendment's gaps and justification as comments. */
  comments: boolean;
}

/** Where a bundle export stands, as the progress bar shows it. */
export interface BundleStatus {
  jobId: string;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  done: number;
  total: number;
  /** The file being written (or the last one). */
  current: string;
  /** The folder written, once done. */
  folder: string | null;
  error: string | null;
}

/** A file of a bundle: its name in the folder and its content. */
export interface BundleFile {
  name: string;
  content: string | Uint8Array;
}

/** Reports how many files of a bundle are made, and which is being made. */
export type BundleProgress = (done: number, total: number, current?: string) => void;

/**
 * Makes a bundle's files. The app hands this to its worker thread (electron/work/), which makes
 * them from one read of the store; `cancel` asks it to stop. Tests make them inline.
 */
export interface BundleMaker {
  make(request: BundleRequest, jobId: string, progress: BundleProgress): Promise<BundleFile[]>;
  cancel(jobId: string): void;
}

/** How many files a bundle will have: a redline per changed draft, the table, the law, two coverage reports, AKN. */
function bundleSize(ctx: ReadContext, request: BundleRequest): number {
  const changed = ctx.store.versions
    .listByPackage(request.packageId)
    .filter((v) => v.status === 'draft' && ctx.store.works.getExpression(v.expressionId)?.lang === request.lang && ctx.store.amendments.orders(v.id).size > 0);
  return changed.length + 5;
}

/**
 * The files of a bundle, in order. Everything is read from the store at the start, so that the
 * files agree with each other (the worker runs this in one read transaction); names are made unique
 * (two laws with the same title). `progress` may throw to cancel (see services/progress.ts); between
 * files the event loop turns, so a cancel from the same thread is seen.
 */
export async function makeBundleFiles(ctx: ReadContext, request: BundleRequest, progress: BundleProgress): Promise<BundleFile[]> {
  const { packageId, lang } = request;
  const docs = packageDocuments(ctx, packageId, lang);
  const steps: { name: string; make(): Promise<string | Uint8Array> | string | Uint8Array }[] = [];
  const taken = new Set<string>();
  const add = (name: string, make: (typeof steps)[number]['make']) => {
    const dot = name.lastIndexOf('.');
    let unique = name;
    for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = `${name.slice(0, dot)} ${n}${name.slice(dot)}`;
    taken.add(unique.toLowerCase());
    steps.push({ name: unique, make });
  };
  const drafts = loadDrafts(ctx, packageId, lang).filter((d) => d.amendments.length > 0);
  const noPrinter = async (): Promise<Buffer> => {
    throw new Error('A bundle has no PDF.');
  };
  for (const d of drafts) {
    const redline = draftRedline(ctx, packageId, d, request);
    add(redlineName(d, 'docx'), () => redlineFile(redline, d, 'docx', noPrinter));
  }
  for (const document of ['table', 'law'] as const) {
    const r = { packageId, lang, document, format: 'docx' as const };
    add(packageDocumentName(r), () => packageDocumentContent(ctx, r, docs));
  }
  for (const format of ['html', 'csv'] as const) {
    const r = { packageId, lang, document: 'coverage' as const, format };
    const content = packageDocumentContent(ctx, r, docs);
    add(packageDocumentName(r), () => content);
  }
  const akn = aknPackageXml(ctx, packageId, lang, drafts);
  add(`Akoma Ntoso (${lang}).xml`, () => akn);
  const files: BundleFile[] = [];
  for (const step of steps) {
    await new Promise((resolve) => setImmediate(resolve));
    progress(files.length, steps.length, step.name);
    files.push({ name: step.name, content: await step.make() });
  }
  progress(files.length, steps.length, '');
  return files;
}

/** Makes the files in this thread (tests, and a database without a worker): a cancel is seen between files. */
function inlineMaker(ctx: ReadContext, cancelled: (jobId: string) => boolean): BundleMaker {
  return {
    make: (request, jobId, progress) =>
      makeBundleFiles(ctx, request, (done, total, current) => {
        if (cancelled(jobId)) throw new CancelledError();
        progress(done, total, current);
      }),
    cancel: () => {},
  };
}

type Job = { status: BundleStatus; cancel: boolean; maker: BundleMaker };

/**
 * Bundle exports running in the background, polled for progress and cancellable. The files are
 * made by a BundleMaker (the worker thread in the app), then written into a hidden folder beside
 * their destination and moved into a new folder of their own only when complete, so a cancel or a
 * failure leaves nothing half-made and an existing folder is never written into.
 */
export class BundleJobs {
  private readonly jobs = new Map<string, Job>();
  private next = 0;

  /** Asks for the destination folder and starts the export; null when the user cancelled the dialog. */
  async start(ctx: ServiceContext, request: BundleRequest, deps: ExportDeps, maker?: BundleMaker): Promise<BundleStatus | null> {
    if (!packageLanguages(ctx, request.packageId).includes(request.lang)) throw new StoreError('NOT_FOUND', `The package has no text in ${request.lang}.`, 'package.noLanguage', { lang: request.lang });
    const parent = await deps.chooseFolder();
    if (!parent) return null;
    const pkg = ctx.store.packages.get(request.packageId);
    if (!pkg) throw new StoreError('NOT_FOUND', `No package ${request.packageId}.`, 'package.notFound', { packageId: request.packageId });
    const jobId = `bundle${String(++this.next).padStart(6, '0')}`;
    const job: Job = {
      status: { jobId, state: 'running', done: 0, total: bundleSize(ctx, request), current: '', folder: null, error: null },
      cancel: false,
      maker: maker ?? inlineMaker(ctx, (id) => this.jobs.get(id)?.cancel === true),
    };
    this.jobs.set(jobId, job);
    this.forgetOldJobs();
    this.run(ctx, job, request, parent, `${safeFileName(pkg.title)} (${request.lang})`).catch((error: unknown) => {
      Object.assign(job.status, { state: 'failed', error: (error as Error).message });
    });
    return { ...job.status };
  }

  /** Keeps the last finished jobs (a late poll still finds them) and forgets older ones. */
  private forgetOldJobs(): void {
    const finished = [...this.jobs.entries()].filter(([, j]) => j.status.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(id);
  }

  /** The progress of a job. */
  status(jobId: string): BundleStatus {
    const job = this.jobs.get(jobId);
    if (!job) throw new StoreError('NOT_FOUND', `No export ${jobId}.`, 'export.notFound', { jobId });
    return { ...job.status };
  }

  /** Asks a job to stop at its next file; what it made is dropped. */
  cancel(jobId: string): BundleStatus {
    const job = this.jobs.get(jobId);
    if (!job) throw new StoreError('NOT_FOUND', `No export ${jobId}.`, 'export.notFound', { jobId });
    if (job.status.state === 'running') {
      job.cancel = true;
      job.maker.cancel(jobId);
    }
    return { ...job.status };
  }

  private async run(ctx: ServiceContext, job: Job, request: BundleRequest, parent: string, name: string): Promise<void> {
    const staging = join(parent, `.zan-bundle-${process.pid}-${Date.now()}.part`);
    const discard = () => {
      try {
        rmSync(staging, { recursive: true, force: true });
      } catch {
        // Nothing more can be done; the hidden .part folder is all that is left.
      }
    };
    const stop = () => {
      discard();
      job.status.state = 'cancelled';
    };
    try {
      // The first poll and a cancel right after the start are answered before any work.
      await new Promise((resolve) => setImmediate(resolve));
      if (job.cancel) return stop();
      const files = await job.maker.make(request, job.status.jobId, (done, total, current) => Object.assign(job.status, { done, total, current: current ?? job.status.current }));
      if (job.cancel) return stop();
      mkdirSync(staging, { recursive: true });
      for (const file of files) writeFileAtomic(join(staging, file.name), file.content);
      if (job.cancel) return stop();
      // The folder is claimed by creating it (an existing one is never reused), then filled.
      let folder = join(parent, name);
      for (let n = 2; !claim(folder); n++) folder = join(parent, `${name} ${n}`);
      for (const file of files) renameSync(join(staging, file.name), join(folder, file.name));
      discard();
      // Logged as one export: the folder and each file's fingerprint.
      await whenWritable(ctx, () => record(ctx, request.packageId, null, 'export', { document: 'bundle', lang: request.lang, folder: basename(folder), files: files.map((f) => ({ file: f.name, sha256: sha256Bytes(f.content) })) }));
      Object.assign(job.status, { state: 'done', done: files.length, total: files.length, folder });
    } catch (error) {
      discard();
      if (job.cancel || error instanceof CancelledError || (error as { code?: string }).code === 'CANCELLED') return stop();
      Object.assign(job.status, { state: 'failed', error: (error as Error).message });
    }
  }
}
