import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin, UserConfig } from 'vite';
import { CONTENT_SECURITY_POLICY } from './shared/csp';

const here = import.meta.dirname;

/** Puts the CSP into the built index.html (not in dev, where Vite's client injects inline code). */
function cspMetaTag(): Plugin {
  return {
    name: 'zan-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

/** The renderer's Vite config: used by electron-vite here and by the e2e tests to build the same page. */
export function rendererConfig(outDir = resolve(here, 'out/renderer')): UserConfig {
  return {
    root: resolve(here, 'renderer'),
    base: './',
    plugins: [react(), cspMetaTag()],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'chrome130',
      rolldownOptions: { input: resolve(here, 'renderer/index.html') },
    },
  };
}

/**
 * Builds the three parts of the app into out/: the main process, its worker threads and the `zan` CLI (ESM,
 * dependencies left in node_modules), the preload (one CommonJS file with everything inlined, as sandboxed preloads must
 * be) and the renderer.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // work-worker: the worker threads' entry (electron/work/), found beside main.js at run time;
      // team-worker: the team service's worker for rejections (server/work/), beside cli.js.
      rolldownOptions: { input: { main: resolve(here, 'electron/main.ts'), cli: resolve(here, 'electron/cli.ts'), 'work-worker': resolve(here, 'electron/work/worker.ts'), 'team-worker': resolve(here, 'server/work/rejection-worker.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rolldownOptions: {
        input: { preload: resolve(here, 'electron/preload.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig(),
});
