import type { ServiceContext } from '../../electron/services/context';
import { lawToRows } from '../../shared/law';
import { syntheticCode } from './synthetic';

/** The slug of the synthetic code in the library. */
export const SYNTHETIC_SLUG = 'synthetic-code';

/**
 * Adds the benchmark's synthetic code (`articles` articles, Russian, in force) to a seeded
 * database as a law of its own, as the editor benchmark and the big-code e2e test open it.
 * Returns the id of its version in force.
 */
export function seedSyntheticCode(ctx: ServiceContext, articles = 1000): string {
  const code = syntheticCode(articles, 1);
  const { store } = ctx;
  const now = ctx.now();
  const versionId = ctx.newId();
  store.transaction(() => {
    const workId = ctx.newId();
    store.works.insertWork({ id: workId, slug: SYNTHETIC_SLUG, kind: 'code', date: '2025-01-01', number: '1-VIII', illustrative: true, modeledOn: 'the editor benchmark' });
    const expressionId = ctx.newId();
    store.works.insertExpression({ id: expressionId, workId, lang: 'ru', title: `Синтетический кодекс (${articles} статей)` });
    store.versions.insert({ id: versionId, expressionId, status: 'in_force', inForceFrom: '2025-01-01', packageId: null, baseVersionId: null, revision: 0, createdAt: now, updatedAt: now });
    store.provisions.apply(versionId, { upserts: lawToRows(code), deletes: [] });
  });
  return versionId;
}
