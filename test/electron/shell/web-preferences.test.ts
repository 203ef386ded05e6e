import { describe, expect, it } from 'vitest';
import { mainWindowOptions, refusePermission, refusePermissionCheck } from '../../../electron/window-policy';

describe("the main window's web preferences", () => {
  const prefs = mainWindowOptions('/app/out/preload/preload.cjs').webPreferences!;

  it('isolate and sandbox the page with web security on', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.webSecurity).toBe(true);
  });

  it('give the page no Node, no webview, no insecure content, no experimental features', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('hold nothing else than what was reviewed', () => {
    expect(Object.keys(prefs).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });
});

describe('web permissions', () => {
  it('are refused when asked for, and reported as not held', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'fullscreen', 'openExternal']) refusePermission({}, permission, (granted) => answers.push(granted));
    expect(answers).toEqual([false, false, false, false, false, false]);
    expect(refusePermissionCheck()).toBe(false);
  });
});
