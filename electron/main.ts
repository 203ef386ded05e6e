import { app, dialog, ipcMain, protocol, safeStorage, type BrowserWindow } from 'electron';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCorpus } from './io/corpus';
import { printPdfWithElectron } from './print-pdf';
import type { ExportFormat } from './services/export';
import { createDispatcher } from './ipc/dispatch';
import { createHandlers } from './ipc/handlers';
import { registerIpc } from './ipc/register';
import { findNativeBinding } from './native/binding';
import { appPaths, auditKeyFile } from './paths';
import { installKey } from './services/audit/install-key';
import { applyPendingRestore, recordRestore, type RestoreDone } from './services/backups';
import { dailyBackup, listBackups, restoreBackup } from './store/backup';
import { refusalDialogOptions, RESTORE_BUTTON } from './shell/database-dialogs';
import { sealAudit } from './services/audit/log';
import { createServiceContext } from './services/context';
import { seedTaxonomy } from './services/gaps';
import { seedCorpus } from './services/seed';
import { parseSamplePackage, seedSamplePackage } from './services/sample-package';
import { readTaxonomyFile } from './io/taxonomy-file';
import { appProtocolHandler } from './shell/app-protocol';
import { APP_INDEX_URL, APP_ORIGIN, APP_SCHEME, APP_SCHEME_PRIVILEGES } from './shell/app-url';
import { cliArguments, runCliHere } from './shell/cli-mode';
import { originOf, sameOriginCheck } from './shell/origin';
import { openDatabase } from './store/database';
import { createStore, type Store } from './store/store';
import { createMainWindow, hardenSession, type RendererSource } from './window';
import { WorkPool } from './work/pool';
import { TeamHost } from './team/host';

let store: Store | null = null;
let work: WorkPool | null = null;
/** Team mode, while the app runs. */
let team: TeamHost | null = null;
let mainWindow: BrowserWindow | null = null;
/** The daily backup under way, if any: the database is closed only after it. */
let backingUp: Promise<unknown> | null = null;

/** The better_sqlite3.node this app loads (built for Electron's ABI; an extra resource when packaged). */
function appNativeBinding() {
  return findNativeBinding({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appRoot: app.getAppPath(),
    electronVersion: process.versions.electron,
    platform: process.platform,
    arch: process.arch,
  });
}

/** Shows a startup error the user can read, then quits without touching their data. */
function fail(title: string, message: string): void {
  dialog.showErrorBox(title, message);
  app.quit();
}

/**
 * Opens the database, first putting in place a backup the user chose to restore (the app restarted
 * for it). A refusal (not Zan's, damaged, newer, read-only…) names the file and the reason and
 * offers the newest backup — not a copy of a database that was itself replaced (the refused file
 * goes there), nor one already tried. Null when the user quits instead (or a restore fails: said).
 */
function openOrOfferBackup(databaseFile: string, nativeBinding: string): { store: Store; restored: RestoreDone | null } | null {
  let restored: RestoreDone | null = null;
  try {
    restored = applyPendingRestore(dirname(databaseFile), databaseFile);
  } catch (error) {
    dialog.showErrorBox('The backup was not restored', (error as Error).message);
  }
  const tried = new Set<string>();
  for (;;) {
    try {
      return { store: createStore(openDatabase(databaseFile, { nativeBinding })), restored };
    } catch (error) {
      const newest = listBackups(databaseFile).find((b) => b.reason !== 'replaced' && !tried.has(b.path)) ?? null;
      const answer = dialog.showMessageBoxSync(refusalDialogOptions((error as Error).message, databaseFile, newest, app.getLocale()));
      if (!newest || answer !== RESTORE_BUTTON) {
        app.quit();
        return null;
      }
      tried.add(newest.path);
      try {
        restored = { from: newest.path, replaced: restoreBackup(databaseFile, newest.path) };
      } catch (failure) {
        fail('The backup was not restored', (failure as Error).message);
        return null;
      }
    }
  }
}

