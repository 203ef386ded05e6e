import { BrowserWindow, session, shell } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';

/** How the window loads the renderer: the dev server's URL, or the built index.html. */
export type RendererSource = { url: string } | { file: string };

/**
 * Locks down the default session before any window opens: every response carries the strict CSP,
 * and no web permission (camera, notifications, geolocation …) is ever granted.
 */
export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
}

/**
 * Opens the main window: context isolation, the sandbox, no Node in the page, no webview; the page
 * cannot navigate away or open windows (links to the web open in the system browser instead).
 */
export function createMainWindow(preloadFile: string, source: RendererSource): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Zan Workbench',
    backgroundColor: '#f4f5f7',
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  const home = 'url' in source ? source.url : null;
  win.webContents.on('will-navigate', (event, url) => {
    if (home && url.startsWith(home)) return;
    event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.once('ready-to-show', () => win.show());
  if ('url' in source) void win.loadURL(source.url);
  else void win.loadFile(source.file);
  return win;
}
