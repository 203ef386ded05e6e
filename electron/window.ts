import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { externalLinkOpener } from './shell/external-links';
import { linkDialogOptions, OPEN_BUTTON } from './shell/link-dialog';
import { mainWindowOptions, mayNavigate, opensExternally, refusePermission, refusePermissionCheck, spellcheckLanguages } from './window-policy';

/**
 * What the window loads: the page's URL (app://zan/index.html, or the dev server's), and the dev
 * server's URL when there is one (the only place the window may navigate within, for Vite's reloads).
 */
export interface RendererSource {
  url: string;
  devServerUrl: string | null;
}

/**
 * Locks down the default session before any window opens: every response carries the strict CSP
 * (the dev server's too; app:// responses carry it themselves), and no web permission (camera,
 * notifications, geolocation …) is ever granted or reported as granted.
 */
export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  ses.setPermissionRequestHandler(refusePermission);
  ses.setPermissionCheckHandler(refusePermissionCheck);
}

/**
 * Opens the main window: context isolation, the sandbox, no Node in the page, no webview; the page
 * cannot navigate away or open windows. A link to an allowed host (shell/external-links.ts) is offered
 * to the system browser after the drafter confirms it in a native dialog; anything else is refused
 * and logged.
 */
export function createMainWindow(preloadFile: string, source: RendererSource): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(preloadFile));
  const openOutside = externalLinkOpener({
    confirm: async (url) => {
      const options = linkDialogOptions(url, app.getLocale());
      const answer = win.isDestroyed() ? await dialog.showMessageBox(options) : await dialog.showMessageBox(win, options);
      return answer.response === OPEN_BUTTON;
    },
    open: (url) => shell.openExternal(url),
    log: (message) => console.warn(`[zan] ${message}`),
  });
  const offerOutside = (url: string) => {
    openOutside(url).catch((error: unknown) => console.error('[zan] Opening a link failed', error));
  };
  win.webContents.on('will-navigate', (event, url) => {
    if (mayNavigate(url, source.devServerUrl)) return;
    event.preventDefault();
    // A plain link to the portal is a navigation: it goes to the browser like a new-window link.
    if (opensExternally(url)) offerOutside(url);
    else console.warn(`[zan] Refused a navigation to ${JSON.stringify(url)}.`);
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    offerOutside(url);
    return { action: 'deny' };
  });
  // Russian and Kazakh texts are checked in their own languages where the OS has the dictionaries.
  if (process.platform !== 'darwin') {
    const own = win.webContents.session;
    const langs = spellcheckLanguages(own.availableSpellCheckerLanguages, app.getPreferredSystemLanguages());
    if (langs.length) own.setSpellCheckerLanguages(langs);
  }
  win.once('ready-to-show', () => win.show());
  void win.loadURL(source.url);
  return win;
}
