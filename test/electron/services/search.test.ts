import { beforeEach, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/services/context';
import { saveDraft } from '../../../electron/services/drafts';
import { importLaw } from '../../../electron/services/import';
import { searchIndexPending, searchIndexSteps, searchLibrary } from '../../../electron/services/search';
import { startPackage, useTestContext } from '../harness';
import { connectionOf } from '../../../electron/store/connection';

const current = useTestContext();
let ctx: ServiceContext;
beforeEach(() => ({ ctx } = current()));

const indexAll = () => {
  let steps = 0;
  for (const _ of searchIndexSteps(ctx, 5)) steps += 1;
  return steps;
};
const entries = (versionId: string) => (connectionOf(ctx.store).prepare('SELECT count(*) AS n FROM search_entry WHERE version_id = ?').get(versionId) as { n: number }).n;

/** A short Kazakh law in the portal's patterns (our own words). */
const KAZAKH = [
  'Сынақ мәтіні: ресми емес.',
  '',
  '1-тарау. ЖАЛПЫ ЕРЕЖЕЛЕР',
  '',
  '1-бап. Негізгі ұғымдар',
  '1. Университеттер ғылыми зерттеулер жүргізеді.',
  '2. Университеттің серіктестері гранттар алады.',
  '',
].join('\n');

describe('searching the library', () => {
  it('indexes the texts in steps, then finds a phrase in another word form, with its address', () => {
    const { versionId } = startPackage(ctx);
    expect(searchIndexPending(ctx)).toBe(true);
    expect(indexAll()).toBeGreaterThan(3);
    expect(searchIndexPending(ctx)).toBe(false);
    // A draft is its base: only what it changed is indexed of it.
    expect(entries(versionId)).toBe(0);
    const found = searchLibrary(ctx, 'средство исследование');
    expect(found.hits.map((h) => [h.status, h.label, h.text])).toEqual([['in_force', 'Статья 1, подпункт 9)', 'грант – средства на исследования;']]);
    const m = found.hits[0]!.matches[0]!;
    expect(found.hits[0]!.text.slice(m.start, m.end)).toBe('средства на исследования');
    // Words out of order, or too far apart, are not a match.
    expect(searchLibrary(ctx, 'исследование средство').hits).toEqual([]);
    expect(searchLibrary(ctx, 'ab').hits).toEqual([]);
  });

  it('finds every form of a word (a stem begins the word), in headings too', () => {
    startPackage(ctx);
    indexAll();
    const labels = searchLibrary(ctx, 'университет').hits.map((h) => `${h.label}:${h.matches.map((m) => m.field).join('+')}`);
    expect(labels).toEqual(['Статья 17:heading', 'Статья 17, пункт 1:text', 'Статья 17-1:text']);
  });

  it('keeps a draft\'s changes in the index as it is saved, and searches a draft in its base\'s units too', () => {
    const { versionId, p17 } = startPackage(ctx);
    indexAll();
    const first = saveDraft(ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
    expect(searchIndexPending(ctx)).toBe(false);
    expect(entries(versionId)).toBe(1);
    const library = searchLibrary(ctx, 'колледжами');
    expect(library.hits.map((h) => [h.status, h.packageTitle, h.label])).toEqual([['draft', 'Проект', 'Статья 17, пункт 1']]);
    // Within the draft: its own wording, and the base's for what it did not change.
    expect(searchLibrary(ctx, 'грантов', { versionIds: [versionId] }).hits.map((h) => [h.versionId, h.label])).toEqual([[versionId, 'Статья 1, подпункт 9)']]);
    expect(searchLibrary(ctx, 'университеты вправе', { versionIds: [versionId] }).hits.map((h) => h.text)).toEqual(['Университеты и колледжи вправе:']);
    // Back to the base's wording: the draft's entry goes.
    saveDraft(ctx, { versionId, revision: first.revision, upserts: [p17], deletes: [] });
    expect(entries(versionId)).toBe(0);
    expect(searchLibrary(ctx, 'колледж').hits).toEqual([]);
  });

  it('finds Kazakh words through their suffixes', () => {
    const { versionId } = importLaw(ctx, { name: 'kk.txt', bytes: new TextEncoder().encode(KAZAKH), lang: 'kk', target: { kind: 'new', title: 'Сынақ заңы' } });
    indexAll();
    // The stem is the Russian word's too: across the library both languages' texts are found.
    expect(searchLibrary(ctx, 'университеттерге').hits.map((h) => h.lang)).toEqual(expect.arrayContaining(['kk', 'ru']));
    const hits = searchLibrary(ctx, 'университеттерге', { versionIds: [versionId] });
    expect(hits.hits.map((h) => [h.lang, h.label])).toEqual([
      ['kk', '1-бап, 1-тармақ'],
      ['kk', '1-бап, 2-тармақ'],
    ]);
    expect(searchLibrary(ctx, 'ғылым зерттеу', { versionIds: [versionId] }).hits.map((h) => h.label)).toEqual(['1-бап, 1-тармақ']);
  });

  it('a version saved while it is indexed is indexed again at the next run', () => {
    const { versionId, p17 } = startPackage(ctx);
    const steps = searchIndexSteps(ctx, 5);
    // Part way: the draft (after the text in force) is being read.
    for (let k = 0; k < 2; k++) steps.next();
    saveDraft(ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и академии вправе:' }], deletes: [] });
    while (!steps.next().done);
    indexAll();
    expect(searchIndexPending(ctx)).toBe(false);
    expect(searchLibrary(ctx, 'академия').hits.map((h) => h.status)).toEqual(['draft']);
  });
});
