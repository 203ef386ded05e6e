/**
 * The names of the bridge methods, one per IPC channel. Kept apart from the schemas (ipc.ts) so the
 * preload, which bundles everything it uses into a sandboxed script, carries a list of strings and
 * not the validation library; ipc.ts checks at compile time that its contract has exactly these keys.
 */
export const CHANNEL_NAMES = [
  'getAppInfo',
  'listLibrary',
  'openVersion',
  'openDraft',
  'listPackages',
  'getPackage',
  'createPackage',
  'addToPackage',
  'saveDraft',
  'getParity',
  'markUnchanged',
  'getPackageDocuments',
  'exportPackageDocument',
  'exportRedline',
  'exportAkn',
  'startBundle',
  'bundleStatus',
  'cancelBundle',
  'previewImport',
  'commitImport',
  'previewImportPair',
  'commitImportPair',
  'listConflicts',
  'resolveConflict',
  'workProgress',
  'cancelWork',
  'listGaps',
  'saveGap',
  'retireGap',
  'annotateAmendment',
  'getCoverage',
  'setPackageStatus',
  'importTaxonomy',
  'exportTaxonomy',
  'getIdentity',
  'getTeamStatus',
  'connectTeam',
  'watchTeam',
  'getTeamDraft',
  'takeLease',
  'leaveDraft',
  'listTeamPeople',
  'releaseDraftLeases',
  'moveTeamDraft',
  'listTeamMembers',
  'changeTeamMembers',
  'publishToTeam',
  'setIdentity',
  'listComments',
  'addComment',
  'editComment',
  'deleteComment',
  'reviewAmendment',
  'search',
  'searchNotes',
  'throughoutForms',
  'replaceThroughout',
  'undoThroughout',
  'listThroughout',
  'listRejected',
  'restoreRejected',
  'reviewAmendments',
  'getOverlaps',
  'createSnapshot',
  'listSnapshots',
  'compare',
  'getAuditTrail',
  'exportAuditLog',
  'listBackups',
  'restoreBackup',
  'verifyAudit',
] as const;

/** A channel (bridge method) name. */
export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** The Electron IPC channel string of a bridge method, the one place both sides get it from. */
export function ipcChannel(name: ChannelName): string {
  return `zan:${name}`;
}

/** Whether a string is a channel name. */
export function isChannel(name: unknown): name is ChannelName {
  return typeof name === 'string' && (CHANNEL_NAMES as readonly string[]).includes(name);
}
