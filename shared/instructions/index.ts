/** Amending instructions: the text of an amending law in ru / kk / en, from amendments and back. */
export * from './types';
export { planOperations, printWithoutNotes } from './plan';
export { applyOperations } from './apply-ops';
export { renderAmendingLaw, renderItems, renderOperation, type ActInstructions } from './render';
export { parseAmendingLaw } from './parse';
export { printUnit, parseUnit } from './content';
