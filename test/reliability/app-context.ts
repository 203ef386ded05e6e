import { join, resolve } from 'node:path';
import { readCorpus } from '../../electron/io/corpus';
import { readTaxonomyFile } from '../../electron/io/taxonomy-file';
import { createDispatcher, type Dispatcher } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/ipc/handlers';
import { auditKeyFile } from '../../electron/paths';
import { installKey } from '../../electron/services/audit/install-key';
import { sealAudit } from '../../electron/services/audit/log';
import { createServiceContext, type ServiceContext } from '../../electron/services/context';
import { seedTaxonomy } from '../../electron/services/gaps';
import { seedCorpus } from '../../electron/services/seed';
import { APP_ORIGIN } from '../../electron/shell/app-url';
import { sameOriginCheck } from '../../electron/shell/origin';
import { openDatabase } from '../../electron/store/database';
import { createStore } from '../../electron/store/store';
import { WorkPool } from '../../electron/work/pool';

/** The bundled sample corpus and taxonomy, as the app seeds them on first start. */
export const CORPUS_DIR = resolve(import.meta.dirname, '../../resources/corpus');
const TAXONOMY = join(CORPUS_DIR, '../gaps/default-taxonomy.json');

/** Where the page of the app comes from, as the dispatcher checks it. */
export const FROM_APP = { url: `${APP_ORIGIN}/index.html` };

/**
 * The main process's side of the app over a database file, as main.ts builds it: the store, the
 * install key (a key file beside the database: no keychain under Node), the sealed log, the seeded
 * corpus, the handler table and the dispatcher that validates every payload. Dialogs answer
 * "cancelled", so no channel writes a file.
 */
export function openApp(databaseFile: string, options: { workers?: boolean } = {}): { ctx: ServiceContext; dispatch: Dispatcher; work: WorkPool | null; close(): void | Promise<void> } {
  const store = createStore(openDatabase(databaseFile));
  const key = installKey(join(databaseFile, '..'), auditKeyFile(databaseFile), null);
  const ctx: ServiceContext = { ...createServiceContext(store), signer: key.signer, log: () => undefined };
  sealAudit(ctx);
  seedCorpus(ctx, readCorpus(CORPUS_DIR));
  seedTaxonomy(ctx, readTaxonomyFile(TAXONOMY));
  const exports = { chooseSavePath: async () => null, chooseFolder: async () => null, printPdf: async () => Buffer.from('') };
  // With `workers`, the worker threads of the app (the saves made by the writer thread, as in the app); else all in this thread.
  const work = options.workers ? new WorkPool({ ctx, databaseFile, log: (m, e) => console.error(m, e ?? '') }) : null;
  const dispatch = createDispatcher(createHandlers(ctx, { appVersion: 'reliability', databasePath: databaseFile, exports }, work ?? undefined), { isTrustedSender: sameOriginCheck(APP_ORIGIN) });
  return {
    ctx,
    dispatch,
    work,
    // Without worker threads the database is closed at once (callers look at the file right after).
    close: () => {
      if (!work) return store.close();
      return work.close().then(() => store.close());
    },
  };
}