async function start(): Promise<void> {
  await app.whenReady();
  // In development the page comes from electron-vite's dev server; otherwise from app://, which
  // serves the built renderer folder and nothing else. Either way one origin is trusted, exactly.
  const devUrl = !app.isPackaged ? (process.env['ELECTRON_RENDERER_URL'] ?? null) : null;
  const trustedOrigin = devUrl ? originOf(devUrl) : APP_ORIGIN;
  if (!trustedOrigin) return fail('Zan Workbench cannot start', `The dev server's address ${devUrl} is not an http(s) URL.`);
  const paths = appPaths({ isPackaged: app.isPackaged, appRoot: app.getAppPath(), resourcesPath: process.resourcesPath, userData: app.getPath('userData') });
  const binding = appNativeBinding();
  if ('error' in binding) return fail('Zan Workbench cannot start', binding.error);
  const opened = openOrOfferBackup(paths.databaseFile, binding.path);
  if (!opened) return;
  store = opened.store;
  const { restored } = opened;
  let key;
  // The audit log is signed with this install's key, kept by the OS keychain (audit/install-key.ts);
  // the team token is kept by it too. getSelectedStorageBackend is Linux's only (where "basic_text"
  // means no keychain at all).
  const keychain = {
    isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
    encryptString: (text: string) => safeStorage.encryptString(text),
    decryptString: (encrypted: Buffer) => safeStorage.decryptString(encrypted),
    ...(process.platform === 'linux' ? { getSelectedStorageBackend: () => safeStorage.getSelectedStorageBackend() } : {}),
  };
  try {
    key = installKey(app.getPath('userData'), auditKeyFile(paths.databaseFile), keychain);
  } catch (error) {
    return fail('Zan Workbench cannot sign its audit log', (error as Error).message);
  }
  if (key.kept === 'file') console.warn(`[zan] No keychain here: the audit key is kept in ${auditKeyFile(paths.databaseFile)}, readable by this user only.`);
  const ctx = { ...createServiceContext(store), signer: key.signer, verifyKeys: key.others };
  // A log an earlier build wrote gets its signed baseline now, so it is checked from this start on.
  sealAudit(ctx);
  if (restored) recordRestore(ctx, restored);
  // A backup a day while the app is open (store/backup.ts), checked at start and every hour.
  const backUp = () => {
    if (!store || backingUp) return;
    backingUp = dailyBackup(store, paths.databaseFile)
      .catch((error: unknown) => console.error('[zan] the daily backup failed', error))
      .finally(() => (backingUp = null));
  };
  backUp();
  setInterval(backUp, 3600 * 1000).unref();
  try {
    const fresh = seedCorpus(ctx, readCorpus(paths.corpusDir)) > 0;
    seedTaxonomy(ctx, readTaxonomyFile(paths.taxonomyFile));
    // A new user starts with a complete example: a draft amending law with annotated amendments.
    if (fresh) seedSamplePackage(ctx, parseSamplePackage(JSON.parse(readFileSync(paths.samplePackageFile, 'utf8'))));
  } catch (error) {
    dialog.showErrorBox('Sample laws were not loaded', (error as Error).message);
  }

  if (!devUrl) protocol.handle(APP_SCHEME, appProtocolHandler(paths.rendererDir, { log: (message) => console.warn(`[zan] ${message}`) }));
  const source: RendererSource = { url: devUrl ?? APP_INDEX_URL, devServerUrl: devUrl };
  const chooseSavePath = async (suggestedName: string, format: ExportFormat) => {
    const options = { defaultPath: join(app.getPath('documents'), suggestedName), filters: [{ name: format.toUpperCase(), extensions: [format] }] };
    const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
  const chooseFolder = async () => {
    const options = { defaultPath: app.getPath('documents'), properties: ['openDirectory' as const, 'createDirectory' as const] };
    const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
  const exports = { chooseSavePath, chooseFolder, printPdf: printPdfWithElectron };
  // Long reads (opening a code, comparing, exporting) run on worker threads beside this one.
  work = new WorkPool({
    ctx,
    databaseFile: paths.databaseFile,
    nativeBinding: binding.path,
    workerScript: join(dirname(fileURLToPath(import.meta.url)), 'work-worker.js'),
    log: (message, error) => console.error(`[zan] ${message}`, error ?? ''),
  });
  // Team mode (issue 17): resumes with the server and token kept, if any; the token is kept by the keychain.
  team = new TeamHost(ctx, { userData: app.getPath('userData'), keychain, device: hostname(), log: (message, error) => console.error(`[zan] ${message}`, error ?? '') });
  const dispatch = createDispatcher(createHandlers(ctx, { appVersion: app.getVersion(), databasePath: paths.databaseFile, exports, restart: () => (app.relaunch(), app.quit()), team }, work), {
    isTrustedSender: sameOriginCheck(trustedOrigin),
    log: (message, error) => console.error(`[zan] ${message}`, error),
  });
  registerIpc(ipcMain, dispatch);
  team.start();
  hardenSession();
  mainWindow = createMainWindow(paths.preloadFile, source);
  mainWindow.on('closed', () => (mainWindow = null));
}

const cliArgs = cliArguments(process.argv, process.defaultApp === true);
if (cliArgs) {
  // `Zan Workbench --cli …`: the command line, no window and no single-instance lock (it may run
  // beside the open app, as `npx zan` does).
  const binding = appNativeBinding();
  // Without the native module the text commands still run; a database command then says why it cannot.
  runCliHere(cliArgs, 'error' in binding ? undefined : binding.path).then(
    (code) => app.exit(code),
    (error: unknown) => {
      // 70 (EX_SOFTWARE), not 1 or 2: those are the CLI's answers (audit-check: 1 tampered, 2 cannot check).
      console.error(error);
      app.exit(70);
    },
  );
} else if (!app.requestSingleInstanceLock()) {
  // A second instance would write the same database; the first one is focused instead.
  app.quit();
} else {
  // Before the app is ready, or Chromium would treat app:// as an opaque, insecure scheme.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  // Every web contents, whatever creates it (the print window too): no webview, no new windows. The
  // main window then sets its own window-open handler, which offers allowed links to the browser.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    const pool = work;
    if (pool) {
      // The worker threads and their read connections end first, so the main connection is the
      // database's last: SQLite then folds the WAL into the file as it closes, and nothing is left
      // beside it. The writer thread's saves are made first (WorkPool.close, up to 10 s); a thread
      // stuck past that is not waited for.
      event.preventDefault();
      work = null;
      const stuck = new Promise<void>((resolve) => setTimeout(resolve, 12_000).unref());
      // A daily backup under way finishes first too (it reads through the main connection).
      const leaving = team;
      team = null;
      void Promise.race([Promise.all([(leaving?.stop() ?? Promise.resolve()).then(() => pool.close()).catch(() => undefined), backingUp]), stuck]).then(() => app.quit());
      return;
    }
    store?.close();
    store = null;
  });
  void start();
}
