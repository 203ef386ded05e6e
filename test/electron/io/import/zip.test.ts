import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, ImportError, readLawFile } from '../../../../electron/io/import';
import { openZip } from '../../../../electron/io/import/zip';
import { knownReplyError } from '../../../../electron/ipc/known-errors';
import { storedZip } from '../../../helpers/zip';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const documentXml = (text: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body><w:p><w:r><w:t>Статья 1. Термины</w:t></w:r></w:p><w:p><w:r><w:t>1. ${text}</w:t></w:r></w:p></w:body></w:document>`;

/** The error an import of these bytes ends with (or undefined when it succeeds). */
function importError(bytes: Buffer): unknown {
  try {
    readLawFile('law.docx', bytes);
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('the ZIP reader refuses two entries for one part', () => {
  it('two word/document.xml entries (hand-built): refused as a malformed file, naming the file and the entry', () => {
    // Before, the last entry silently won: the import read "Второй", while another reader could show "Первый".
    const zip = storedZip([
      ['word/document.xml', documentXml('Первый текст.')],
      ['word/document.xml', documentXml('Второй текст.')],
    ]);
    const error = importError(zip);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).kind).toBe('FORMAT');
    expect((error as ImportError).message).toMatch(/^law\.docx: it holds two entries named word\/document\.xml\./);
  });

  it('reaches the renderer as the other malformed files do: INVALID_INPUT with the translated key importRefused.format', () => {
    const error = importError(storedZip([['word/document.xml', documentXml('a.')], ['word/document.xml', documentXml('b.')]]));
    expect(knownReplyError(error)).toMatchObject({ code: 'INVALID_INPUT', key: 'importRefused.format', params: { file: 'law.docx' } });
  });

  it.each([
    ['case', 'Word/Document.xml'],
    ['a backslash', 'word\\document.xml'],
    ['a leading ./', './word/document.xml'],
    ['a leading /', '/word/document.xml'],
  ])('names that differ only by %s are one part, and refused', (_how, other) => {
    const zip = storedZip([
      ['word/document.xml', documentXml('Первый текст.')],
      [other, documentXml('Второй текст.')],
    ]);
    expect(() => openZip(zip, 'law.docx', DEFAULT_LIMITS)).toThrow(`law.docx: it holds entries word/document.xml and ${other}, which name the same part.`);
  });

  it('a duplicate anywhere counts, not only the document (styles, after other parts)', () => {
    const zip = storedZip([
      ['word/styles.xml', '<w:styles/>'],
      ['word/document.xml', documentXml('Текст.')],
      ['word/styles.xml', '<w:styles/>'],
    ]);
    expect(() => openZip(zip, 'law.docx', DEFAULT_LIMITS)).toThrow(/two entries named word\/styles\.xml/);
  });

  it('distinct parts whose names merely look alike still read', () => {
    const zip = storedZip([
      ['word/document.xml', documentXml('Текст.')],
      ['word/document2.xml', documentXml('Другое.')],
      ['customXml/item1.xml', '<a/>'],
    ]);
    const read = openZip(zip, 'law.docx', DEFAULT_LIMITS);
    expect(read.names()).toEqual(['word/document.xml', 'word/document2.xml', 'customXml/item1.xml']);
    expect(importError(zip)).toBeUndefined();
  });
});
