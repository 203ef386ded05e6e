/** Redlines: the draft with its amendments as tracked changes, one model for the DOCX, HTML and PDF. */
export * from './model';
export * from './html';
export * from './running-head';
export * from './page-css';
export * from './css-string';
