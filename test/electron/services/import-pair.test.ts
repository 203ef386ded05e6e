import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/services/context';
import { commitImport, PendingImports, previewImport, type ImportTarget } from '../../../electron/services/import';
import { commitPair, previewPair } from '../../../electron/services/import-pair';
import { listLibrary } from '../../../electron/services/library';
import { rowsToLaw, walkProvisions, type Lang } from '../../../shared/law';
import { useTestContext } from '../harness';
import { TEST_APP, testDispatcher } from '../ipc/test-dispatcher';
import { connectionOf } from '../../../electron/store/connection';

const current = useTestContext();
let ctx: ServiceContext;
let pending: PendingImports;
beforeEach(() => {
  ({ ctx } = current());
  pending = new PendingImports();
});

const CORPUS = join(import.meta.dirname, '../../../resources/corpus/endowment-funds');
const RU = readFileSync(join(CORPUS, 'ru.txt'), 'utf8');
const KK = readFileSync(join(CORPUS, 'kk.txt'), 'utf8');
const bytes = (text: string) => new TextEncoder().encode(text);
/** Reads a text as the dialog does: a pending import, its id. */
const read = (name: string, text: string, lang?: Lang) => previewImport(ctx, pending, { name, bytes: bytes(text), ...(lang ? { lang } : {}) });
const NEW: ImportTarget = { kind: 'new', title: 'О целевых капитальных фондах', lawKind: 'law', date: '2025-06-30', number: '199-VIII' };

