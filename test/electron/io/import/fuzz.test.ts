import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, ImportError, readLawFile } from '../../../../electron/io/import';
import { propertyParams } from '../../../helpers/property';

const golden = join(import.meta.dirname, '../../../fixtures/import/golden');

/** A change to a file's bytes: flip some, cut the end, insert garbage, or repeat a slice. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), value: fc.nat({ max: 255 }) }),
  fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
  fc.record({ op: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }), times: fc.integer({ min: 2, max: 50 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(bytes: Buffer, m: Mutation): Buffer {
  const out = Buffer.from(bytes);
  switch (m.op) {
    case 'flip':
      for (const at of m.at) out[at % out.length] = m.value;
      return out;
    case 'cut':
      return out.subarray(0, m.at % out.length);
    case 'insert': {
      const at = m.at % out.length;
      return Buffer.concat([out.subarray(0, at), m.bytes, out.subarray(at)]);
    }
    case 'repeat': {
      const at = m.at % out.length;
      const slice = out.subarray(at, at + m.length);
      return Buffer.concat([out.subarray(0, at), ...Array.from({ length: m.times }, () => slice), out.subarray(at)]);
    }
  }
}

describe('fuzz: mutated good files either import or fail with an ImportError, never anything else', () => {
  it.each(['law.ru.txt', 'law.kk.html', 'law.en.docx', 'law.ru.akn.xml'])('%s', (file) => {
    const good = readFileSync(join(golden, file));
    const limits = { ...DEFAULT_LIMITS, timeoutMs: 5_000 };
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const bytes = mutations.reduce(mutate, good);
        try {
          const read = readLawFile(file, bytes, { limits });
          expect(read.law.body.length).toBeGreaterThan(0);
        } catch (error) {
          if (!(error instanceof ImportError)) throw error;
          expect(error.message.startsWith(`${file}: `)).toBe(true);
        }
      }),
      propertyParams(250),
    );
  });
});

describe('the limits that no committed file can reach', () => {
  const law = readFileSync(join(golden, 'law.ru.docx'));

  it('a file over the size limit is refused before it is read', () => {
    expect(() => readLawFile('law.docx', law, { limits: { ...DEFAULT_LIMITS, maxFileBytes: 1000 } })).toThrow(expect.objectContaining({ kind: 'LIMIT', limit: 'maxFileBytes' }));
  });

  it('an import that outlasts the time limit is stopped', () => {
    const big = Buffer.from(`Статья 1. Термины\n${'1. Пункт.\n'.repeat(50_000)}`);
    let now = 0;
    // A clock that moves a second per look: the deadline passes while the file is read.
    const realNow = Date.now;
    Date.now = () => (now += 1_000);
    try {
      expect(() => readLawFile('slow.txt', big, { limits: { ...DEFAULT_LIMITS, timeoutMs: 10_000 } })).toThrow(expect.objectContaining({ kind: 'LIMIT', limit: 'timeoutMs' }));
    } finally {
      Date.now = realNow;
    }
  });
});
