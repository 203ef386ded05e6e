/** Amendments: derive them from two versions of a law, apply them, name what they change. */
export * from './types';
export { derive } from './derive';
export { Derivation, DERIVATION_VERSION, indexBase, type DiffCache, type IndexedBase } from './derivation';
export { amendmentFromJSON, amendmentSchema, AmendmentFormatError } from './json';
export { apply, ApplyError } from './apply';
export { align } from './align';
export { eIdLabel, structuralLabel } from './label';
export { amendmentsToJSON, amendmentsToText, inlineDiff, type AmendmentSummaryJSON } from './render-text';
export { rebase, RebaseError, type ConflictReason, type RebaseConflict, type RebaseResult } from './rebase';
