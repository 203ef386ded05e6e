/** The law model: provision trees, numbering, eIds, the text format, the ProseMirror schema and conversions. */
export * from './language';
export * from './kinds';
export * from './provision';
export * from './intro';
export * from './numbering';
export * from './uid';
export * from './eid';
export * from './repealed';
export * from './structure-error';
export * from './validate';
export * from './json';
export * from './rows';
export * from './schema';
export * from './prosemirror';
export { parseLaw, type ParseOptions } from './text/parse';
export { printLaw } from './text/print';
export { detectLanguage } from './text/detect-language';
export { headingLabel, lineLabel } from './text/markers';
