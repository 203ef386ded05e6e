import { dirname } from 'node:path';
import type { Channel, OutputOf, ParsedInputOf } from '../../shared/ipc';
import type { SerializedValue } from '../../shared/wire';
import { LATEST_VERSION } from '../store/migrations';
import type { ServiceContext } from '../services/context';
import { auditTrail } from '../services/audit/log';
import { exportAuditLog } from '../services/audit/export';
import { backupsOf, requestRestore } from '../services/backups';
import { getIdentity, setIdentity } from '../services/identity';
import { createSnapshot, listSnapshots } from '../services/snapshots';
import { listThroughout } from '../services/throughout';
import { searchNotes } from '../services/search-notes';
import { packageOverlaps } from '../services/overlap';
import { addComment, listComments, listRejected, type ReviewDecision } from '../services/review';
import type { TeamRejection } from '../services/team/decisions';
import { deleteComment, editComment } from '../services/comment-versions';
import { annotateAmendment, exportTaxonomyFile, importTaxonomy, listGaps, retireGap, saveGap, setPackageStatus } from '../services/gaps';
import { markUnchanged } from '../services/parity';
import { BundleJobs, type BundleMaker } from '../services/bundle';
import { listConflicts } from '../services/conflicts';
import { commitImportStaged, PendingImports, previewRead } from '../services/import';
import { commitPair, previewPair } from '../services/import-pair';
import { exportAkn, exportPackageDocument, exportRedline, type ExportDeps } from '../services/export';
import { listLibrary } from '../services/library';
import { getPackage, listPackages } from '../services/packages';
import { WorkPool } from '../work/pool';
import { StoreError } from '../store/errors';
import type { TeamHost } from '../team/host';
import { SearchIndexer } from './search-indexer';

/** How long after a draft is opened its first save is prepared (see openDraft below). */
const PREPARE_SAVE_AFTER_MS = 400;

/** Lets the calls waiting in the main process run before a long save goes on (see commitImportStaged). */
const nextTurn = () => new Promise<void>((ok) => setImmediate(ok));

/** Team mode, or NOT_READY where this app runs without it. */
/** What the status says where the app runs without team mode. */
const NO_TEAM = { connected: false, url: null, user: null, state: 'off' as const, queue: 0, notice: null, kept: null, seq: 0, joined: 0 };

function teamOf(facts: AppFacts): TeamHostLike {
  if (!facts.team) throw new StoreError('NOT_READY', 'Team mode is not available here.', 'team.notAvailable');
  return facts.team;
}

/** One handler per channel of the contract, taking the input after validation. */
export type HandlerTable = { [C in Channel]: (input: ParsedInputOf<C>) => Answer<OutputOf<C>> | Promise<Answer<OutputOf<C>>> };

/** A handler's answer: the value, or the value a worker already wrote as JSON (shared/wire.ts). */
type Answer<T> = T | SerializedValue<T>;

/** Facts about the running app that the handlers report. */
export interface AppFacts {
  appVersion: string;
  databasePath: string;
  /** The save and folder dialogs and the PDF printer (the e2e harness answers with temporary paths and headless Chromium). */
  exports: ExportDeps;
  /** Restarts the app (a backup asked for is put in place at the start); absent where there is no app to restart (tests). */
  restart?: () => void;
  /** Team mode (electron/team/host.ts); absent where the app runs without it (tests, the IPC fuzz: no network). */
  team?: TeamHostLike;
}

/** What the handlers need of team mode. */
export type TeamHostLike = Pick<TeamHost, 'view' | 'connect' | 'publish' | 'poke' | 'watch' | 'draft' | 'takeLease' | 'leaveDraft' | 'people' | 'members' | 'changeMembers' | 'review' | 'releaseAllLeases' | 'moveDraft'>;

/**
 * The handler table the main process registers and the e2e harness calls: the same functions,
 * so what a test drives is what the app runs. Each handler only unpacks its input and calls a
 * service, or hands a long read to the worker threads (`work`; inline when not given).
 */
