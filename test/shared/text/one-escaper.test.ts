import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (/\.(ts|tsx|mts)$/.test(entry.name)) yield path;
  }
}

describe('one HTML/XML escaping module', () => {
  it('no source file but shared/text/escape.ts writes an entity for &, < or a quote (a second escaper would drift from it)', () => {
    const copies: string[] = [];
    for (const layer of ['shared', 'electron', 'renderer']) {
      for (const file of sources(join(root, layer))) {
        const path = relative(root, file);
        if (path === join('shared', 'text', 'escape.ts')) continue;
        if (/&(amp|lt|gt|quot|apos|#0*3[49]|#x0*2[27]);/i.test(readFileSync(file, 'utf8'))) copies.push(path);
      }
    }
    expect(copies).toEqual([]);
  });
});
