import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../../electron/shell/app-url';
import { isSameOrigin, originOf, sameOriginCheck } from '../../../electron/shell/origin';
import { mayNavigate } from '../../../electron/window-policy';

// electron-vite gives the dev server's address without a trailing slash.
const DEV = 'http://localhost:5173';

describe('origins', () => {
  it("are Chromium's for http(s) and for the app's standard scheme", () => {
    expect(originOf('http://localhost:5173/#/law/x')).toBe('http://localhost:5173');
    expect(originOf('HTTP://LOCALHOST:5173/')).toBe('http://localhost:5173');
    expect(originOf('https://adilet.zan.kz:443/rus')).toBe('https://adilet.zan.kz');
    expect(originOf('app://zan/index.html#/package/1')).toBe(APP_ORIGIN);
    expect(originOf('app://ZAN/index.html')).toBe(APP_ORIGIN);
  });

  it('are none for the URLs a trusted page never has', () => {
    for (const url of ['file:///opt/zan/out/renderer/index.html', 'data:text/html,<script>1</script>', 'blob:app://zan/1234', 'about:blank', 'javascript:alert(1)', 'app:///index.html', '', 'not a url']) {
      expect(originOf(url), url).toBeNull();
    }
  });
});

describe('the IPC sender check', () => {
  it('accepts every page of the renderer origin', () => {
    const fromApp = sameOriginCheck(APP_ORIGIN);
    expect(fromApp('app://zan/index.html')).toBe(true);
    expect(fromApp('app://zan/index.html#/law/education/ru')).toBe(true);
    const fromDev = sameOriginCheck(DEV);
    expect(fromDev('http://localhost:5173/')).toBe(true);
    expect(fromDev('http://localhost:5173/index.html?x#/y')).toBe(true);
  });

  it('regression (issue 16): http://localhost:5173.attacker.example/ is not the dev server', () => {
    // What the prefix check accepted:
    expect('http://localhost:5173.attacker.example/'.startsWith(DEV)).toBe(true);
    expect(sameOriginCheck(DEV)('http://localhost:5173.attacker.example/')).toBe(false);
    expect(isSameOrigin('http://localhost:5173.attacker.example/', DEV)).toBe(false);
  });

  it('refuses the other URLs a prefix lets through: another port, a login at another host, another scheme', () => {
    const fromDev = sameOriginCheck(DEV);
    for (const url of ['http://localhost:51730/', 'http://localhost:5173@attacker.example/', 'https://localhost:5173/', 'ws://localhost:5173/', 'http://127.0.0.1:5173/', 'blob:http://localhost:5173/x', '']) {
      expect(fromDev(url), url).toBe(false);
    }
    const fromApp = sameOriginCheck(APP_ORIGIN);
    for (const url of ['app://zan.attacker.example/index.html', 'app://attacker.example/zan', 'file:///opt/zan/out/renderer/index.html', 'http://zan/', '']) {
      expect(fromApp(url), url).toBe(false);
    }
  });

  it('is built only from an origin, never from a URL or "null"', () => {
    expect(() => sameOriginCheck('http://localhost:5173/')).toThrow();
    expect(() => sameOriginCheck('null')).toThrow();
    expect(() => sameOriginCheck('file:///')).toThrow();
  });
});

describe('navigation', () => {
  it('stays within the dev server origin in development, and goes nowhere from app://', () => {
    expect(mayNavigate('http://localhost:5173/#/law/x', DEV)).toBe(true);
    expect(mayNavigate('http://localhost:5173.attacker.example/', DEV)).toBe(false);
    expect(mayNavigate('http://localhost:5173@attacker.example/', DEV)).toBe(false);
    expect(mayNavigate('http://localhost:51730/', DEV)).toBe(false);
    expect(mayNavigate('app://zan/index.html', null)).toBe(false);
    expect(mayNavigate('https://adilet.zan.kz/', null)).toBe(false);
  });
});
