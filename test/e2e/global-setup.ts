import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { rendererConfig } from '../../electron.vite.config';

const root = resolve(import.meta.dirname, '../..');

declare module 'vitest' {
  export interface ProvidedContext {
    /** The renderer, built with the app's own Vite config. */
    rendererDir: string;
    /** The init script that installs window.zan with the preload's bridge builder. */
    bridgeScript: string;
  }
}

/**
 * Builds what the e2e tests serve: the real renderer (the same config electron-vite uses) and the
 * bridge init script. Done once per run.
 */
export default async function setup(project: TestProject): Promise<void> {
  const out = join(root, '.zan-test');
  mkdirSync(out, { recursive: true });
  const rendererDir = join(out, 'renderer');
  await build({ ...rendererConfig(rendererDir), configFile: false, logLevel: 'warn' });
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: join(out, 'bridge'),
      emptyOutDir: true,
      minify: false,
      lib: { entry: join(root, 'test/e2e/bridge-entry.ts'), formats: ['iife'], name: 'ZanBridge', fileName: () => 'bridge.js' },
    },
  });
  project.provide('rendererDir', rendererDir);
  project.provide('bridgeScript', join(out, 'bridge', 'bridge.js'));
}
