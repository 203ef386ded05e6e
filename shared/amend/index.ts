/** Amendments: derive them from two versions of a law, apply them, name what they change. */
export * from './types';
export { derive, type DiffCache } from './derive';
export { apply, ApplyError } from './apply';
export { align } from './align';
export { structuralLabel } from './label';
export { amendmentsToJSON, amendmentsToText, inlineDiff, type AmendmentSummaryJSON } from './render-text';