/** How many rows each table of the library holds: what a refused save must leave as it was. */
function counts() {
  const n = (table: string) => (connectionOf(ctx.store).prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { work: n('work'), expression: n('expression'), version: n('version'), provision: n('provision') };
}

/** A saved version's units by kind and place (kind|eId) → uid. */
function uidsByPlace(versionId: string, lang: Lang): Map<string, string> {
  const out = new Map<string, string>();
  walkProvisions(rowsToLaw(ctx.store.provisions.load(versionId), lang).body, (u) => void out.set(`${u.kind}|${u.eId}`, u.uid));
  return out;
}

describe('previewing both texts of a law', () => {
  it('two parallel texts, one Russian and one Kazakh: no findings, nothing saved', () => {
    const before = counts();
    const ru = read('ru.txt', RU);
    const kk = read('kk.txt', KK);
    expect([ru.lang, kk.lang, ru.canSave, kk.canSave]).toEqual(['ru', 'kk', true, true]);
    expect(previewPair(ctx, pending, { importIds: [ru.importId, kk.importId] })).toEqual({ languages: ['ru', 'kk'], findings: [] });
    // Either order: the first is the one saved where the target says.
    expect(previewPair(ctx, pending, { importIds: [kk.importId, ru.importId] })).toEqual({ languages: ['kk', 'ru'], findings: [] });
    expect(counts()).toEqual(before);
  });

  it('a Kazakh text whose share differs in one paragraph: exactly one number finding, at that paragraph', () => {
    expect(KK).toContain('он бес пайызынан');
    const ru = read('ru.txt', RU);
    const kk = read('kk.txt', KK.replace('он бес пайызынан', 'жиырма пайызынан'));
    const { findings } = previewPair(ctx, pending, { importIds: [ru.importId, kk.importId] });
    expect(findings).toEqual([{ kind: 'number', code: 'facts', eId: 'chp_3__art_11__para_2', message: expect.stringContaining('pct:15'), ru: 'pct:15', kk: 'pct:20' }]);
    // Uids of texts not saved yet name nothing: the preview does not carry them.
    expect(findings[0]).not.toHaveProperty('units');
  });

  it('refuses two texts in the same language, and a text that is not Kazakh or Russian, saying which', () => {
    const a = read('a.txt', RU);
    const b = read('b.txt', RU);
    expect(() => previewPair(ctx, pending, { importIds: [a.importId, b.importId] })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', key: 'import.pairLanguages', params: { first: 'ru', second: 'ru' } }));
    const en = read('en.txt', readFileSync(join(CORPUS, 'en.txt'), 'utf8'));
    expect(en.lang).toBe('en');
    expect(() => previewPair(ctx, pending, { importIds: [a.importId, en.importId] })).toThrow(expect.objectContaining({ key: 'import.pairLanguages', params: { first: 'ru', second: 'en' } }));
  });

  it('refuses an import that is not pending', () => {
    const ru = read('ru.txt', RU);
    expect(() => previewPair(ctx, pending, { importIds: [ru.importId, 'nosuchimport1'] })).toThrow(expect.objectContaining({ code: 'NOT_FOUND', key: 'import.notPending' }));
  });
});

describe('saving both texts of a law', () => {
  it('as a new law: one work with two expressions in force from one date, the Kazakh units sharing the Russian units\' uids by place; nothing else changes', () => {
    const libraryBefore = listLibrary(ctx);
    const before = counts();
    const ru = read('ru.txt', RU);
    const kk = read('kk.txt', KK);
    const [first, second] = commitPair(ctx, pending, { importIds: [ru.importId, kk.importId], target: NEW });
    expect(first?.workId).toBe(second?.workId);
    expect([first?.rebased, second?.rebased]).toEqual([[], []]);

    const library = listLibrary(ctx);
    expect(library.filter((w) => w.workId !== first!.workId)).toEqual(libraryBefore);
    const entry = library.find((w) => w.workId === first!.workId)!;
    expect(entry).toMatchObject({ kind: 'law', date: '2025-06-30', number: '199-VIII' });
    expect(entry.expressions.map((e) => [e.lang, e.versionId, e.inForceFrom]).sort()).toEqual(
      [
        ['kk', second!.versionId, '2025-06-30'],
        ['ru', first!.versionId, '2025-06-30'],
      ].sort(),
    );
    expect(entry.expressions.find((e) => e.lang === 'ru')?.title).toBe('О целевых капитальных фондах');
    expect(ctx.store.versions.get(first!.versionId)?.status).toBe('in_force');
    expect(ctx.store.versions.get(second!.versionId)?.status).toBe('in_force');

    // Unit for unit, the Kazakh text takes the Russian text's uids where they stand in the same place.
    const ruUids = uidsByPlace(first!.versionId, 'ru');
    const kkUids = uidsByPlace(second!.versionId, 'kk');
    expect(kkUids.size).toBe(ruUids.size);
    for (const place of ['part|part_1', 'chapter|chp_1', 'article|chp_1__art_1', 'subparagraph|chp_1__art_1__subpara_3-1', 'paragraph|chp_2__art_4__para_2-1', 'paragraph|chp_3__art_11__para_2', 'part|chp_4__art_16__part_2']) {
      expect(ruUids.get(place), place).toBeDefined();
      expect(kkUids.get(place), place).toBe(ruUids.get(place));
    }
    expect([...kkUids].every(([place, uid]) => ruUids.get(place) === uid)).toBe(true);
    // Two laws' worth of rows, and nothing more; the pending imports are gone.
    expect(counts()).toEqual({ work: before.work + 1, expression: before.expression + 2, version: before.version + 2, provision: before.provision + ruUids.size + kkUids.size });
    expect(() => previewPair(ctx, pending, { importIds: [ru.importId, kk.importId] })).toThrow(/no longer pending/);
  });

  it('as a new version of a law in the library: the Russian text continues its own lineage, the Kazakh one becomes the work\'s new expression, both in force from the date given', () => {
    const saved = commitImport(ctx, pending, { importId: read('ru.txt', RU).importId, target: NEW });
    const oldUids = uidsByPlace(saved.versionId, 'ru');
    const ru = read('ru2.txt', RU.replace('не более семи процентов', 'не более восьми процентов'));
    const kk = read('kk.txt', KK.replace('жеті пайызынан', 'сегіз пайызынан'));
    expect(previewPair(ctx, pending, { importIds: [ru.importId, kk.importId] }).findings).toEqual([]);
    const [first, second] = commitPair(ctx, pending, { importIds: [ru.importId, kk.importId], target: { kind: 'version', workId: saved.workId, inForceFrom: '2026-07-01' } });
    expect([first?.workId, second?.workId]).toEqual([saved.workId, saved.workId]);
    expect(first?.expressionId).toBe(saved.expressionId);
    const entry = listLibrary(ctx).find((w) => w.workId === saved.workId)!;
    expect(entry.expressions.map((e) => [e.lang, e.versionId, e.inForceFrom]).sort()).toEqual(
      [
        ['kk', second!.versionId, '2026-07-01'],
        ['ru', first!.versionId, '2026-07-01'],
      ].sort(),
    );
    const ruUids = uidsByPlace(first!.versionId, 'ru');
    const kkUids = uidsByPlace(second!.versionId, 'kk');
    expect([...ruUids].every(([place, uid]) => oldUids.get(place) === uid)).toBe(true);
    expect([...kkUids].every(([place, uid]) => ruUids.get(place) === uid)).toBe(true);
  });

  it('refuses two texts in the same language before writing anything', () => {
    const before = counts();
    const a = read('a.txt', RU);
    const b = read('b.txt', RU);
    expect(() => commitPair(ctx, pending, { importIds: [a.importId, b.importId], target: NEW })).toThrow(expect.objectContaining({ key: 'import.pairLanguages' }));
    expect(counts()).toEqual(before);
    // Both stay pending: either can still be saved alone.
    expect(commitImport(ctx, pending, { importId: a.importId, target: NEW }).workId).toBeTruthy();
  });

  it('refuses a pair whose second text has a read error, and writes nothing', () => {
    const before = counts();
    const ru = read('ru.txt', RU);
    const kk = read('kk.txt', KK.replace('3. Табыстың пайдаланылмаған бөлігі', '1. Табыстың пайдаланылмаған бөлігі'));
    expect(kk.canSave).toBe(false);
    expect(() => commitPair(ctx, pending, { importIds: [ru.importId, kk.importId], target: NEW })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', key: 'import.hasErrors' }));
    expect(counts()).toEqual(before);
  });

  it('refuses a new law with no date to save both texts from, before writing anything', () => {
    const before = counts();
    const ru = read('ru.txt', RU);
    const kk = read('kk.txt', KK);
    expect(ru.act).toBeNull();
    expect(() => commitPair(ctx, pending, { importIds: [ru.importId, kk.importId], target: { kind: 'new', title: 'x', lawKind: 'law', date: null, number: null } })).toThrow(expect.objectContaining({ key: 'import.pairNeedsDate' }));
    expect(() => commitPair(ctx, pending, { importIds: [ru.importId, kk.importId], target: { kind: 'new' } })).toThrow(expect.objectContaining({ key: 'import.pairNeedsDate' }));
    expect(counts()).toEqual(before);
    // With the act line, its date is the date of both.
    const act = 'Закон Республики Казахстан от 30 июня 2025 года № 199-VIII ЗРК.\n';
    const dated = read('ru.txt', `О целевых капитальных фондах\n${act}${RU}`);
    const [first, second] = commitPair(ctx, pending, { importIds: [dated.importId, kk.importId], target: { kind: 'new' } });
    expect([ctx.store.versions.get(first!.versionId)?.inForceFrom, ctx.store.versions.get(second!.versionId)?.inForceFrom]).toEqual(['2025-06-30', '2025-06-30']);
  });

  it('a failure saving the second text rolls the first back: one transaction', () => {
    const before = counts();
    const ru = read('ru.txt', RU);
    const kk = read('kk.txt', KK);
    // Not a calendar date: the new law would take it, the second text's version refuses it.
    expect(() => commitPair(ctx, pending, { importIds: [ru.importId, kk.importId], target: { ...NEW, date: '2025-02-30' } as ImportTarget })).toThrow(expect.objectContaining({ key: 'import.needsDate' }));
    expect(counts()).toEqual(before);
    // The imports stay pending, as they were read, and save once fixed.
    expect(commitPair(ctx, pending, { importIds: [ru.importId, kk.importId], target: NEW })).toHaveLength(2);
  });
});

describe('through the channels, as the renderer calls them (inputs and outputs validated)', () => {
  const fromApp = { url: `${TEST_APP}index.html` };
  const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

  it('previews and saves a pair as a new version of a law in the library, the first text\'s rebase planned beforehand', async () => {
    const saved = commitImport(ctx, pending, { importId: read('ru.txt', RU).importId, target: NEW });
    const dispatch = testDispatcher(ctx);
    const call = async (channel: string, payload: unknown) => {
      const reply = (await dispatch(`zan:${channel}`, payload, fromApp)) as { ok: boolean; value?: unknown; error?: unknown };
      expect(reply.error, channel).toBeUndefined();
      return reply.value as never;
    };
    const ru: { importId: string } = await call('previewImport', { name: 'ru.txt', base64: base64(RU) });
    const kk: { importId: string } = await call('previewImport', { name: 'kk.txt', base64: base64(KK) });
    expect(await call('previewImportPair', { importIds: [ru.importId, kk.importId] })).toEqual({ languages: ['ru', 'kk'], findings: [] });
    const results: { workId: string; versionId: string }[] = await call('commitImportPair', { importIds: [ru.importId, kk.importId], target: { kind: 'version', workId: saved.workId, inForceFrom: '2026-07-01' } });
    expect(results.map((r) => r.workId)).toEqual([saved.workId, saved.workId]);
    expect(listLibrary(ctx).find((w) => w.workId === saved.workId)!.expressions.map((e) => e.lang).sort()).toEqual(['kk', 'ru']);
  });

  it.each([
    ['one import', { importIds: ['abcdefgh1'] }],
    ['three imports', { importIds: ['abcdefgh1', 'abcdefgh2', 'abcdefgh3'] }],
    ['an id that is not one', { importIds: ['abcdefgh1', '../x'] }],
    ['an unknown field', { importIds: ['abcdefgh1', 'abcdefgh2'], also: 1 }],
  ])('refuses %s', async (_what, payload) => {
    const dispatch = testDispatcher(ctx);
    expect(await dispatch('zan:previewImportPair', payload, fromApp)).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(await dispatch('zan:commitImportPair', { ...payload, target: NEW }, fromApp)).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  });
});
