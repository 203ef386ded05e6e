import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLayers } from '../../scripts/check-layers.mjs';

const fixtures = join(import.meta.dirname, '../fixtures/layers');

describe('layering check (renderer → shared ← electron)', () => {
  it('reports every wrong-way import in the bad fixture', () => {
    const found = checkLayers(join(fixtures, 'bad')).map((v) => `${v.file}:${v.spec}`);
    expect(found.sort()).toEqual(
      [
        'shared/uses-node.ts:node:fs',
        'shared/uses-node.ts:path',
        'shared/uses-node.ts:electron',
        'shared/uses-node.ts:better-sqlite3',
        'shared/uses-node.ts:prosemirror-view',
        'shared/uses-node.ts:react-dom/client',
        'shared/uses-node.ts:../electron/helper',
        'renderer/uses-main.tsx:../electron/store',
        'renderer/uses-main.tsx:fs',
        'electron/helper.ts:../renderer/App',
      ].sort(),
    );
  });

  it('accepts the good fixture', () => {
    expect(checkLayers(join(fixtures, 'good'))).toEqual([]);
  });

  it('accepts this project', () => {
    expect(checkLayers(join(import.meta.dirname, '../..'))).toEqual([]);
  });
});
