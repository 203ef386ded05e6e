import { lawToRows, walkProvisions, type Lang, type LawDoc } from '../../shared/law';
import type { CorpusWork } from '../io/corpus';
import type { ServiceContext } from './context';

/**
 * Seeds the sample corpus into an empty database, all in one transaction. Does nothing when the
 * store already has works, so a user's data is never overwritten on a later start.
 * The language versions of a law share uids unit by unit (matched by eId), so the Russian and
 * Kazakh texts of one article are the same provision in two languages.
 * Returns how many works were added.
 */
export function seedCorpus(ctx: ServiceContext, corpus: readonly CorpusWork[]): number {
  const { store } = ctx;
  if (store.works.countWorks() > 0) return 0;
  const now = ctx.now();
  store.transaction(() => {
    for (const { meta, texts } of corpus) {
      const workId = ctx.newId();
      store.works.insertWork({ id: workId, slug: meta.slug, kind: meta.kind, date: meta.date, number: meta.number, illustrative: meta.illustrative, modeledOn: meta.modeledOn });
      const uidByEId = new Map<string, string>();
      for (const [lang, doc] of Object.entries(texts) as [Lang, LawDoc][]) {
        shareUids(doc, uidByEId);
        const expressionId = ctx.newId();
        store.works.insertExpression({ id: expressionId, workId, lang, title: meta.titles[lang] ?? meta.slug });
        const versionId = ctx.newId();
        store.versions.insert({ id: versionId, expressionId, status: 'in_force', inForceFrom: meta.date, packageId: null, baseVersionId: null, revision: 0, createdAt: now, updatedAt: now });
        store.provisions.apply(versionId, { upserts: lawToRows(doc), deletes: [] });
      }
    }
  });
  return corpus.length;
}

/** Gives units the uid of the unit with the same eId in a language seeded before. */
function shareUids(doc: LawDoc, uidByEId: Map<string, string>): void {
  walkProvisions(doc.body, (unit) => {
    const shared = uidByEId.get(unit.eId);
    if (shared) unit.uid = shared;
    else uidByEId.set(unit.eId, unit.uid);
  });
}
