import type { BrowserWindowConstructorOptions } from 'electron';
import { allowedExternalUrl } from './shell/external-links';
import { isSameOrigin, originOf } from './shell/origin';

/**
 * The main window's options. Kept apart from window.ts (which needs the Electron runtime) so a
 * test can hold the security settings in place: context isolation, the sandbox, no Node in the
 * page, no webview tag.
 */
export function mainWindowOptions(preloadFile: string): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Zan Workbench',
    backgroundColor: '#eef1f5',
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // A file dropped outside the import dialog's drop zone is not opened in the app's place.
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  };
}

/**
 * Whether the window may navigate to a URL: only within the dev server's own origin in development
 * (Vite reloads the page), compared as origins, not prefixes; never when the app is served from
 * app:// (its views change the hash, which is not a navigation).
 */
export function mayNavigate(url: string, devServerUrl: string | null): boolean {
  if (devServerUrl === null) return false;
  const devOrigin = originOf(devServerUrl);
  return devOrigin !== null && isSameOrigin(url, devOrigin);
}

/**
 * Whether a link the page tries to open (a new window, or a navigation away) is offered to the
 * system browser: https to an allowed host (shell/external-links.ts), and even then only after the
 * drafter confirms.
 */
export function opensExternally(url: string): boolean {
  return allowedExternalUrl(url) !== null;
}

/**
 * The session's permission request handler: every web permission (camera, microphone,
 * notifications, geolocation, MIDI, clipboard reading, fullscreen …) is refused. The app needs none.
 */
export function refusePermission(_webContents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

/** The session's permission check handler: a page asking whether it holds a permission hears no. */
export function refusePermissionCheck(): boolean {
  return false;
}

/**
 * The spellchecker's languages on Windows and Linux (macOS checks in the language it detects): the
 * law's two official languages and English where the dictionaries have them, then the system's own.
 */
export function spellcheckLanguages(available: readonly string[], system: readonly string[]): string[] {
  const wanted = ['ru', 'ru-RU', 'kk', 'kk-KZ', 'en-US', 'en-GB', ...system];
  const out: string[] = [];
  for (const lang of wanted) {
    if (available.includes(lang) && !out.some((l) => l.slice(0, 2) === lang.slice(0, 2))) out.push(lang);
  }
  return out;
}
