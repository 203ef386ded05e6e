import { app, dialog, ipcMain, type BrowserWindow } from 'electron';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readCorpus } from './io/corpus';
import { printPdfWithElectron } from './print-pdf';
import type { ExportFormat } from './services/export';
import { createDispatcher, senderCheck } from './ipc/dispatch';
import { createHandlers } from './ipc/handlers';
import { registerIpc } from './ipc/register';
import { findNativeBinding } from './native/binding';
import { appPaths } from './paths';
import { createServiceContext } from './services/context';
import { seedTaxonomy } from './services/gaps';
import { seedCorpus } from './services/seed';
import { parseSamplePackage, seedSamplePackage } from './services/sample-package';
import { readTaxonomyFile } from './io/taxonomy-file';
import { openDatabase } from './store/database';
import { createStore, type Store } from './store/store';
import { createMainWindow, hardenSession, type RendererSource } from './window';
import { WorkPool } from './work/pool';

let store: Store | null = null;
let work: WorkPool | null = null;
let mainWindow: BrowserWindow | null = null;

/** Shows a startup error the user can read, then quits without touching their data. */
function fail(title: string, message: string): void {
  dialog.showErrorBox(title, message);
  app.quit();
}

async function start(): Promise<void> {
  await app.whenReady();
  const paths = appPaths({ isPackaged: app.isPackaged, appRoot: app.getAppPath(), resourcesPath: process.resourcesPath, userData: app.getPath('userData') });
  const binding = findNativeBinding({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appRoot: app.getAppPath(),
    electronVersion: process.versions.electron,
    platform: process.platform,
    arch: process.arch,
  });
  if ('error' in binding) return fail('Zan Workbench cannot start', binding.error);
  try {
    store = createStore(openDatabase(paths.databaseFile, { nativeBinding: binding.path }));
  } catch (error) {
    return fail('Zan Workbench cannot open its database', `${(error as Error).message}\n\n${paths.databaseFile}`);
  }
  const ctx = createServiceContext(store);
  try {
    const fresh = seedCorpus(ctx, readCorpus(paths.corpusDir)) > 0;
    seedTaxonomy(ctx, readTaxonomyFile(paths.taxonomyFile));
    // A new user starts with a complete example: a draft amending law with annotated amendments.
    if (fresh) seedSamplePackage(ctx, parseSamplePackage(JSON.parse(readFileSync(paths.samplePackageFile, 'utf8'))));
  } catch (error) {
    dialog.showErrorBox('Sample laws were not loaded', (error as Error).message);
  }

  const devUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
  const source: RendererSource = devUrl ? { url: devUrl } : { file: `${paths.rendererDir}/index.html` };
  const trusted = devUrl ? [devUrl] : [pathToFileURL(paths.rendererDir).href + '/'];
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
  const dispatch = createDispatcher(createHandlers(ctx, { appVersion: app.getVersion(), databasePath: paths.databaseFile, exports }, work), {
    isTrustedSender: senderCheck(trusted),
    log: (message, error) => console.error(`[zan] ${message}`, error),
  });
  registerIpc(ipcMain, dispatch);
  hardenSession();
  mainWindow = createMainWindow(paths.preloadFile, source);
  mainWindow.on('closed', () => (mainWindow = null));
}

if (!app.requestSingleInstanceLock()) {
  // A second instance would write the same database; the first one is focused instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    void work?.close();
    work = null;
    store?.db.close();
    store = null;
  });
  void start();
}
