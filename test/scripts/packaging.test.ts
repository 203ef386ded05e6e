import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBindingRelPath } from '../../scripts/native/electron-binding.mjs';

const root = join(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
  engines: { node: string };
};
const builderYml = readFileSync(join(root, 'electron-builder.yml'), 'utf8');

/**
 * Whether a Node version satisfies an `engines.node` range of the forms packages use here:
 * `>=22`, `>= 22.12.0`, `^22.12.0`, `>=v12.22.7`, joined by `||`. Anything else fails the test.
 */
function satisfies(version: string, range: string): boolean {
  const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number);
  const at = (v: readonly number[]) => major * 1e6 + minor * 1e3 + patch - ((v[0] ?? 0) * 1e6 + (v[1] ?? 0) * 1e3 + (v[2] ?? 0));
  return range.split('||').some((part) => {
    const m = /^(>=|\^)?\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(part.trim());
    if (!m) throw new Error(`unsupported engines range: ${range}`);
    const v = [Number(m[2]), Number(m[3] ?? 0), Number(m[4] ?? 0)];
    if (m[1] === '^') return major === v[0] && at(v) >= 0;
    if (m[1] === '>=') return at(v) >= 0;
    return major === v[0];
  });
}

describe('packaging', () => {
  it('pins every dependency to an exact version', () => {
    for (const [name, range] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      // A local package (file:) is part of this repository, not a version to pin.
      if (!range.startsWith('file:')) expect(range, name).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });

  it('says one Node everywhere: engines, .nvmrc and the Node CI installs agree', () => {
    const minimum = /^>=(\d+\.\d+(?:\.\d+)?)$/.exec(pkg.engines.node)?.[1];
    expect(minimum, 'engines.node is ">=X.Y"').toBeDefined();
    const nvmrc = readFileSync(join(root, '.nvmrc'), 'utf8').trim();
    expect(minimum?.split('.')[0]).toBe(nvmrc);
    const ci = /^NODE_VERSION=(\d+\.\d+\.\d+)$/m.exec(readFileSync(join(root, '.ci/run'), 'utf8'))?.[1] as string;
    expect(ci.split('.')[0]).toBe(nvmrc);
    expect(satisfies(ci, pkg.engines.node)).toBe(true);
    // The tests run on that Node (CI) or on one that at least meets engines.
    expect(satisfies(process.versions.node, pkg.engines.node)).toBe(true);
  });

  it('reads the engines ranges the dependencies use', () => {
    expect(satisfies('22.12.0', '>= 22.12.0')).toBe(true);
    expect(satisfies('22.11.0', '>= 22.12.0')).toBe(false);
    expect(satisfies('24.1.0', '^22.12.0 || ^24.0.0 || >=26.0.0')).toBe(true);
    expect(satisfies('25.0.0', '^22.12.0 || ^24.0.0 || >=26.0.0')).toBe(false);
    expect(satisfies('22.14.0', '^20.12||^22||>=24')).toBe(true);
    expect(satisfies('20.19.0', '>=22')).toBe(false);
    expect(satisfies('22.14.0', '>=v12.22.7')).toBe(true);
  });

  it('every dependency installs on the oldest Node that engines allows', () => {
    const minimum = `${pkg.engines.node.slice(2)}.0.0`.split('.').slice(0, 3).join('.');
    for (const name of Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })) {
      const installed = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { engines?: { node?: string } };
      const range = installed.engines?.node;
      if (range) expect(satisfies(minimum, range), `${name} wants Node ${range}`).toBe(true);
    }
  });

  it('ships the Electron build of better-sqlite3 for the pinned Electron', () => {
    const electron = pkg.devDependencies['electron'] as string;
    const dir = electronBindingRelPath(electron, '${platform}', '${arch}');
    expect(builderYml).toContain(`from: ${dir}`);
    expect(builderYml).toContain('npmRebuild: false');
  });

  it('builds Linux AppImage and deb, Windows NSIS and macOS dmg with the app icon', () => {
    expect(builderYml).toMatch(/linux:\n\s+target: \[AppImage, deb\]/);
    expect(builderYml).toMatch(/win:\n\s+target: \[nsis\]/);
    expect(builderYml).toMatch(/mac:\n\s+target: \[dmg\]/);
    expect(builderYml).toContain('appId: kz.gov.zan.workbench');
  });

  it('prepares the native module on install and requires it before start', () => {
    expect(pkg.scripts['postinstall']).toContain('electron-binding.mjs --install');
    expect(pkg.scripts['start']).toContain('electron-binding.mjs --require');
  });
});
