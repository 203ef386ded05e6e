// The app as `npm run build` and electron-builder make it, run under plain Node with the recording
// stand-in for 'electron' (standin/): the build, the packaged app's resources folder, and one run of
// the built main process with what it printed and what the stand-in recorded.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Configuration } from 'electron-builder';
import { loadedBinary } from '../../../scripts/native/electron-binding.mjs';
import { ROOT } from './builder-config';

/**
 * The better-sqlite3 binary node_modules holds, the one Node loads: a Node-API addon, the same file
 * `npm run native` copies for Electron and the app ships.
 */
const NODE_BINDING = loadedBinary(dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), process.platform, process.arch, false);

/** The Electron the app is built for (its package is installed even where its binary could not be). */
export const ELECTRON_VERSION = (createRequire(import.meta.url)('electron/package.json') as { version: string }).version;

const REGISTER = pathToFileURL(join(import.meta.dirname, 'standin', 'register.mjs')).href;

/**
 * Builds the main process, its workers, the preload and the renderer with electron-vite, into
 * `appRoot/out` (what the asar holds, beside package.json), and gives appRoot. Not into out/: the
 * bundle test builds there, possibly at the same time. appRoot must lie inside the project, so the
 * built files find node_modules as the packaged app finds its own.
 */
export function buildApp(appRoot: string): string {
  mkdirSync(appRoot, { recursive: true });
  execFileSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--outDir', join(appRoot, 'out')], { cwd: ROOT, stdio: 'pipe' });
  copyFileSync(join(ROOT, 'package.json'), join(appRoot, 'package.json'));
  return appRoot;
}

/**
 * Lays out the packaged app's resources folder (process.resourcesPath) from electron-builder.yml's
 * extraResources, each linked to where it comes from — except the native binding, which
 * `npm run native` copies into native/ (not there when it has not run), linked here to the binary
 * in node_modules: the same Node-API file.
 */
export function layOutResources(dir: string, config: Configuration): string {
  const entries = (config.extraResources ?? []) as { from: string; to: string }[];
  for (const entry of entries) {
    const target = join(dir, entry.to);
    mkdirSync(dirname(target), { recursive: true });
    const native = entry.to === 'native/better_sqlite3.node';
    symlinkSync(native ? NODE_BINDING : join(ROOT, entry.from), target);
  }
  if (!existsSync(join(dir, 'native', 'better_sqlite3.node'))) throw new Error('electron-builder.yml ships no native/better_sqlite3.node');
  return dir;
}

/**
 * Lays out what a development start (`electron-vite dev`, not packaged) reads from the project root
 * beside out/: resources/ and the native binding where `npm run native` puts it, under the
 * Electron version's name — here too linked to the binary in node_modules.
 */
export function layOutDevelopment(appRoot: string): void {
  symlinkSync(join(ROOT, 'resources'), join(appRoot, 'resources'));
  const native = join(appRoot, 'native', `electron-${ELECTRON_VERSION}-${process.platform}-${process.arch}`);
  mkdirSync(native, { recursive: true });
  symlinkSync(NODE_BINDING, join(native, 'better_sqlite3.node'));
}

/** One entry of the stand-in's log (standin/record.mjs). */
export interface LogEntry {
  t: string;
  api?: string;
  args?: unknown[];
  name?: string;
  [field: string]: unknown;
}

/** What one run of the built main process did. */
export interface MainRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Whether it had to be killed: it did not end within the time given. */
  timedOut: boolean;
  stdout: string;
  stderr: string;
  log: LogEntry[];
}

/** Where a run finds the app and keeps the user's data. */
export interface RunOptions {
  appRoot: string;
  resources: string;
  userData: string;
  /** Arguments after main.js (the CLI's, with --cli). */
  args?: string[];
  /** A development start with electron-vite's dev server at this address (not packaged). */
  devServerUrl?: string;
  timeoutMs?: number;
  /** The answers of dialog.showMessageBoxSync, in turn (Cancel when none is left). */
  syncAnswers?: number[];
}

/** Runs out/main/main.js under Node with the stand-in for 'electron'; resolves when it has ended (or was killed). */
export function runBuiltMain(options: RunOptions): Promise<MainRun> {
  const logFile = join(options.userData, `standin-${Date.now()}-${Math.random().toString(36).slice(2)}.jsonl`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ZAN_STANDIN_LOG: logFile,
    ZAN_STANDIN_APP_ROOT: options.appRoot,
    ZAN_STANDIN_USER_DATA: options.userData,
    ZAN_STANDIN_RESOURCES: options.resources,
    ZAN_STANDIN_ELECTRON_VERSION: ELECTRON_VERSION,
    ZAN_STANDIN_PACKAGED: options.devServerUrl ? '0' : '1',
  };
  delete env['ELECTRON_RENDERER_URL'];
  delete env['NODE_OPTIONS'];
  if (options.devServerUrl) env['ELECTRON_RENDERER_URL'] = options.devServerUrl;
  if (options.syncAnswers) env['ZAN_STANDIN_SYNC_ANSWERS'] = options.syncAnswers.join(',');
  const child = spawn(process.execPath, ['--import', REGISTER, join(options.appRoot, 'out', 'main', 'main.js'), ...(options.args ?? [])], { cwd: options.appRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.timeoutMs ?? 30_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as LogEntry) : [];
      resolve({ code, signal, timedOut, stdout, stderr, log });
    });
  });
}

/** The calls the stand-in recorded for one API (`app.quit`, `new BrowserWindow` …), in order. */
export function callsOf(run: MainRun, api: string): LogEntry[] {
  return run.log.filter((e) => e.t === 'call' && e.api === api);
}

/** The entries recorded while one of drive.mjs's probes ran, and its result. */
export function probeOf(run: MainRun, name: string): { result: LogEntry; during: LogEntry[] } {
  const start = run.log.findIndex((e) => e.t === 'probe-start' && e.name === name);
  const end = run.log.findIndex((e) => e.t === 'probe-end' && e.name === name);
  const result = run.log.find((e) => e.t === 'probe' && e.name === name);
  if (start < 0 || end < 0 || !result) throw new Error(`The probe "${name}" did not run (the stand-in's log: ${run.log.length} entries).`);
  if (typeof result['error'] === 'string') throw new Error(`The probe "${name}" failed: ${result['error']}`);
  return { result, during: run.log.slice(start + 1, end) };
}
