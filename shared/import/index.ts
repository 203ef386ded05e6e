/** Importing official texts: structure detection shared by the text, HTML, DOCX and AKN readers. */
export * from './detect';
export * from './markers';
