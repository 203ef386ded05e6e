import type { LibraryEntry } from '../../shared/ipc';
import type { ReadContext } from './context';

/** The library: every work with its language texts and the version in force of each. */
export function listLibrary({ store }: ReadContext): LibraryEntry[] {
  const inForce = new Map<string, { id: string; inForceFrom: string | null }>();
  // listInForce is newest first per expression: keep the first seen.
  for (const v of store.versions.listInForce()) if (!inForce.has(v.expressionId)) inForce.set(v.expressionId, v);
  const expressions = store.works.listExpressions();
  return store.works.listWorks().map((w) => ({
    workId: w.id,
    slug: w.slug,
    kind: w.kind,
    date: w.date,
    number: w.number,
    illustrative: w.illustrative,
    modeledOn: w.modeledOn,
    expressions: expressions
      .filter((e) => e.workId === w.id)
      .map((e) => ({
        expressionId: e.id,
        lang: e.lang,
        title: e.title,
        versionId: inForce.get(e.id)?.id ?? null,
        inForceFrom: inForce.get(e.id)?.inForceFrom ?? null,
      })),
  }));
}
