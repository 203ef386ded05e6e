import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Facts about the running Electron app that decide where its better-sqlite3 build is. */
export interface BindingLocation {
  isPackaged: boolean;
  /** process.resourcesPath: where electron-builder puts extraResources. */
  resourcesPath: string;
  /** The project root in development (where `native/` is). */
  appRoot: string;
  electronVersion: string;
  platform: string;
  arch: string;
}

/**
 * The path of the better-sqlite3 binary checked for this Electron, passed to better-sqlite3 as its
 * `nativeBinding` option. In development it is the copy scripts/native/electron-binding.mjs put
 * under native/; in a package, electron-builder copied it to resources/native/ (electron-builder.yml).
 * It is the same Node-API binary that tests and the CLI load from node_modules.
 */
export function nativeBindingPath(loc: BindingLocation): string {
  if (loc.isPackaged) return join(loc.resourcesPath, 'native', 'better_sqlite3.node');
  return join(loc.appRoot, 'native', `electron-${loc.electronVersion}-${loc.platform}-${loc.arch}`, 'better_sqlite3.node');
}

/** The binding path if it exists, or an error message telling the user how to get it. */
export function findNativeBinding(loc: BindingLocation): { path: string } | { error: string } {
  const path = nativeBindingPath(loc);
  if (existsSync(path)) return { path };
  return {
    error:
      `The SQLite engine prepared for Electron ${loc.electronVersion} is missing (${path}). ` +
      (loc.isPackaged ? 'Reinstall Zan Workbench.' : 'Run `npm run native`, then start again.'),
  };
}
