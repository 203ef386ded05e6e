import { app, BrowserWindow, session, shell } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { mainWindowOptions, mayNavigate, opensExternally, spellcheckLanguages } from './window-policy';

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
  const win = new BrowserWindow(mainWindowOptions(preloadFile));
  const devServer = 'url' in source ? source.url : null;
  win.webContents.on('will-navigate', (event, url) => {
    if (!mayNavigate(url, devServer)) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (opensExternally(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  // Russian and Kazakh texts are checked in their own languages where the OS has the dictionaries.
  if (process.platform !== 'darwin') {
    const own = win.webContents.session;
    const langs = spellcheckLanguages(own.availableSpellCheckerLanguages, app.getPreferredSystemLanguages());
    if (langs.length) own.setSpellCheckerLanguages(langs);
  }
  win.once('ready-to-show', () => win.show());
  if ('url' in source) void win.loadURL(source.url);
  else void win.loadFile(source.file);
  return win;
}
