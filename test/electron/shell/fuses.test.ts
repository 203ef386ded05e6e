import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Configuration } from 'electron-builder';
import { tempDir } from '../harness';
import { FUSE_SENTINEL, fuseConfigFor, fuses, loadBuilderConfig, validateBuilderConfig } from './builder-config';

/**
 * What a security review requires of the packaged binary, fuse by fuse (electron-builder's option
 * names). Every fuse is listed, so one Electron adds is noticed here before it ships at its default.
 */
const REQUIRED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
} as const;

const ON = 0x31; // '1'
const OFF = 0x30; // '0'

/** A file laid out as an Electron binary is around its fuse wire, with Electron's default states. */
function fakeElectronBinary(path: string): void {
  // Electron's defaults: RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on, asar
  // integrity off, app folder allowed, one V8 snapshot, file:// privileges on.
  const defaults = [ON, OFF, ON, ON, OFF, OFF, OFF, ON];
  writeFileSync(path, Buffer.concat([Buffer.alloc(4096, 0xcc), Buffer.from(FUSE_SENTINEL, 'ascii'), Buffer.from([1, defaults.length, ...defaults]), Buffer.alloc(4096, 0xcc)]));
}

describe("the packaged app's Electron fuses (electron-builder.yml, read by electron-builder)", () => {
  let config: Configuration;
  beforeAll(async () => {
    config = await loadBuilderConfig();
  });

  let cleanup: () => void = () => undefined;
  afterEach(() => cleanup());

  it("passes electron-builder's own schema", async () => {
    await expect(validateBuilderConfig(config)).resolves.toBeUndefined();
  });

  it('would be refused by that schema with a misspelt fuse, so the check above can fail', async () => {
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } } as Configuration;
    await expect(validateBuilderConfig(misspelt)).rejects.toThrow(/electronFuses/);
  });

  it('sets every fuse, each as required', () => {
    expect(config.electronFuses).toEqual(REQUIRED_FUSES);
    // Every fuse @electron/fuses knows of is among them (its enum maps names to indexes and back).
    const known = Object.values(fuses.FuseV1Options).filter((v): v is number => typeof v === 'number');
    expect(Object.keys(REQUIRED_FUSES)).toHaveLength(known.length);
  });

  it('flips them in the binary: RunAsNode, NODE_OPTIONS and --inspect off; asar integrity, asar only and cookie encryption on; no file:// privileges', async () => {
    const dir = tempDir();
    cleanup = dir.cleanup;
    const binary = join(dir.dir, 'zan-workbench');
    fakeElectronBinary(binary);
    // What electron-builder hands @electron/fuses, asked to refuse a wire fuse left unconfigured.
    const fuseConfig = { ...(await fuseConfigFor(config.electronFuses!)), strictlyRequireAllFuses: true };
    await fuses.flipFuses(binary, fuseConfig);
    const wire = await fuses.getCurrentFuseWire(binary);
    const state = (name: string) => wire[fuses.FuseV1Options[name] as number];
    expect(state('RunAsNode')).toBe(OFF);
    expect(state('EnableNodeOptionsEnvironmentVariable')).toBe(OFF);
    expect(state('EnableNodeCliInspectArguments')).toBe(OFF);
    expect(state('EnableEmbeddedAsarIntegrityValidation')).toBe(ON);
    expect(state('OnlyLoadAppFromAsar')).toBe(ON);
    expect(state('EnableCookieEncryption')).toBe(ON);
    expect(state('GrantFileProtocolExtraPrivileges')).toBe(OFF);
    expect(state('LoadBrowserProcessSpecificV8Snapshot')).toBe(OFF);
    // Only the wire changed: the bytes around it are as they were.
    const bytes = readFileSync(binary);
    expect(bytes.subarray(0, 4096).every((b) => b === 0xcc)).toBe(true);
    expect(bytes.subarray(bytes.length - 4096).every((b) => b === 0xcc)).toBe(true);
  });

  it('packs the app into an asar whose hash electron-builder records (what the integrity fuse checks)', () => {
    expect(config.asar).toBe(true);
    expect(config.disableAsarIntegrity).not.toBe(true);
  });
});
