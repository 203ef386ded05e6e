import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

describe('the Electron build (electron-vite)', () => {
  execFileSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'pipe' });
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };

  it('writes the main process where package.json says', () => {
    expect(readFileSync(join(root, pkg.main), 'utf8')).toContain('requestSingleInstanceLock');
  });

  it('bundles the sandboxed preload into one CommonJS file that requires nothing but electron', () => {
    const preload = readFileSync(join(root, 'out/preload/preload.cjs'), 'utf8');
    const requires = [...preload.matchAll(/require\((["'])([^"']+)\1\)/g)].map((m) => m[2]);
    expect(requires).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld');
    expect(preload).not.toMatch(/\bimport\s/);
  });

  it('puts the strict CSP into the built page', () => {
    const html = readFileSync(join(root, 'out/renderer/index.html'), 'utf8');
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    expect(html).toContain("script-src &#39;self&#39;");
  });
});
