// `npm run bench`'s search part: the search index over the library with the 2.3 MB synthetic code
// seeded (a database file, as the app has it): building the index, queries of one to three words
// in other word forms than the text's, and a save of a draft keeping the index current. Every
// query is checked: it finds what the text holds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServiceContext } from '../../electron/services/context';
import { saveDraft } from '../../electron/services/drafts';
import { createPackage } from '../../electron/services/packages';
import { searchIndexPending, searchIndexSteps, searchLibrary } from '../../electron/services/search';
import { seedCorpus } from '../../electron/services/seed';
import { prepareDraftSave } from '../../electron/services/versions';
import { readCorpus } from '../../electron/io/corpus';
import { openDatabase } from '../../electron/store/database';
import { createStore } from '../../electron/store/store';
import { connectionOf } from '../../electron/store/connection';
import { seedSyntheticCode } from './seed-code';

/** What the search part measured. */
export interface SearchFigures {
  indexBuildMs: number;
  /** The longest single step of the build (the main process runs it between other calls). */
  indexLongestStepMs: number;
  queries: number;
  queryP50Ms: number;
  queryP95Ms: number;
  /** A save of one paragraph of a draft of the code, with the index kept current in it. */
  saveWithIndexMs: number;
}

const percentile = (xs: readonly number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number;
};

/** Builds the index over the sample corpus and the code, then times queries and a save. */
export function measureSearch(check: (ok: unknown, what: string) => void): SearchFigures {
  const dir = mkdtempSync(join(tmpdir(), 'zan-bench-search-'));
  const ctx = createServiceContext(createStore(openDatabase(join(dir, 'zan.sqlite'))));
  try {
    seedCorpus(ctx, readCorpus(resolve(import.meta.dirname, '../../resources/corpus')));
    const code = seedSyntheticCode(ctx);
    const pkg = createPackage(ctx, { title: 'Бенчмарк поиска', baseVersionIds: [code] });
    const draftId = pkg.drafts[0]!.versionId;
    let longest = 0;
    const started = performance.now();
    const steps = searchIndexSteps(ctx);
    for (;;) {
      const t = performance.now();
      const done = steps.next().done;
      longest = Math.max(longest, performance.now() - t);
      if (done) break;
    }
    const indexBuildMs = performance.now() - started;
    check(!searchIndexPending(ctx), 'the index is current after its build');
    // Words of the code in other forms than it has them: a stem each, one to three words.
    const rows = ctx.store.provisions.load(code).filter((r) => r.kind === 'paragraph' && r.text.length > 40);
    const queries: { query: string; uid: string }[] = [];
    for (let i = 0; i < 60; i++) {
      const row = rows[Math.floor((i * rows.length) / 60)]!;
      const words = row.text.split(/\s+/).filter((w) => /^[а-яё]{6,}$/i.test(w));
      const n = 1 + (i % 3);
      if (words.length < n) continue;
      const at = i % Math.max(1, words.length - n);
      // Each word with its last two letters off: the query is not the text's form.
      queries.push({ query: words.slice(at, at + n).map((w) => w.slice(0, -2)).join(' '), uid: row.uid });
    }
    for (const q of queries.slice(0, 5)) searchLibrary(ctx, q.query);
    const times: number[] = [];
    for (const q of queries) {
      const t = performance.now();
      const found = searchLibrary(ctx, q.query, { limit: 100 });
      times.push(performance.now() - t);
      check(found.total > 0, `the query "${q.query}" finds something`);
    }
    // As the app does after opening a draft: its first save prepared, so the save is the quick one.
    prepareDraftSave(ctx, draftId);
    const paragraph = ctx.store.provisions.load(draftId).find((r) => r.kind === 'paragraph')!;
    const t = performance.now();
    saveDraft(ctx, { versionId: draftId, revision: 0, upserts: [{ ...paragraph, text: `${paragraph.text} уникальнейшее` }], deletes: [] });
    const saveWithIndexMs = performance.now() - t;
    check(searchLibrary(ctx, 'уникальнейшими').hits.some((h) => h.versionId === draftId), 'the saved word is found in the draft at once');
    return { indexBuildMs, indexLongestStepMs: longest, queries: times.length, queryP50Ms: percentile(times, 50), queryP95Ms: percentile(times, 95), saveWithIndexMs };
  } finally {
    connectionOf(ctx.store).close();
    rmSync(dir, { recursive: true, force: true });
  }
}
