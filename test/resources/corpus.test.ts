import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../electron/io/corpus';
import { countByKind, LANGS, lawToRows, parseLaw, printLaw, type LawDoc } from '../../shared/law';

const CORPUS = join(import.meta.dirname, '../../resources/corpus');
const corpus = readCorpus(CORPUS);

/** The structure of a law without its words: kinds, numbers and stubs in order. */
function skeleton(doc: LawDoc): string[] {
  return lawToRows(doc).map((r) => `${r.kind}:${r.num}${r.repealed ? ':repealed' : ''}:${r.notes.length}`);
}

describe('the bundled sample corpus', () => {
  it('holds at least five illustrative laws in Russian and English, one also in Kazakh', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(5);
    for (const work of corpus) {
      expect(work.meta.illustrative, work.meta.slug).toBe(true);
      expect(Object.keys(work.texts).sort(), work.meta.slug).toEqual(expect.arrayContaining(['en', 'ru']));
    }
    expect(corpus.some((w) => w.texts.kk)).toBe(true);
  });

  it.each(corpus.map((w) => [w.meta.slug, w] as const))('%s has at least 3 chapters and 10 articles', (_slug, work) => {
    for (const doc of Object.values(work.texts)) {
      const counts = countByKind(doc);
      expect(counts.chapter).toBeGreaterThanOrEqual(3);
      expect(counts.article).toBeGreaterThanOrEqual(10);
    }
  });

  const files = corpus.flatMap((w) => LANGS.filter((l) => w.texts[l]).map((l) => `${w.meta.slug}/${l}.txt`));
  it.each(files)('%s prints back to the identical text', (file) => {
    const text = readFileSync(join(CORPUS, file), 'utf8');
    expect(printLaw(parseLaw(text))).toBe(text);
  });

  it.each(corpus.map((w) => [w.meta.slug, w] as const))('%s has the same structure in every language', (_slug, work) => {
    const [first, ...others] = Object.values(work.texts);
    for (const other of others) expect(skeleton(other)).toEqual(skeleton(first as LawDoc));
  });

  it('labels every text as illustrative in its first line', () => {
    for (const work of corpus) {
      for (const doc of Object.values(work.texts)) {
        expect(doc.body[0]?.kind).toBe('part');
        expect(doc.body[0]?.text).toMatch(/иллюстратив|illustrative|иллюстрациялық|иллюстративтік/i);
      }
    }
  });
});
