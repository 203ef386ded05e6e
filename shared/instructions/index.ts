/** Amending instructions: the text of an amending law in ru / kk / en, from amendments and back. */
export * from './types';
export { addressOf, planOperations, printWithoutNotes } from './plan';
export { applyOperations } from './apply-ops';
export { renderAmendingLaw, renderItems, type ActInstructions } from './render';
export { parseAmendingLaw, readAmendingLaw, type AmendingLawReading, type StatementReading } from './parse';
export { printUnit, parseUnit } from './content';
export { GRAMMARS } from './lang';
export { quote, unquote } from './quotes';
export { citation } from './citation';
