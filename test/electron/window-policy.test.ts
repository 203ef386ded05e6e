import { describe, expect, it } from 'vitest';
import { mainWindowOptions, mayNavigate, opensExternally, spellcheckLanguages } from '../../electron/window-policy';

describe('main window security', () => {
  it('isolates and sandboxes the page, with no Node and no webview', () => {
    expect(mainWindowOptions('/app/preload.cjs').webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });

  it('denies navigation away from the app', () => {
    expect(mayNavigate('https://example.org/', null)).toBe(false);
    expect(mayNavigate('file:///etc/passwd', null)).toBe(false);
    expect(mayNavigate('http://localhost:5173/#/law/x', 'http://localhost:5173/')).toBe(true);
    expect(mayNavigate('http://evil.test/', 'http://localhost:5173/')).toBe(false);
  });

  it('opens only https links outside, never file or javascript URLs', () => {
    expect(opensExternally('https://adilet.zan.kz/rus/docs/Z2400000103')).toBe(true);
    expect(opensExternally('file:///etc/passwd')).toBe(false);
    expect(opensExternally('javascript:alert(1)')).toBe(false);
  });
});

describe('spellcheck languages', () => {
  it('checks Russian and Kazakh where the dictionaries have them, then the system language, one per language', () => {
    expect(spellcheckLanguages(['en-US', 'ru', 'de', 'kk'], ['de-DE', 'de'])).toEqual(['ru', 'kk', 'en-US', 'de']);
    // No Kazakh dictionary (Chromium's list may lack one): Russian and the others still work.
    expect(spellcheckLanguages(['en-GB', 'ru-RU'], [])).toEqual(['ru-RU', 'en-GB']);
    expect(spellcheckLanguages([], ['ru'])).toEqual([]);
  });
});
