import type { BrowserWindowConstructorOptions } from 'electron';

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
      spellcheck: true,
    },
  };
}

/**
 * Whether the window may navigate to a URL: only within the dev server's own pages in development;
 * never when the app is loaded from disk (its views change the hash, which is not a navigation).
 */
export function mayNavigate(url: string, devServerUrl: string | null): boolean {
  return devServerUrl !== null && url.startsWith(devServerUrl);
}

/** Whether a link the page tries to open in a new window goes to the system browser (https only). */
export function opensExternally(url: string): boolean {
  return /^https:\/\//.test(url);
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
