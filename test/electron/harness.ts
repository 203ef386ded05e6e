import { mkdtempSync, rmSync } from 'node:fs';
import { afterEach, beforeEach } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCorpus } from '../../electron/io/corpus';
import { emptyMemo, type ServiceContext } from '../../electron/services/context';
import { hmacSigner } from '../../electron/services/audit/signer';
import { seedTaxonomy } from '../../electron/services/gaps';
import { seedCorpus } from '../../electron/services/seed';
import { readTaxonomyFile } from '../../electron/io/taxonomy-file';
import { openDatabase } from '../../electron/store/database';
import { createStore } from '../../electron/store/store';
import { lawFromJSON, lawToRows, newUid, type ProvisionRow } from '../../shared/law';
import { listLibrary } from '../../electron/services/library';
import { createPackage } from '../../electron/services/packages';
import { saveDraft } from '../../electron/services/drafts';
import { openVersion } from '../../electron/services/versions';

/** A fresh folder for one test's database files; removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'zan-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The default gap taxonomy the app ships. */
export const TAXONOMY_FILE = join(import.meta.dirname, '../../resources/gaps/default-taxonomy.json');

/** The folder of the small test corpus. */
export const TEST_CORPUS = join(import.meta.dirname, '../fixtures/corpus');

/** The audit key of the service tests (a fixed one: what a test signs, it can check). */
export const TEST_SIGNER = hmacSigner(Buffer.alloc(32, 7));

/** Opens a real SQLite file in `dir`, seeded with the given corpus, with a ticking test clock and the test audit key. */
export function openTestContext(dir: string, corpusDir = TEST_CORPUS): ServiceContext {
  const store = createStore(openDatabase(join(dir, 'zan.sqlite')));
  let tick = 0;
  const ctx: ServiceContext = {
    store,
    now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)).toISOString(),
    newId: newUid,
    memo: emptyMemo(),
    signer: TEST_SIGNER,
    log: (message) => {
      throw new Error(`unexpected defect: ${message}`);
    },
  };
  seedCorpus(ctx, readCorpus(corpusDir));
  seedTaxonomy(ctx, readTaxonomyFile(TAXONOMY_FILE));
  return ctx;
}

/**
 * Starts a package on the test law's Russian text and returns its draft with the two provisions the
 * service tests edit: paragraph 17.1 ("Университеты вправе") and paragraph 19.1 (entry into force).
 */
export function startPackage(ctx: ServiceContext, title = 'Проект') {
  const baseId = listLibrary(ctx)[0]?.expressions[0]?.versionId as string;
  const pkg = createPackage(ctx, { title, baseVersionIds: [baseId] });
  const versionId = pkg.drafts[0]?.versionId as string;
  const rows = lawToRows(lawFromJSON(openVersion(ctx, versionId).law));
  const find = (start: string) => rows.find((r) => r.text.startsWith(start)) as ProvisionRow;
  return { pkgId: pkg.id, versionId, baseId, rows, p17: find('Университеты вправе'), p19: find('Настоящий Закон вводится') };
}

/**
 * A package whose draft has paragraph 1 of article 17 reworded (and annotated with a
 * justification) and paragraph 1 of article 19 repealed: two amendments, one with a note.
 */
export function startEditedPackage(ctx: ServiceContext, title = 'Проект Закона о внесении изменений') {
  const started = startPackage(ctx, title);
  const { pkgId, versionId, p17, p19 } = started;
  saveDraft(ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }, { ...p19, text: 'Исключен.', repealed: true }], deletes: [] });
  ctx.store.amendments.annotate({ packageId: pkgId, uid: p17.uid, justification: 'Колледжи участвуют в консорциумах.', evidence: '', status: 'proposed', updatedAt: ctx.now() });
  return started;
}

/**
 * Registers the hooks of a service test file: a fresh database in a temporary folder for each
 * test, closed and removed after it. Returns a getter for the current test's folder and context.
 */
export function useTestContext(): () => { dir: string; ctx: ServiceContext } {
  let current: { dir: string; ctx: ServiceContext; cleanup: () => void } | undefined;
  beforeEach(() => {
    const { dir, cleanup } = tempDir();
    current = { dir, ctx: openTestContext(dir), cleanup };
  });
  afterEach(() => {
    if (current) current.ctx.store.close();
    current?.cleanup();
  });
  return () => current as { dir: string; ctx: ServiceContext };
}
