import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, ImportError, readLawFile } from '../../../../electron/io/import';

const dir = join(import.meta.dirname, '../../../fixtures/import/bad');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { file: string; kind: string; limit?: string; why: string }[];

describe('bad files fail cleanly, each with a clear error naming the file and the limit or rule', () => {
  it('the corpus holds at least 100 bad files', () => {
    expect(manifest.length).toBeGreaterThanOrEqual(100);
  });

  it.each(manifest)('$file ($why)', ({ file, kind, limit }) => {
    const bytes = readFileSync(join(dir, file));
    const started = performance.now();
    let error: unknown;
    try {
      readLawFile(file, bytes);
    } catch (e) {
      error = e;
    }
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(ImportError);
    const e = error as ImportError;
    expect({ kind: e.kind, limit: e.limit }).toEqual({ kind, limit });
    expect(e.message.startsWith(`${file}: `)).toBe(true);
    // It failed within its limits: before the time limit, not by running out of it (unless that was the point).
    expect(elapsed).toBeLessThan(DEFAULT_LIMITS.timeoutMs);
  });
});
