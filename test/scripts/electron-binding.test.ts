import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { nativeBindingPath } from '../../electron/native/binding';
import { electronBindingRelPath, electronBuildEnv, moduleAbiOf, skipRequested } from '../../scripts/native/electron-binding.mjs';

const require = createRequire(import.meta.url);

describe('better-sqlite3 for two ABIs', () => {
  it('reads the ABI a binary was built for, and tells Node from Electron', () => {
    const nodeBuild = readFileSync(require.resolve('better-sqlite3/build/Release/better_sqlite3.node'));
    expect(moduleAbiOf(nodeBuild)).toBe(Number(process.versions.modules));
    const electronAbi = Number((require('node-abi') as { getAbi(v: string, r: string): string }).getAbi('41.7.1', 'electron'));
    expect(moduleAbiOf(nodeBuild)).not.toBe(electronAbi);
    expect(moduleAbiOf(Buffer.from('no symbol here'))).toBeNull();
  });

  it('strips npm config that would build against Node headers', () => {
    const env = electronBuildEnv(
      { PATH: '/usr/bin', npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr', npm_config_target: '20.0.0', npm_config_cafile: 'x' },
      '41.7.1',
      'x64',
    );
    expect(env).toEqual({
      PATH: '/usr/bin',
      npm_config_cafile: 'x',
      npm_config_runtime: 'electron',
      npm_config_target: '41.7.1',
      npm_config_arch: 'x64',
      npm_config_disturl: 'https://electronjs.org/headers',
    });
  });

  it('skips only when asked', () => {
    expect(skipRequested({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })).toBe(true);
    expect(skipRequested({ ELECTRON_SKIP_BINARY_DOWNLOAD: '0' })).toBe(false);
    expect(skipRequested({})).toBe(false);
  });

  it('the app looks where the install script puts it, in development and packaged', () => {
    const dev = nativeBindingPath({ isPackaged: false, resourcesPath: '/x', appRoot: '/repo', electronVersion: '41.7.1', platform: 'linux', arch: 'x64' });
    expect(dev).toBe(`/repo/${electronBindingRelPath('41.7.1', 'linux', 'x64')}`);
    const packaged = nativeBindingPath({ isPackaged: true, resourcesPath: '/opt/Zan/resources', appRoot: '/repo', electronVersion: '41.7.1', platform: 'linux', arch: 'x64' });
    expect(packaged).toBe('/opt/Zan/resources/native/better_sqlite3.node');
  });
});
