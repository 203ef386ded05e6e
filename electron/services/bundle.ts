import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../shared/law';
import { writeFileAtomic } from '../io/write-file-atomic';
import { StoreError } from '../store/errors';
import type { ServiceContext } from './context';
import { packageDocuments, type PackageDocuments } from './documents';
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

/** One step of a bundle: a file name and how to make its content. */
interface Step {
  name: string;
  make(): Promise<string | Buffer> | string;
}

/**
 * Bundle exports running in the background of the main process, polled for progress and
 * cancellable between files. A bundle is written into a hidden folder beside its destination and
 * moved into a new folder of its own only when complete, so a cancel or a failure leaves nothing
 * half-made and an existing folder is never written into.
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
    const steps = this.plan(ctx, request, docs, deps);
    const jobId = `bundle${String(++this.next).padStart(6, '0')}`;
    const job = { status: { jobId, state: 'running' as BundleStatus['state'], done: 0, total: steps.length, current: '', folder: null, error: null }, cancel: false };
    this.jobs.set(jobId, job);
    this.forgetOldJobs();
    this.run(job, steps, parent, `${safeFileName(docs.title)} (${request.lang})`).catch((error: unknown) => {
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

  /**
   * The files of a bundle. Everything is read from the store here, at the start, so that the files
   * agree with each other even if someone saves while the bundle is being written; only the heavy
   * part (packing the DOCX files) is left to the steps. Names are made unique (two laws with the
   * same title).
   */
  private plan(ctx: ServiceContext, request: BundleRequest, docs: PackageDocuments, deps: ExportDeps): Step[] {
    const { packageId, lang } = request;
    const steps: Step[] = [];
    const taken = new Set<string>();
    const add = (name: string, make: Step['make']) => {
      const dot = name.lastIndexOf('.');
      let unique = name;
      for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = `${name.slice(0, dot)} ${n}${name.slice(dot)}`;
      taken.add(unique.toLowerCase());
      steps.push({ name: unique, make });
    };
    const drafts = loadDrafts(ctx, packageId, lang).filter((d) => d.amendments.length > 0);
    for (const d of drafts) {
      const redline = draftRedline(ctx, packageId, d, request);
      add(redlineName(d, 'docx'), () => redlineFile(redline, d, 'docx', deps.printPdf));
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
      if (job.cancel) {
        discard();
        job.status.state = 'cancelled';
        return;
      }
      // The folder is claimed by creating it (an existing one is never reused), then filled.
      let folder = join(parent, name);
      for (let n = 2; !claim(folder); n++) folder = join(parent, `${name} ${n}`);
      for (const step of steps) renameSync(join(staging, step.name), join(folder, step.name));
      discard();
      Object.assign(job.status, { state: 'done', folder });
    } catch (error) {
      discard();
      Object.assign(job.status, { state: 'failed', error: (error as Error).message });
    }
  }
}
