import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';
import { appProtocolHandler } from '../../../electron/shell/app-protocol';
import { APP_INDEX_URL, APP_ORIGIN, APP_SCHEME_PRIVILEGES, appUrlPath } from '../../../electron/shell/app-url';
import { contentTypeOf } from '../../../electron/shell/mime';
import { tempDir } from '../harness';

const SECRET = 'the secret beside the renderer folder';

describe('the app:// scheme', () => {
  it('is registered standard and secure with fetch, and nothing that widens it', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true });
    expect(APP_ORIGIN).toBe('app://zan');
    expect(APP_INDEX_URL).toBe('app://zan/index.html');
  });

  it('names files by decoded path segments, the root being index.html', () => {
    expect(appUrlPath('app://zan/')).toEqual({ segments: ['index.html'] });
    expect(appUrlPath('app://zan')).toEqual({ segments: ['index.html'] });
    expect(appUrlPath('app://zan/assets/index-abc.js?v=1#top')).toEqual({ segments: ['assets', 'index-abc.js'] });
    expect(appUrlPath('app://ZAN/index.html')).toEqual({ segments: ['index.html'] });
    expect(appUrlPath('app://zan/assets/%D0%B7%D0%B0%D2%A3.css')).toEqual({ segments: ['assets', 'заң.css'] });
  });

  it('refuses other hosts, schemes, credentials and ports', () => {
    expect(appUrlPath('app://attacker.example/index.html')).toMatchObject({ status: 403 });
    expect(appUrlPath('app://zan.attacker.example/index.html')).toMatchObject({ status: 403 });
    expect(appUrlPath('app:///index.html')).toMatchObject({ status: 403 });
    expect(appUrlPath('file:///etc/passwd')).toMatchObject({ status: 400 });
    expect(appUrlPath('https://zan/index.html')).toMatchObject({ status: 400 });
    expect(appUrlPath('app://user:pw@zan/index.html')).toMatchObject({ status: 400 });
    expect(appUrlPath('app://zan:8080/index.html')).toMatchObject({ status: 400 });
    expect(appUrlPath('not a url')).toMatchObject({ status: 400 });
  });

  it('refuses every way of climbing out of the folder, whatever the URL parser left of it', () => {
    for (const url of [
      'app://zan/assets%2F..%2F..%2Fsecret.txt',
      'app://zan/..%2Fsecret.txt',
      'app://zan/..%5Csecret.txt',
      'app://zan/assets\\..\\..\\secret.txt',
      'app://zan/%2e%2e%5csecret.txt',
      'app://zan//etc/passwd',
      'app://zan/C:%5CWindows%5Cwin.ini',
      'app://zan/index.html%00.png',
      'app://zan/%E0%A4%A',
    ]) {
      expect(appUrlPath(url), url).toMatchObject({ status: 400 });
    }
    // Dot-files are not part of the build.
    expect(appUrlPath('app://zan/.vite/manifest.json')).toMatchObject({ status: 404 });
  });
});

describe('the app:// handler', () => {
  let root: string;
  let cleanup: () => void;
  const refusals: string[] = [];
  let handle: (request: Request) => Promise<Response>;

  beforeAll(() => {
    const dir = tempDir();
    cleanup = dir.cleanup;
    root = join(dir.dir, 'renderer');
    mkdirSync(join(root, 'assets', 'folder.js'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Zan</title>');
    writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
    writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
    writeFileSync(join(root, 'assets', 'notes.exe'), 'MZ');
    writeFileSync(join(dir.dir, 'secret.txt'), SECRET);
    writeFileSync(join(dir.dir, 'secret.js'), SECRET);
    // A link planted in the build that points outside it.
    symlinkSync(join(dir.dir, 'secret.js'), join(root, 'assets', 'link.js'));
    handle = appProtocolHandler(root, { log: (message) => refusals.push(message) });
  });
  afterAll(() => cleanup());

  const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

  it('serves the page with its type, the CSP and nosniff', async () => {
    const page = await get(APP_INDEX_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Zan</title>');
    const script = await get('app://zan/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    expect((await get('app://zan/assets/index-abc.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get(APP_INDEX_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get(APP_INDEX_URL, 'POST')).status).toBe(405);
    expect((await get(APP_INDEX_URL, 'PUT')).status).toBe(405);
  });

  it('never gives out a file outside the folder, a link, a folder, or a kind of file the page is not made of', async () => {
    for (const url of [
      'app://zan/../secret.txt',
      'app://zan/%2e%2e/secret.txt',
      'app://zan/assets/%2e%2e/%2e%2e/secret.js',
      'app://zan/assets%2F..%2F..%2Fsecret.js',
      'app://zan/assets%5C..%5C..%5Csecret.js',
      'app://attacker.example/../secret.js',
      'app://zan/assets/link.js',
      'app://zan/assets/folder.js',
      'app://zan/assets/notes.exe',
      'app://zan/assets/missing.js',
    ]) {
      const response = await get(url);
      expect(response.status, url).not.toBe(200);
      expect(await response.text(), url).not.toContain(SECRET);
    }
  });

  it('logs the refusals that look like attempts, not a plain missing file', async () => {
    refusals.length = 0;
    await get('app://zan/assets%2F..%2Fsecret.js');
    await get('app://attacker.example/index.html');
    await get('app://zan/assets/missing.js');
    expect(refusals).toHaveLength(2);
    expect(refusals[0]).toContain('assets%2F..%2Fsecret.js');
    expect(refusals[1]).toContain('attacker.example');
  });
});

describe('content types', () => {
  it('are given for what the build holds, and for nothing else', () => {
    expect(contentTypeOf('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('INDEX.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('font.woff2')).toBe('font/woff2');
    expect(contentTypeOf('icon.svg')).toBe('image/svg+xml');
    expect(contentTypeOf('tool.exe')).toBeNull();
    expect(contentTypeOf('Makefile')).toBeNull();
  });
});
