import { dirname, join } from 'node:path';

/** Where the app finds its bundled files and keeps the user's database. */
export interface AppPaths {
  /** The bundled sample corpus (resources/corpus in the repository). */
  corpusDir: string;
  /** The default gap taxonomy. */
  taxonomyFile: string;
  /** The sample draft amending law seeded on first start. */
  samplePackageFile: string;
  /** The built renderer's folder. */
  rendererDir: string;
  /** The preload script. */
  preloadFile: string;
  /** The user's database file. */
  databaseFile: string;
}

/**
 * Resolves the app's paths. `appRoot` is the project root in development (app.getAppPath());
 * packaged, the corpus is copied next to the app as an extra resource (electron-builder.yml).
 */
export function appPaths(opts: { isPackaged: boolean; appRoot: string; resourcesPath: string; userData: string }): AppPaths {
  return {
    corpusDir: opts.isPackaged ? join(opts.resourcesPath, 'corpus') : join(opts.appRoot, 'resources', 'corpus'),
    samplePackageFile: opts.isPackaged ? join(opts.resourcesPath, 'sample-package', 'package.json') : join(opts.appRoot, 'resources', 'sample-package', 'package.json'),
    taxonomyFile: opts.isPackaged ? join(opts.resourcesPath, 'gaps', 'default-taxonomy.json') : join(opts.appRoot, 'resources', 'gaps', 'default-taxonomy.json'),
    rendererDir: join(opts.appRoot, 'out', 'renderer'),
    preloadFile: join(opts.appRoot, 'out', 'preload', 'preload.cjs'),
    databaseFile: join(opts.userData, 'zan-workbench.sqlite'),
  };
}

/**
 * Where the app keeps the user's database, worked out without Electron (for the command line):
 * Electron's userData folder is the platform's application-data folder and the product name.
 */
export function defaultDatabaseFile(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = env['HOME'] ?? env['USERPROFILE'] ?? ''): string {
  const appData =
    platform === 'win32' ? (env['APPDATA'] ?? join(home, 'AppData', 'Roaming')) : platform === 'darwin' ? join(home, 'Library', 'Application Support') : (env['XDG_CONFIG_HOME'] ?? join(home, '.config'));
  return join(appData, 'Zan Workbench', 'zan-workbench.sqlite');
}

/**
 * The audit key file of a database (audit/signer.ts): the key the command line signs its entries
 * with, and the app's where the system offers no keychain. Beside the database in the user's own
 * folder: it keeps a rewrite of the database from passing as the app's only where the key itself
 * is kept from whoever rewrites (the keychain's job; see electron/audit-key.ts).
 */
export function auditKeyFile(databaseFile: string): string {
  return join(dirname(databaseFile), 'zan-audit.key');
}
