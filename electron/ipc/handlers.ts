import type { Channel, OutputOf, ParsedInputOf } from '../../shared/ipc';
import { LATEST_VERSION } from '../store/migrations';
import type { ServiceContext } from '../services/context';
import { auditTrail, verifyAudit } from '../services/audit';
import { getIdentity, setIdentity } from '../services/identity';
import { packageDocuments } from '../services/documents';
import { compare } from '../services/compare';
import { createSnapshot, listSnapshots } from '../services/snapshots';
import { packageOverlaps } from '../services/overlap';
import { addComment, listComments, reviewAmendment, reviewAmendments } from '../services/review';
import { annotateAmendment, exportTaxonomyFile, importTaxonomy, listGaps, packageCoverage, retireGap, saveGap, setPackageStatus } from '../services/gaps';
import { saveDraft } from '../services/drafts';
import { BundleJobs } from '../services/bundle';
import { listConflicts, resolveConflict } from '../services/conflicts';
import { commitImport, PendingImports, previewImport } from '../services/import';
import { exportAkn, exportPackageDocument, exportRedline, type ExportDeps } from '../services/export';
import { listLibrary } from '../services/library';
import { createPackage, getPackage, listPackages } from '../services/packages';
import { openDraft, openVersion } from '../services/versions';

/** One handler per channel of the contract, taking the input after validation. */
export type HandlerTable = { [C in Channel]: (input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>> };

/** Facts about the running app that the handlers report. */
export interface AppFacts {
  appVersion: string;
  databasePath: string;
  /** The save and folder dialogs and the PDF printer (the e2e harness answers with temporary paths and headless Chromium). */
  exports: ExportDeps;
}

/**
 * The handler table the main process registers and the e2e harness calls: the same functions,
 * so what a test drives is what the app runs. Each handler only unpacks its input and calls a service.
 */
export function createHandlers(ctx: ServiceContext, facts: AppFacts): HandlerTable {
  const bundles = new BundleJobs();
  const imports = new PendingImports();
  return {
    getAppInfo: () => ({ appVersion: facts.appVersion, schemaVersion: LATEST_VERSION, databasePath: facts.databasePath }),
    listLibrary: () => listLibrary(ctx),
    openVersion: ({ versionId }) => openVersion(ctx, versionId),
    openDraft: ({ versionId }) => openDraft(ctx, versionId),
    listPackages: () => listPackages(ctx),
    getPackage: ({ packageId }) => getPackage(ctx, packageId),
    createPackage: (input) => createPackage(ctx, input),
    saveDraft: (input) => saveDraft(ctx, input),
    listGaps: () => listGaps(ctx),
    saveGap: (gap) => saveGap(ctx, gap),
    retireGap: ({ code, retired }) => retireGap(ctx, code, retired),
    annotateAmendment: (input) => {
      annotateAmendment(ctx, input);
      return packageCoverage(ctx, input.packageId);
    },
    getCoverage: ({ packageId }) => packageCoverage(ctx, packageId),
    getIdentity: () => getIdentity(ctx),
    setIdentity: (identity) => setIdentity(ctx, identity),
    listComments: ({ packageId, uid }) => listComments(ctx, packageId, uid),
    addComment: (input) => {
      addComment(ctx, input);
      return { ok: true as const };
    },
    reviewAmendment: (input) => {
      reviewAmendment(ctx, input);
      return packageCoverage(ctx, input.packageId);
    },
    reviewAmendments: (input) => {
      reviewAmendments(ctx, input);
      return packageCoverage(ctx, input.packageId);
    },
    getOverlaps: ({ packageId }) => packageOverlaps(ctx, packageId),
    createSnapshot: ({ packageId, name }) => createSnapshot(ctx, packageId, name),
    listSnapshots: ({ packageId }) => listSnapshots(ctx, packageId),
    compare: ({ left, right }) => compare(ctx, left, right),
    getAuditTrail: ({ packageId, uid }) => auditTrail(ctx, { packageId, uid }),
    verifyAudit: () => verifyAudit(ctx),
    importTaxonomy: ({ json }) => importTaxonomy(ctx, json),
    exportTaxonomy: () => exportTaxonomyFile(ctx, facts.exports.chooseSavePath),
    setPackageStatus: ({ packageId, status }) => {
      setPackageStatus(ctx, packageId, status);
      return getPackage(ctx, packageId);
    },
    getPackageDocuments: ({ packageId, lang }) => packageDocuments(ctx, packageId, lang),
    exportPackageDocument: (input) => exportPackageDocument(ctx, input, facts.exports.chooseSavePath),
    exportRedline: (input) => exportRedline(ctx, input, facts.exports),
    exportAkn: (input) => exportAkn(ctx, input, facts.exports.chooseSavePath),
    startBundle: (input) => bundles.start(ctx, input, facts.exports),
    bundleStatus: ({ jobId }) => bundles.status(jobId),
    cancelBundle: ({ jobId }) => bundles.cancel(jobId),
    previewImport: ({ name, base64, lang }) => previewImport(ctx, imports, { name, bytes: Buffer.from(base64, 'base64'), ...(lang ? { lang } : {}) }),
    commitImport: (input) => commitImport(ctx, imports, input),
    listConflicts: ({ versionId }) => listConflicts(ctx, versionId),
    resolveConflict: (input) => resolveConflict(ctx, input),
  };
}
