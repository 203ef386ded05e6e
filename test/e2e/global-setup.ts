import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildApp } from './build-app';

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
  const built = await buildApp(out);
  project.provide('rendererDir', built.rendererDir);
  project.provide('bridgeScript', built.bridgeScript);
}
