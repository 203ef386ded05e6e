import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../shared/law';
import { writeFileAtomic } from '../io/write-file-atomic';
import { StoreError } from '../store/errors';
import type { ServiceContext } from './context';
import { packageDocuments } from './documents';
import { aknPackageXml, packageDocumentContent, packageDocumentName, redlineContent, redlineName, safeFileName, type ExportDeps } from './export';
import { loadDrafts } from './redline';

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

/** One step of a bundle: a file name and how to make its content. */
interface Step {
  name: string;
  make(): Promise<string | Buffer> | string | Buffer;
}

/**
 * Bundle exports running in the background of the main process, polled for progress and
 * cancellable between files. A bundle is written into a hidden folder beside its destination and
 * renamed into place only when complete, so a cancel or a failure leaves nothing half-made.
 */
export class BundleJobs {
  private readonly jobs = new Map<string, { status: BundleStatus; cancel: boolean }>();
  private next = 0;

  /** Asks for the destination folder and starts the export; null when the user cancelled the dialog. */
  async start(ctx: ServiceContext, request: BundleRequest, deps: ExportDeps): Promise<BundleStatus | null> {
    const pkg = ctx.store.packages.get(request.packageId);
    if (!pkg) throw new StoreError('NOT_FOUND', `No package ${request.packageId}.`);
    const docs = packageDocuments(ctx, request.packageId, request.lang);
    if (!docs.languages.includes(request.lang)) throw new StoreError('NOT_FOUND', `The package has no text in ${request.lang}.`);
    const parent = await deps.chooseFolder();
    if (!parent) return null;
    const steps = this.plan(ctx, request, deps);
    const jobId = `bundle${String(++this.next).padStart(6, '0')}`;
    const job = { status: { jobId, state: 'running' as BundleStatus['state'], done: 0, total: steps.length, current: '', folder: null, error: null }, cancel: false };
    this.jobs.set(jobId, job);
    this.run(job, steps, parent, `${safeFileName(docs.title)} (${request.lang})`).catch((error: unknown) => {
      Object.assign(job.status, { state: 'failed', error: (error as Error).message });
    });
    return { ...job.status };
  }

  /** The progress of a job. */
  status(jobId: string): BundleStatus {
    const job = this.jobs.get(jobId);
    if (!job) throw new StoreError('NOT_FOUND', `No export ${jobId}.`);
    return { ...job.status };
  }

  /** Asks a job to stop after the file it is writing; what it wrote is removed. */
  cancel(jobId: string): BundleStatus {
    const job = this.jobs.get(jobId);
    if (!job) throw new StoreError('NOT_FOUND', `No export ${jobId}.`);
    if (job.status.state === 'running') job.cancel = true;
    return { ...job.status };
  }

  private plan(ctx: ServiceContext, request: BundleRequest, deps: ExportDeps): Step[] {
    const { packageId, lang } = request;
    const steps: Step[] = [];
    const drafts = loadDrafts(ctx, packageId, lang).filter((d) => d.amendments.length > 0);
    for (const d of drafts) steps.push({ name: redlineName(d, 'docx'), make: () => redlineContent(ctx, packageId, d, 'docx', request, deps.printPdf) });
    for (const document of ['table', 'law'] as const) {
      const r = { packageId, lang, document, format: 'docx' as const };
      steps.push({ name: packageDocumentName(r), make: () => packageDocumentContent(ctx, r) });
    }
    const coverage = { packageId, lang, document: 'coverage' as const, format: 'html' as const };
    steps.push({ name: packageDocumentName(coverage), make: () => packageDocumentContent(ctx, coverage) });
    steps.push({ name: packageDocumentName({ ...coverage, format: 'csv' }), make: () => packageDocumentContent(ctx, { ...coverage, format: 'csv' }) });
    steps.push({ name: `Akoma Ntoso (${lang}).xml`, make: () => aknPackageXml(ctx, packageId, lang, drafts) });
    return steps;
  }

  private async run(job: { status: BundleStatus; cancel: boolean }, steps: Step[], parent: string, name: string): Promise<void> {
    const staging = join(parent, `.zan-bundle-${process.pid}-${Date.now()}.part`);
    const discard = () => {
      try {
        rmSync(staging, { recursive: true, force: true });
      } catch {
        // Nothing more can be done; the hidden .part folder is all that is left.
      }
    };
    try {
      mkdirSync(staging, { recursive: true });
      for (const step of steps) {
        // Between files the main process answers the progress poll and the cancel.
        await new Promise((resolve) => setImmediate(resolve));
        if (job.cancel) {
          discard();
          job.status.state = 'cancelled';
          return;
        }
        job.status.current = step.name;
        writeFileAtomic(join(staging, step.name), await step.make());
        job.status.done += 1;
      }
      let folder = join(parent, name);
      for (let n = 2; existsSync(folder); n++) folder = join(parent, `${name} ${n}`);
      renameSync(staging, folder);
      Object.assign(job.status, { state: 'done', folder });
    } catch (error) {
      discard();
      Object.assign(job.status, { state: 'failed', error: (error as Error).message });
    }
  }
}
