/** Reading law texts: the one reader shared by the text format, the CLI and the HTML, DOCX and AKN importers. */
export * from './detect';
export * from './publication';
export * from './normalize';
export * from './text';
