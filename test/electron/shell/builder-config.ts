// electron-builder.yml as electron-builder itself reads it: its own loader (the YAML parser it ships,
// the merging of defaults) and its own JSON schema, rather than a second reading of the YAML that
// could disagree with it. electron-builder is a devDependency; app-builder-lib, @electron/fuses and
// builder-util are its own dependencies, loaded from where it resolves them.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Configuration } from 'electron-builder';

/** The project root (where electron-builder.yml and package.json are). */
export const ROOT = join(import.meta.dirname, '../../..');

const fromTest = createRequire(import.meta.url);
const fromBuilder = createRequire(fromTest.resolve('electron-builder'));
const fromBuilderLib = createRequire(fromBuilder.resolve('app-builder-lib'));

interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<Configuration>;
  validateConfiguration(config: Configuration, debugLogger: unknown): Promise<void>;
}

const configModule = fromBuilder('app-builder-lib/out/util/config/config.js') as ConfigModule;
const { DebugLogger } = fromBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

/** The packaging configuration of the project, loaded as `npm run dist` loads it. */
export function loadBuilderConfig(): Promise<Configuration> {
  return configModule.getConfig(ROOT, null, null);
}

/** Validates a configuration against electron-builder's schema; rejects naming what does not fit. */
export function validateBuilderConfig(config: Configuration): Promise<void> {
  return configModule.validateConfiguration(config, new DebugLogger(false));
}

/** The fuse configuration electron-builder hands to @electron/fuses for the given `electronFuses`. */
export function fuseConfigFor(fuses: NonNullable<Configuration['electronFuses']>): Promise<Record<string, unknown>> {
  const { PlatformPackager } = fromBuilder('app-builder-lib') as { PlatformPackager: { prototype: { generateFuseConfig(f: unknown): Promise<Record<string, unknown>> } } };
  // generateFuseConfig uses nothing of the packager it belongs to: it maps the option names to fuse indexes.
  return PlatformPackager.prototype.generateFuseConfig.call(null, fuses);
}

/** @electron/fuses, the library electron-builder flips the fuses with. */
export interface FusesLibrary {
  FuseV1Options: Record<string, number | string>;
  flipFuses(binary: string, config: Record<string, unknown>): Promise<number>;
  getCurrentFuseWire(binary: string): Promise<Record<string, number | string>>;
}

/** The copy of @electron/fuses electron-builder uses. */
export const fuses = fromBuilderLib('@electron/fuses') as FusesLibrary;

/** The sentinel before the fuse wire in an Electron binary (@electron/fuses' constants). */
export const FUSE_SENTINEL = (fromBuilderLib('@electron/fuses/dist/constants.js') as { SENTINEL: string }).SENTINEL;
