// Builds what the e2e tests and the editor benchmark serve: the real renderer (the app's own Vite
// config) and the bridge init script.
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { rendererConfig } from '../../electron.vite.config';

const root = resolve(import.meta.dirname, '../..');

/** Where the build went. */
export interface BuiltApp {
  rendererDir: string;
  bridgeScript: string;
}

/**
 * Builds the renderer into `outDir/renderer` and the bridge into `outDir/bridge/bridge.js`. `mode`
 * 'production' builds React's production bundle, as the app ships (the benchmark measures that);
 * the tests build whatever NODE_ENV the runner set (vitest: 'test', React's development bundle).
 */
export async function buildApp(outDir: string, mode?: 'production'): Promise<BuiltApp> {
  const rendererDir = join(outDir, 'renderer');
  const config = rendererConfig(rendererDir);
  await build({ ...config, ...(mode ? { mode, define: { 'process.env.NODE_ENV': JSON.stringify(mode) } } : {}), configFile: false, logLevel: 'warn' });
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: join(outDir, 'bridge'),
      emptyOutDir: true,
      minify: false,
      lib: { entry: join(root, 'test/e2e/bridge-entry.ts'), formats: ['iife'], name: 'ZanBridge', fileName: () => 'bridge.js' },
    },
  });
  return { rendererDir, bridgeScript: join(outDir, 'bridge', 'bridge.js') };
}
