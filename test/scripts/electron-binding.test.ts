import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nativeBindingPath } from '../../electron/native/binding';
import {
  bindingProblem,
  electronBindingRelPath,
  electronNodeApi,
  isNodeApiAddon,
  loadedBinary,
  moduleAbiOf,
  nodeApiVersionOf,
} from '../../scripts/native/electron-binding.mjs';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '../..');
const electronVersion = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies['electron'] as string;
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));

describe('better-sqlite3, one Node-API binary for Node and Electron', () => {
  it('the binary better-sqlite3 loads is a Node-API addon, tied to no ABI', () => {
    const binary = readFileSync(loadedBinary(sqliteDir, process.platform, process.arch, false));
    expect(moduleAbiOf(binary)).toBeNull();
    expect(isNodeApiAddon(binary)).toBe(true);
  });

  it('tells an addon built for one ABI from a Node-API one', () => {
    const abiBound = Buffer.from('\0node_register_module_v150\0napi_register_module_v1\0');
    expect(moduleAbiOf(abiBound)).toBe(150);
    expect(isNodeApiAddon(abiBound)).toBe(false);
    expect(bindingProblem(abiBound, 10, 10, 'Electron')).toMatch(/NODE_MODULE_VERSION 150/);
    expect(isNodeApiAddon(Buffer.from('no symbol here'))).toBe(false);
    expect(bindingProblem(Buffer.from('no symbol here'), 10, 10, 'Electron')).toMatch(/not a Node-API addon/);
  });

  it('the Node-API version it needs is one this Node and the pinned Electron provide', () => {
    const required = nodeApiVersionOf(readFileSync(join(sqliteDir, 'binding.gyp'), 'utf8'));
    expect(required).toBeTypeOf('number');
    expect(Number(process.versions.napi)).toBeGreaterThanOrEqual(required as number);
    const binary = readFileSync(loadedBinary(sqliteDir, process.platform, process.arch, false));
    expect(bindingProblem(binary, required, electronNodeApi(electronVersion), `Electron ${electronVersion}`)).toBeNull();
  });

  it('refuses an Electron too old for the Node-API version', () => {
    const napi = Buffer.from('\0napi_register_module_v1\0');
    expect(electronNodeApi('45.5.0')).toBe(10);
    expect(electronNodeApi('35.7.5')).toBeNull();
    expect(bindingProblem(napi, 10, electronNodeApi('35.7.5'), 'Electron 35.7.5')).toMatch(/needs Node-API 10, which Electron 35.7.5 does not provide/);
    expect(bindingProblem(napi, 10, 9, 'Node v22.12.0')).toMatch(/\(it has 9\)/);
  });

  it('looks where better-sqlite3 looks: a build compiled on purpose, else the prebuilt one', () => {
    expect(loadedBinary('/nowhere', 'linux', 'x64', false)).toBe('/nowhere/prebuilds/linux-x64.node');
    expect(loadedBinary('/nowhere', 'linux', 'arm64', true)).toBe('/nowhere/prebuilds/linuxmusl-arm64.node');
    expect(loadedBinary('/nowhere', 'win32', 'x64', false)).toBe('/nowhere/prebuilds/win32-x64.node');
  });

  it('the app looks where the install script puts it, in development and packaged', () => {
    const dev = nativeBindingPath({ isPackaged: false, resourcesPath: '/x', appRoot: '/repo', electronVersion, platform: 'linux', arch: 'x64' });
    expect(dev).toBe(`/repo/${electronBindingRelPath(electronVersion, 'linux', 'x64')}`);
    const packaged = nativeBindingPath({ isPackaged: true, resourcesPath: '/opt/Zan/resources', appRoot: '/repo', electronVersion, platform: 'linux', arch: 'x64' });
    expect(packaged).toBe('/opt/Zan/resources/native/better_sqlite3.node');
  });
});
