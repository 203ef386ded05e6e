/** Akoma Ntoso XML: a law's text as an act, a package as an amendment document. */
export { aknAct } from './act';
export { aknAmendmentDocument, type AknAmendedAct, type AknPackage } from './amendment';
export { AKN_LANG, expressionUri, workUri, type AknWork } from './frbr';
export { AKN_NS } from './namespace';
export { modificationsToOperations, type AknModification } from './modifications';
