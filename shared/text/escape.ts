/**
 * The one place text becomes markup: every HTML page and XML document the app writes (redlines,
 * the amending law, comparative tables, the coverage report, Akoma Ntoso, the clipboard's HTML)
 * escapes its text here. What it writes is both well-formed XML 1.0 and valid HTML, so one pair
 * of functions serves both: `escapeXmlText` for element content, `escapeXmlAttribute` for an
 * attribute value in either kind of quotes.
 *
 * Characters XML 1.0 cannot hold at all — C0 controls other than tab, line feed and carriage
 * return, lone surrogates, U+FFFE and U+FFFF — are each written as U+FFFD (�), not dropped and not
 * refused. The importer and the IPC contract refuse them, so they can only arrive through a bug or
 * an old database; then the export must still open in Word, LibreOffice and an XML parser (one such
 * character makes a whole XML file unreadable), and the loss must show where it happened instead
 * of silently joining two words. (A lone surrogate would become U+FFFD anyway when the page is
 * encoded as UTF-8; this makes XML's other forbidden characters behave the same.)
 */

// Characters XML 1.0 forbids (its `Char` production). With the `u` flag a surrogate pair is one
// code point outside D800–DFFF, so only a lone surrogate matches that range.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu;

/** What stands in for a character XML cannot hold. */
export const REPLACEMENT_CHARACTER = '\uFFFD';

// In content a carriage return is a reference too: XML's end-of-line handling reads a literal one
// as a line feed, so only the reference brings it back as it was (HTML reads both as a line break).
const TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };

// In an attribute both quotes are escaped, so the value is safe between either kind; tab, line feed
// and carriage return are character references because an XML parser's attribute-value
// normalisation turns each literal one into a space (a reference survives it).
const ATTRIBUTE: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** The text with the characters XML 1.0 cannot hold replaced by U+FFFD (see the module's comment). */
export function xmlSafeCharacters(text: string): string {
  return text.replace(NOT_XML, REPLACEMENT_CHARACTER);
}

/**
 * Text as element content of XML or HTML: `&`, `<` and `>` as references (so no text can open a
 * tag or an entity, or write `]]>`), a carriage return as `&#13;`, characters XML forbids as
 * U+FFFD. Quotes, tabs and line feeds stay as they are: content needs no more, and the file stays
 * readable.
 */
export function escapeXmlText(text: string): string {
  return xmlSafeCharacters(text).replace(/[&<>\r]/g, (c) => TEXT[c]!);
}

/**
 * Text as an attribute value of XML or HTML, in double or single quotes: `&`, `<`, `>`, `"` and
 * `'` as references, tab, line feed and carriage return as character references (kept through
 * attribute-value normalisation), characters XML forbids as U+FFFD.
 */
export function escapeXmlAttribute(text: string): string {
  return xmlSafeCharacters(text).replace(/[&<>"'\t\n\r]/g, (c) => ATTRIBUTE[c]!);
}
