// The editor benchmark's import part: a new version of the 2.3 MB code, read, planned and saved
// through the app's own handlers (the worker threads read and plan, the main process writes),
// while a package is open on the code. What it measures is how long the main process's thread is
// held at a time meanwhile; checked: the new text is in force and the package's draft moved onto it.
import { SerializedValue } from '../../../shared/wire';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createHandlers } from '../../../electron/ipc/handlers';
import { printLaw, rowsToLaw } from '../../../shared/law';
import type { E2EApp } from '../../e2e/app-server';

/** What saving a new version of the code measured. */
export interface ImportFigures {
  /** The longest the main process's thread was held at a time while the file was read and previewed. */
  previewBlockMs: number;
  /** The same while the new version was saved (planned on a worker thread, then written). */
  commitBlockMs: number;
  /** The whole save, as the user waits for it. */
  commitMs: number;
  rows: number;
}

/** The longest event-loop delay while `run` runs, in ms. */
async function heldAtMost<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const histogram = monitorEventLoopDelay({ resolution: 2 });
  histogram.enable();
  // A turn first, so that the monitor's own timer is running when the work starts.
  await new Promise((ok) => setTimeout(ok, 10));
  const value = await run();
  await new Promise((ok) => setTimeout(ok, 10));
  histogram.disable();
  return { ms: histogram.max / 1e6, value };
}

/** A handler's answer as a value (these two are never handed on as JSON text, but the table's type allows it). */
const plain = <T>(answer: T | SerializedValue<T>): T => (answer instanceof SerializedValue ? answer.parse() : answer);

/** Saves a new version of the law `lawId` (one word changed in it) as a drafter would, and times the main process. */
export async function measureImport(app: E2EApp, lawId: string, workId: string, check: (ok: unknown, what: string) => void): Promise<ImportFigures> {
  const { ctx } = app;
  const handlers = createHandlers(ctx, { appVersion: 'bench', databasePath: app.databaseFile, exports: { chooseSavePath: async () => null, chooseFolder: async () => null, printPdf: async () => Buffer.alloc(0) } }, app.work);
  const text = printLaw(rowsToLaw(ctx.store.provisions.load(lawId), 'ru'));
  const changed = text.replace(/налог/, 'сбор');
  check(changed !== text, 'the new version differs from the text in force');
  const base64 = Buffer.from(changed, 'utf8').toString('base64');
  const preview = await heldAtMost(() => Promise.resolve(handlers.previewImport({ name: 'code-v2.txt', base64 })).then(plain));
  check(preview.value.canSave, 'the new version reads without errors');
  const started = performance.now();
  const commit = await heldAtMost(() => Promise.resolve(handlers.commitImport({ importId: preview.value.importId, target: { kind: 'version', workId, inForceFrom: '2026-07-01' } })).then(plain));
  const commitMs = performance.now() - started;
  const saved = commit.value;
  check(ctx.store.versions.listInForce().some((v) => v.id === saved.versionId), 'the new version is in force');
  check(saved.rebased.length > 0 && saved.rebased.every((r) => !('error' in r)), 'the drafts on the code moved onto the new version');
  return { previewBlockMs: preview.ms, commitBlockMs: commit.ms, commitMs, rows: ctx.store.provisions.load(saved.versionId).length };
}
