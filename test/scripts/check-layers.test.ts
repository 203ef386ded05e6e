import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLayers, RULES } from '../../scripts/check-layers.mjs';

const fixtures = join(import.meta.dirname, '../fixtures/layers');
const project = join(import.meta.dirname, '../..');

// Each import of the bad fixture, and the one rule it must break (each fixture file says which).
const EXPECTED = [
  'shared/uses-node.ts node:fs shared-no-node',
  'shared/uses-node.ts path shared-no-node',
  'shared/uses-packages.ts prosemirror-view shared-pure-packages-only',
  'shared/uses-packages.ts react-dom/client shared-pure-packages-only',
  'shared/uses-electron.ts electron electron-package-only-in-glue',
  'shared/uses-sqlite.ts better-sqlite3 sqlite-only-in-store',
  'shared/uses-layers.ts ../electron/helper shared-only-shared',
  'shared/uses-layers.ts ../renderer/ui shared-only-shared',
  'shared/uses-layers.ts ../server/api shared-only-shared',
  'shared/typo.ts ./missing not-to-unresolvable',
  'renderer/ui.tsx ../electron/store/db renderer-not-main-process',
  'renderer/ui.tsx ../server/api renderer-not-main-process',
  'renderer/ui.tsx fs renderer-no-node',
  'electron/helper.ts ../renderer/ui electron-not-renderer',
  'electron/store/db.ts ../services/plan store-below-services',
  'electron/store/db.ts ../ipc/handlers store-below-services',
  'electron/services/plan.ts ../ipc/handlers services-below-ipc',
  'electron/services/plan.ts electron electron-package-only-in-glue',
  'electron/io/writer.ts ../services/plan io-apart',
  'electron/io/writer.ts ../store/db io-apart',
  'electron/io/writer.ts ../ipc/handlers io-apart',
  'electron/services/raw.ts ../store/connection raw-connection-in-the-store',
  'electron/team-client.ts ../server/api app-reaches-the-server-only-through-its-cli',
  'server/api.ts ../electron/store/db server-only-shared',
  'server/api.ts ../renderer/ui server-only-shared',
];

describe('layering rules (.dependency-cruiser.mjs)', () => {
  it('reports every wrong-way import in the bad fixture, each under the rule it breaks', async () => {
    const found = (await checkLayers(join(fixtures, 'bad'))).map((v) => `${v.from} ${v.spec} ${v.rule}`);
    expect(found.sort()).toEqual([...EXPECTED].sort());
  });

  it('has a fixture import for every rule, so no rule goes untested', () => {
    const tested = new Set(EXPECTED.map((e) => e.split(' ')[2]));
    expect(RULES.filter((name) => !tested.has(name))).toEqual([]);
  });

  it('accepts the good fixture (each allowed direction, the glue files importing electron, the store importing better-sqlite3)', async () => {
    expect(await checkLayers(join(fixtures, 'good'))).toEqual([]);
  });

  it('fails `npm run layers` on the bad fixture with a message naming the rule, and exits 1', () => {
    let error: { status: number; stderr: string } | undefined;
    try {
      execFileSync(process.execPath, [join(project, 'scripts/check-layers.mjs'), join(fixtures, 'bad')], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      error = e as { status: number; stderr: string };
    }
    expect(error?.status).toBe(1);
    expect(error?.stderr).toContain('electron/io/writer.ts: imports "../store/db", which breaks io-apart:');
    expect(error?.stderr).toContain(`${EXPECTED.length} layering violation(s)`);
  });

  it('accepts this project', async () => {
    expect(await checkLayers(project)).toEqual([]);
  });
});