export function createHandlers(ctx: ServiceContext, facts: AppFacts, work: WorkPool = WorkPool.inline(ctx)): HandlerTable {
  // The saves that re-derive a draft run on the writer thread (electron/work/write-tasks.ts); the
  // writes made here wait until it is idle (WorkPool.exclusive), those of async services too.
  ctx.exclusive = (fn) => work.exclusive(fn);
  const exclusive = <T>(fn: () => T) => work.exclusive(fn);
  const bundles = new BundleJobs();
  const imports = new PendingImports();
  const indexer = new SearchIndexer(ctx, (message, error) => ctx.log(`${message}: ${(error as Error)?.message ?? error}`));
  indexer.poke();
  // A decision the team server made, saved here (TeamHost.review): a rejection as the server's wording, by the writer thread.
  const saveTeamDecision =
    (packageId: string, decision: ReviewDecision) =>
    ({ uid, rejection, operationId }: { uid: string; rejection: TeamRejection | null; operationId: string | undefined }) =>
      rejection ? work.run('rejectAsTeam', { packageId, uid, rejection, operationId }) : work.run('reviewAmendment', { packageId, uid, decision });
  const bundleMaker: BundleMaker = {
    make: (request, jobId, progress) => work.run('bundleFiles', request, { jobId: `job${jobId}`, onProgress: progress }),
    cancel: (jobId) => void work.cancel(`job${jobId}`),
  };
  // The long reads run on the worker threads (electron/work/); `jobId`, when the renderer gives one, lets it watch and cancel.
  const job = (jobId: string | undefined) => (jobId ? { jobId } : {});
  return {
    getAppInfo: () => ({ appVersion: facts.appVersion, schemaVersion: LATEST_VERSION, databasePath: facts.databasePath }),
    listLibrary: () => listLibrary(ctx),
    // The big reads whose results only go on to the page come back as JSON text (WorkPool.runForReply).
    openVersion: ({ versionId }) => work.runForReply('openVersion', { versionId }),
    openDraft: async ({ versionId }) => {
      const opened = await work.runForReply('openDraft', { versionId });
      // The first save's preparation (it derives the whole draft) is made on the writer thread,
      // which makes the saves, once the calls that follow an open (conflicts, coverage…) are answered.
      const prepare = () => {
        // Only the first save's speed is at stake: it derives in full.
        work.run('prepareSave', { versionId }).catch((error: Error) => ctx.log(`the first save of ${versionId} was not prepared: ${error.message}`));
      };
      setTimeout(prepare, PREPARE_SAVE_AFTER_MS).unref?.();
      return opened;
    },
    listPackages: () => listPackages(ctx),
    getPackage: ({ packageId }) => getPackage(ctx, packageId),
    createPackage: async (input) => {
      const created = await work.run('createPackage', input);
      indexer.poke();
      return created;
    },
    addToPackage: async (input) => {
      const added = await work.run('addToPackage', input);
      indexer.poke();
      return added;
    },
    saveDraft: async (input) => {
      const saved = await work.run('saveDraft', input, { partsOf: 'upserts' });
      // A draft on a team server: the save is in the outbox now; push it.
      facts.team?.poke();
      return saved;
    },
    // On a worker: asked after every save, and long on a code in both languages.
    getParity: ({ packageId }) => work.run('parity', { packageId }),
    markUnchanged: async (input) => work.run('parity', await exclusive(() => markUnchanged(ctx, input))),
    listGaps: () => listGaps(ctx),
    saveGap: (gap) => exclusive(() => saveGap(ctx, gap)),
    retireGap: ({ code, retired }) => exclusive(() => retireGap(ctx, code, retired)),
    annotateAmendment: async (input) => {
      await exclusive(() => annotateAmendment(ctx, input));
      return work.run('coverage', { packageId: input.packageId });
    },
    getCoverage: ({ packageId }) => work.run('coverage', { packageId }),
    getIdentity: () => getIdentity(ctx),
    getTeamStatus: () => facts.team?.view() ?? NO_TEAM,
    // Without team mode: answered at once with 'off' (a window watches only while connected).
    watchTeam: ({ since }) => facts.team?.watch(since) ?? NO_TEAM,
    getTeamDraft: ({ versionId }) => facts.team?.draft(versionId) ?? { linked: false, leases: [], mine: [], changed: 0, reviewed: 0 },
    takeLease: ({ versionId, uid }) => facts.team?.takeLease(versionId, uid) ?? { state: 'not-linked' as const },
    leaveDraft: async ({ versionId }) => {
      await facts.team?.leaveDraft(versionId);
      return { ok: true as const };
    },
    connectTeam: ({ url, token }) => teamOf(facts).connect(url, token),
    listTeamPeople: () => teamOf(facts).people(),
    releaseDraftLeases: async ({ versionId }) => ({ released: await teamOf(facts).releaseAllLeases(versionId) }),
    moveTeamDraft: async ({ versionId, onto }) => teamOf(facts).moveDraft(versionId, onto),
    publishToTeam: ({ packageId, members }) => teamOf(facts).publish(packageId, members ?? []),
    listTeamMembers: ({ packageId }) => teamOf(facts).members(packageId),
    changeTeamMembers: ({ packageId, add, remove }) => teamOf(facts).changeMembers(packageId, add, remove),
    setIdentity: (identity) => exclusive(() => setIdentity(ctx, identity)),
    listComments: ({ packageId, uid }) => listComments(ctx, packageId, uid),
    addComment: async (input) => {
      await exclusive(() => addComment(ctx, input));
      // On a team server: sent to the others now.
      facts.team?.poke();
      return { ok: true as const };
    },
    editComment: async (input) => {
      await exclusive(() => editComment(ctx, input));
      facts.team?.poke();
      return { ok: true as const };
    },
    deleteComment: async (input) => {
      await exclusive(() => deleteComment(ctx, input));
      facts.team?.poke();
      return { ok: true as const };
    },
    // A rejection restores the wording in force: a save, made by the writer thread. On a team
    // server the decision is the server's, made there first (on the revision read); a rejection
    // there comes back with the wording the server restored, saved here as the server's.
    reviewAmendment: async (input) => {
      const onTeam = await facts.team?.review({ packageId: input.packageId, uids: [input.uid], decision: input.decision }, saveTeamDecision(input.packageId, input.decision));
      const rejectionId = onTeam ? onTeam.rejectionId : await work.run('reviewAmendment', input);
      return { coverage: await work.run('coverage', { packageId: input.packageId }), rejectionId };
    },
    reviewAmendments: async (input) => {
      const onTeam = await facts.team?.review(input, saveTeamDecision(input.packageId, input.decision));
      const rejectionId = onTeam ? onTeam.rejectionId : await work.run('reviewAmendments', input);
      return { coverage: await work.run('coverage', { packageId: input.packageId }), rejectionId };
    },
    listRejected: ({ packageId }) => listRejected(ctx, packageId),
    restoreRejected: async (input) => {
      // On a team server putting a rejected amendment back changes the text, which the server
      // takes from owners and drafters only: refused here rather than left waiting, refused, in the outbox.
      const role = facts.team?.view().user?.role;
      if (ctx.store.team.linkOf(input.packageId) && (role === 'reviewer' || role === 'reader')) throw new StoreError('NOT_EDITABLE', 'On a package on the team server a drafter puts a rejected amendment back: it changes the text.', 'team.restoreByDrafter');
      await work.run('restoreRejected', input);
      facts.team?.poke();
      return work.run('coverage', { packageId: input.packageId });
    },
    // Exclusive: a stale stored list is derived again and stored on the way (amendmentsOf).
    getOverlaps: ({ packageId }) => exclusive(() => packageOverlaps(ctx, packageId)),
    createSnapshot: ({ packageId, name }) => exclusive(() => createSnapshot(ctx, packageId, name)),
    listSnapshots: ({ packageId }) => listSnapshots(ctx, packageId),
    compare: ({ left, right, context, jobId }) => work.runForReply('compare', { left, right, ...(context ? { context } : {}) }, job(jobId)),
    getAuditTrail: ({ packageId, uid }) => auditTrail(ctx, { packageId, ...(uid ? { uid } : {}) }),
    listBackups: () => backupsOf(facts.databasePath),
    restoreBackup: ({ name }) => {
      requestRestore(dirname(facts.databasePath), facts.databasePath, name);
      facts.restart?.();
      return { restarting: facts.restart !== undefined };
    },
    exportAuditLog: (request) => exportAuditLog(ctx, request, facts.exports.chooseSavePath, (r) => work.run('auditLogContent', r)),
    // On a worker: the whole log is read, hashed and its signatures checked (it grows with every save).
    verifyAudit: () => work.run('verifyAudit', {}),
    importTaxonomy: ({ json }) => exclusive(() => importTaxonomy(ctx, json)),
    exportTaxonomy: () => exportTaxonomyFile(ctx, facts.exports.chooseSavePath),
    setPackageStatus: ({ packageId, status }) =>
      exclusive(() => {
        setPackageStatus(ctx, packageId, status);
        return getPackage(ctx, packageId);
      }),
    getPackageDocuments: ({ packageId, lang, jobId }) => work.runForReply('packageDocuments', { packageId, lang }, job(jobId)),
    exportPackageDocument: ({ jobId, ...request }) => exportPackageDocument(ctx, request, facts.exports.chooseSavePath, (r) => work.run('packageDocumentContent', r, job(jobId))),
    exportRedline: ({ jobId, ...request }) => exportRedline(ctx, request, facts.exports, (r) => work.run('redline', r, job(jobId))),
    exportAkn: ({ jobId, ...request }) => exportAkn(ctx, request, facts.exports.chooseSavePath, (r) => work.run('akn', r, job(jobId))),
    startBundle: (input) => bundles.start(ctx, input, facts.exports, bundleMaker),
    bundleStatus: ({ jobId }) => bundles.status(jobId),
    cancelBundle: ({ jobId }) => bundles.cancel(jobId),
    previewImport: async ({ name, base64, lang, jobId }) => previewRead(ctx, imports, name, await work.run('readImport', { name, base64, ...(lang ? { lang } : {}) }, job(jobId))),
    commitImport: async (input) => {
      // A new version moves the drafts on the text it replaces: worked out on the worker thread
      // first, then written here, staged between other calls (what changed meanwhile is worked
      // out again inside the save).
      const { target } = input;
      const plan = target.kind === 'version' && ctx.store.works.listWorks().some((w) => w.id === target.workId) ? await work.run('planRebase', { workId: target.workId, law: imports.take(input.importId).read.law, inForceFrom: target.inForceFrom }) : undefined;
      const saved = await commitImportStaged(ctx, imports, input, plan, { pause: nextTurn });
      indexer.poke();
      return saved;
    },
    previewImportPair: (input) => previewPair(ctx, imports, input),
    commitImportPair: async (input) => {
      // The first text's rebase of the drafts on the text it replaces is worked out on the worker
      // thread, as commitImport does; the second's (a text of the same work) is worked out in the save.
      const { target } = input;
      const plan = target.kind === 'version' && ctx.store.works.listWorks().some((w) => w.id === target.workId) ? await work.run('planRebase', { workId: target.workId, law: imports.take(input.importIds[0]).read.law, inForceFrom: target.inForceFrom }) : undefined;
      const saved = await exclusive(() => commitPair(ctx, imports, input, plan));
      indexer.poke();
      return saved;
    },
    listConflicts: ({ versionId }) => listConflicts(ctx, versionId),
    workProgress: ({ jobIds }) => work.progress(jobIds),
    cancelWork: ({ jobId }) => ({ cancelled: work.cancel(jobId) }),
    resolveConflict: async (input) => {
      // On a team server either choice goes up as a change of the text, which the server takes
      // from owners and drafters only: refused here rather than left waiting, refused, in the outbox.
      const role = facts.team?.view().user?.role;
      const packageId = ctx.store.conflicts.get(input.conflictId)?.packageId;
      if (packageId && ctx.store.team.linkOf(packageId) && (role === 'reviewer' || role === 'reader')) throw new StoreError('NOT_EDITABLE', 'On a package on the team server a drafter chooses on a conflict: the choice changes the text.', 'team.conflictByDrafter');
      const resolved = await work.run('resolveConflict', input);
      indexer.poke();
      // Keeping one's own wording is a save: on a team server it waits in the outbox; push it.
      facts.team?.poke();
      return resolved;
    },
    search: async ({ query, versionIds, limit }) => {
      const found = await work.run('search', { query, ...(versionIds ? { versionIds } : {}), ...(limit ? { limit } : {}) });
      if (found.indexing) indexer.poke();
      return found;
    },
    searchNotes: ({ query, limit }) => searchNotes(ctx, query, limit),
    throughoutForms: (input) => work.run('throughoutForms', input),
    replaceThroughout: async ({ packageId, lang, replacements }) => {
      // The rows are worked out on a worker; saving them checks each draft is still as read.
      const plans = await work.run('planThroughout', { packageId, lang, replacements });
      const applied = await work.run('applyThroughout', { packageId, replacements, plans });
      facts.team?.poke();
      return applied;
    },
    undoThroughout: async (input) => {
      const undone = await work.run('undoThroughout', input);
      facts.team?.poke();
      return undone;
    },
    listThroughout: ({ packageId }) => listThroughout(ctx, packageId),
  };
}
