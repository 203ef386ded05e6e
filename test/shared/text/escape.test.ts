import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { escapeXmlAttribute, escapeXmlText, REPLACEMENT_CHARACTER, xmlSafeCharacters } from '../../../shared/text/escape';
import { parseXml } from '../../helpers/xml-tree';

const FFFD = REPLACEMENT_CHARACTER;

// Each character that matters, and what each function must write for it.
const CASES: [what: string, input: string, text: string, attribute: string][] = [
  ['ampersand', '&', '&amp;', '&amp;'],
  ['less-than', '<', '&lt;', '&lt;'],
  ['greater-than', '>', '&gt;', '&gt;'],
  ['double quote', '"', '"', '&quot;'],
  ['apostrophe', "'", "'", '&#39;'],
  ['tab', '\t', '\t', '&#9;'],
  ['line feed', '\n', '\n', '&#10;'],
  ['carriage return', '\r', '&#13;', '&#13;'],
  ['an entity written out', '&amp;', '&amp;amp;', '&amp;amp;'],
  ['CDATA end', ']]>', ']]&gt;', ']]&gt;'],
  ['Cyrillic and Kazakh letters', 'Заң қабылданды', 'Заң қабылданды', 'Заң қабылданды'],
  ['guillemets', '«О грантах»', '«О грантах»', '«О грантах»'],
  ['a surrogate pair (emoji)', '\uD83D\uDE00', '\uD83D\uDE00', '\uD83D\uDE00'],
  ['a character above the BMP (U+10000)', '\u{10000}', '\u{10000}', '\u{10000}'],
  ['NUL', '\u0000', FFFD, FFFD],
  ['U+0001', '\u0001', FFFD, FFFD],
  ['backspace U+0008', '\u0008', FFFD, FFFD],
  ['vertical tab U+000B', '\u000B', FFFD, FFFD],
  ['form feed U+000C', '\u000C', FFFD, FFFD],
  ['U+000E', '\u000E', FFFD, FFFD],
  ['unit separator U+001F', '\u001F', FFFD, FFFD],
  ['space U+0020 (allowed)', ' ', ' ', ' '],
  ['DEL U+007F (allowed by XML 1.0)', '\u007F', '\u007F', '\u007F'],
  ['NEL U+0085 (allowed by XML 1.0)', '\u0085', '\u0085', '\u0085'],
  ['a lone high surrogate', 'a\uD800b', `a${FFFD}b`, `a${FFFD}b`],
  ['a lone low surrogate', 'a\uDC00b', `a${FFFD}b`, `a${FFFD}b`],
  ['surrogates in the wrong order', '\uDE00\uD83D', FFFD + FFFD, FFFD + FFFD],
  ['U+FFFE', '\uFFFE', FFFD, FFFD],
  ['U+FFFF', '\uFFFF', FFFD, FFFD],
  ['U+FFFD itself (allowed)', FFFD, FFFD, FFFD],
  ['U+D7FF, the last before the surrogates (allowed)', '\uD7FF', '\uD7FF', '\uD7FF'],
  ['U+E000, the first after them (allowed)', '\uE000', '\uE000', '\uE000'],
];

describe('escapeXmlText and escapeXmlAttribute, character by character', () => {
  it.each(CASES)('%s', (_what, input, text, attribute) => {
    expect(escapeXmlText(input)).toBe(text);
    expect(escapeXmlAttribute(input)).toBe(attribute);
  });

  it('a forbidden character becomes U+FFFD in place, so two words do not silently join', () => {
    expect(escapeXmlText('Статья\u00005')).toBe(`Статья${FFFD}5`);
  });
});

/** What an XML parser reads back from a value written as element content and as double- and single-quoted attributes. */
function throughXml(value: string): { text: string; double: string; single: string } {
  const root = parseXml(`<r d="${escapeXmlAttribute(value)}" s='${escapeXmlAttribute(value)}'>${escapeXmlText(value)}</r>`);
  return { text: root.text, double: root.attrs['d']!, single: root.attrs['s']! };
}

/** The same through htmlparser2, as a browser-like HTML parser (or, with xmlMode, its XML one) reads it. */
function throughHtml(value: string, xmlMode: boolean): { text: string; double: string; single: string } {
  let text = '';
  const attrs: Record<string, string> = {};
  const parser = new Parser({ onopentag: (_name, a) => Object.assign(attrs, a), ontext: (t) => (text += t) }, { xmlMode, decodeEntities: true });
  parser.end(`<p title="${escapeXmlAttribute(value)}" data-s='${escapeXmlAttribute(value)}'>${escapeXmlText(value)}</p>`);
  return { text, double: attrs['title']!, single: attrs['data-s']! };
}

describe('what is escaped reads back as it was, through real parsers', () => {
  // The regression: a heading with both kinds of quotes (the law's «…» and a typed "…") in a title attribute.
  const HEADING = 'Статья 5. О «грантах» и "научных" фондах: \'x\' & <y>';

  it('a heading with «…», "…" and \'…\' in a title attribute, through htmlparser2 (HTML)', () => {
    expect(throughHtml(HEADING, false)).toEqual({ text: HEADING, double: HEADING, single: HEADING });
  });

  it('the same through htmlparser2 in XML mode and through saxes', () => {
    expect(throughHtml(HEADING, true)).toEqual({ text: HEADING, double: HEADING, single: HEADING });
    expect(throughXml(HEADING)).toEqual({ text: HEADING, double: HEADING, single: HEADING });
  });

  it('tabs and line breaks in an attribute survive XML attribute-value normalisation', () => {
    const value = 'первая строка\nвторая\tс табуляцией\r\nтретья';
    expect(throughXml(value).double).toBe(value);
    // The check can fail: a literal line feed in an attribute is read back as a space.
    expect(parseXml(`<r a="a\nb"/>`).attrs['a']).toBe('a b');
  });

  it('any string reads back through saxes as itself, with forbidden characters as U+FFFD', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const expected = xmlSafeCharacters(value);
        expect(throughXml(value)).toEqual({ text: expected, double: expected, single: expected });
      }),
      { numRuns: 500 },
    );
  });

  it('any string reads back through htmlparser2 (HTML) as itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (value) => {
        const expected = xmlSafeCharacters(value);
        expect(throughHtml(value, false)).toEqual({ text: expected, double: expected, single: expected });
      }),
      { numRuns: 500 },
    );
  });
});
