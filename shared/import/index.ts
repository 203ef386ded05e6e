/**
 * Reading law texts: the one reader shared by the text format, the CLI and the HTML, DOCX and AKN
 * importers. It lives with the law (shared/law/read/), since the text format's own parser is this
 * reader; importers name it here.
 */
export * from '../law/read';
