import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBindingRelPath } from '../../scripts/native/electron-binding.mjs';

const root = join(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};
const builderYml = readFileSync(join(root, 'electron-builder.yml'), 'utf8');

describe('packaging', () => {
  it('pins every dependency to an exact version', () => {
    for (const [name, range] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      // A local package (file:) is part of this repository, not a version to pin.
      if (!range.startsWith('file:')) expect(range, name).toMatch(/^\d+\.\d+\.\d+$/);
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
