import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ImportError } from '../../../electron/io/import';
import { listConflicts, resolveConflict } from '../../../electron/services/conflicts';
import type { ServiceContext } from '../../../electron/services/context';
import { saveDraft } from '../../../electron/services/drafts';
import { deriveDraft, lawInForce } from '../../../electron/services/amendments';
import { commitImport, commitImportStaged, importLaw, PendingImports, previewImport } from '../../../electron/services/import';
import { planRebase } from '../../../electron/services/import-rebase';
import { listLibrary } from '../../../electron/services/library';
import { openVersion } from '../../../electron/services/versions';
import { lawFromJSON, lawToRows, printLaw, rowsToLaw } from '../../../shared/law';
import { startPackage, TEST_CORPUS, useTestContext } from '../harness';
import { connectionOf } from '../../../electron/store/connection';

const current = useTestContext();
let dir: string;
let ctx: ServiceContext;
beforeEach(() => ({ dir, ctx } = current()));

const golden = join(import.meta.dirname, '../../fixtures/import/golden');
const bad = join(import.meta.dirname, '../../fixtures/import/bad');
const LAW = readFileSync(join(TEST_CORPUS, 'test-law/ru.txt'), 'utf8');
const bytes = (text: string) => new TextEncoder().encode(text);
const testLawId = () => listLibrary(ctx).find((w) => w.slug === 'test-law')!.workId;
const draftText = (versionId: string) => printLaw(lawFromJSON(openVersion(ctx, versionId).law));

describe('importing a law', () => {
  it('previews without saving anything, then saves a new law where the user said', () => {
    const pending = new PendingImports();
    const preview = previewImport(ctx, pending, { name: 'law.ru.html', bytes: readFileSync(join(golden, 'law.ru.html')) });
    expect(preview).toMatchObject({ format: 'html', lang: 'ru', title: 'О научно-технической политике', act: { date: '2024-07-01', number: '103-VIII' }, canSave: true, findings: [] });
    expect(preview.counts).toMatchObject({ chapter: 2, article: 5, paragraph: 4, subparagraph: 4 });
    expect(listLibrary(ctx)).toHaveLength(1);
    const saved = commitImport(ctx, pending, { importId: preview.importId, target: { kind: 'new', title: preview.title!, lawKind: 'law', date: '2024-07-01', number: '103-VIII' } });
    const entry = listLibrary(ctx).find((w) => w.workId === saved.workId)!;
    expect(entry).toMatchObject({ kind: 'law', number: '103-VIII', expressions: [{ lang: 'ru', title: 'О научно-технической политике', versionId: saved.versionId, inForceFrom: '2024-07-01' }] });
    expect(openVersion(ctx, saved.versionId).law.body).toHaveLength(2);
    expect(() => commitImport(ctx, pending, { importId: preview.importId, target: { kind: 'new', title: 'x', lawKind: 'law', date: null, number: null } })).toThrow(/no longer pending/);
  });

  it('offers the library law with the same number as the one this is a new version of', () => {
    const text = `Тестовый закон\nЗакон Республики Казахстан от 1 июля 2024 года № 1-VIII.\n${LAW}`;
    const preview = previewImport(ctx, new PendingImports(), { name: 'new.txt', bytes: bytes(text) });
    expect(preview.candidates).toEqual([expect.objectContaining({ workId: testLawId(), slug: 'test-law', hasLang: true })]);
  });

  it('refuses a page in which no article is found, saying so, and saves nothing', () => {
    const pending = new PendingImports();
    const page = bytes('О порядке рассмотрения обращений\nГлава 1. Общие положения\nНастоящий документ определяет порядок.\n1. Первое.\n');
    expect(() => previewImport(ctx, pending, { name: 'page.txt', bytes: page })).toThrow(ImportError);
    expect(() => previewImport(ctx, pending, { name: 'page.txt', bytes: page })).toThrow(/page\.txt: no article was found/);
    expect(listLibrary(ctx)).toHaveLength(1);
  });

  it('refuses to save a tree with errors', () => {
    const pending = new PendingImports();
    const preview = previewImport(ctx, pending, { name: 'broken.txt', bytes: bytes('Статья 1. Термины\n2. Второй.\n1. Первый.\n') });
    expect(preview.canSave).toBe(false);
    expect(preview.findings[0]).toMatchObject({ severity: 'error', code: 'NUMBER_ORDER' });
    expect(() => commitImport(ctx, pending, { importId: preview.importId, target: { kind: 'new', title: 'x', lawKind: 'law', date: null, number: null } })).toThrow(/error\(s\) to fix first/);
  });
});

describe('a new version of a law while a package is open: the draft is rebased', () => {
  it('merges cleanly: the law\'s change comes in, the draft\'s stays, the draft now amends the new text', () => {
    const { pkgId, versionId, p17 } = startPackage(ctx);
    saveDraft(ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
    const newText = LAW.replace('9) грант – средства на исследования;', '9) грант – средства на научные исследования;');
    const result = importLaw(ctx, { name: 'v2.txt', bytes: bytes(newText), target: { kind: 'version', workId: testLawId(), inForceFrom: '2026-01-01' } });
    expect(result.rebased).toEqual([{ packageId: pkgId, packageTitle: 'Проект', versionId, carried: 1, conflicts: 0 }]);
    const text = draftText(versionId);
    expect(text).toContain('1. Университеты и колледжи вправе:');
    expect(text).toContain('9) грант – средства на научные исследования;');
    expect(ctx.store.versions.get(versionId)?.baseVersionId).toBe(result.versionId);
    // The library shows the new text as the one in force; the amendments are against it.
    expect(listLibrary(ctx).find((w) => w.slug === 'test-law')!.expressions[0]!.versionId).toBe(result.versionId);
    expect(ctx.store.amendments.listForVersion(versionId).map((a) => a.uid)).toEqual([p17.uid]);
  });

  it('lists a conflict when both changed the same provision; the drafter keeps their wording or the law\'s', () => {
    const { versionId, p17, p19 } = startPackage(ctx);
    const first = saveDraft(ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }, { ...p19, text: 'Настоящий Закон вводится в действие с 1 января 2027 года.' }], deletes: [] });
    const newText = LAW.replace('1. Университеты вправе:', '1. Университеты и научные организации вправе:').replace('1. Настоящий Закон вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.', '1. Исключен Законом РК от 30.12.2025 № 245-VIII.');
    const result = importLaw(ctx, { name: 'v2.txt', bytes: bytes(newText), target: { kind: 'version', workId: testLawId(), inForceFrom: '2026-01-01' } });
    expect(result.rebased[0]).toMatchObject({ carried: 0, conflicts: 2 });
    const conflicts = listConflicts(ctx, versionId);
    expect(conflicts.map((c) => [c.label, c.reason])).toEqual([
      ['Статья 17, пункт 1', 'both-changed'],
      ['Статья 19, пункт 1', 'repealed-in-new-base'],
    ]);
    // Until decided, the draft follows the new law.
    expect(draftText(versionId)).toContain('1. Университеты и научные организации вправе:');
    const revision = ctx.store.versions.get(versionId)!.revision;
    expect(revision).toBeGreaterThan(first.revision);
    const mine = resolveConflict(ctx, { conflictId: conflicts[0]!.id, keep: 'mine', revision });
    expect(draftText(versionId)).toContain('1. Университеты и колледжи вправе:');
    resolveConflict(ctx, { conflictId: conflicts[1]!.id, keep: 'theirs', revision: mine.revision });
    expect(draftText(versionId)).toContain('1. Исключен Законом РК от 30.12.2025 № 245-VIII.');
    expect(listConflicts(ctx, versionId)).toEqual([]);
  });
});

describe('a new version saved from a plan made beforehand (on the worker thread in the app)', () => {
  const NEW_TEXT = () => LAW.replace('9) грант – средства на исследования;', '9) грант – средства на научные исследования;');
  const target = () => ({ kind: 'version' as const, workId: testLawId(), inForceFrom: '2026-01-01' });
  /** Previews the new text and plans its save, as the app does before committing. */
  function previewAndPlan(pending: PendingImports) {
    const preview = previewImport(ctx, pending, { name: 'v2.txt', bytes: bytes(NEW_TEXT()) });
    const read = pending.take(preview.importId).read;
    const before = JSON.stringify(read.law);
    const plan = planRebase(ctx, testLawId(), read.law, '2026-01-01');
    // Planning reads only: the text read is left as it was, the store too.
    expect(JSON.stringify(read.law)).toBe(before);
    return { preview, plan };
  }

  it('saves what a save without a plan saves', () => {
    const { versionId, p17 } = startPackage(ctx);
    saveDraft(ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
    const pending = new PendingImports();
    const { preview, plan } = previewAndPlan(pending);
    expect(plan.drafts.map((d) => d.draftId)).toEqual([versionId]);
    const result = commitImport(ctx, pending, { importId: preview.importId, target: target() }, plan);
    expect(result.rebased).toMatchObject([{ versionId, carried: 1, conflicts: 0 }]);
    const text = draftText(versionId);
    expect(text).toContain('1. Университеты и колледжи вправе:');
    expect(text).toContain('9) грант – средства на научные исследования;');
    // The new text continues the old one's lineage: the draft's amendment keeps its unit.
    expect(ctx.store.amendments.listForVersion(versionId).map((a) => a.uid)).toEqual([p17.uid]);
  });

  it('uses the plan when the draft is as the plan saw it (the rebase is not worked out again)', () => {
    const { versionId, p17 } = startPackage(ctx);
    saveDraft(ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
    const pending = new PendingImports();
    const { preview, plan } = previewAndPlan(pending);
    // A mark only the plan has: it shows in the outcome only if the plan is what was saved.
    const outcome = plan.drafts[0]!.outcome as { carried: number };
    outcome.carried = 7;
    expect(commitImport(ctx, pending, { importId: preview.importId, target: target() }, plan).rebased).toMatchObject([{ versionId, carried: 7 }]);
  });

  it('a draft saved after the plan was made is rebased as it is now, not as the plan saw it', () => {
    const { versionId, p17, p19 } = startPackage(ctx);
    saveDraft(ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
    const pending = new PendingImports();
    const { preview, plan } = previewAndPlan(pending);
    saveDraft(ctx, { versionId, revision: 1, upserts: [{ ...p19, text: 'Настоящий Закон вводится в действие с 1 января 2027 года.' }], deletes: [] });
    const result = commitImport(ctx, pending, { importId: preview.importId, target: target() }, plan);
    expect(result.rebased).toMatchObject([{ versionId, carried: 2, conflicts: 0 }]);
    const text = draftText(versionId);
    expect(text).toContain('1. Университеты и колледжи вправе:');
    expect(text).toContain('1. Настоящий Закон вводится в действие с 1 января 2027 года.');
    expect(text).toContain('9) грант – средства на научные исследования;');
  });
});

describe('a new version saved as the app saves it: staged between other calls, written in one transaction', () => {
  const NEW_TEXT = () => LAW.replace('9) грант – средства на исследования;', '9) грант – средства на научные исследования;');
  const target = () => ({ kind: 'version' as const, workId: testLawId(), inForceFrom: '2026-01-01' });
  const byUid = (rows: { uid: string }[]) => [...rows].sort((a, b) => a.uid.localeCompare(b.uid));
  const counts = () => ({
    versions: (connectionOf(ctx.store).prepare('SELECT count(*) AS n FROM version').get() as { n: number }).n,
    provisions: (connectionOf(ctx.store).prepare('SELECT count(*) AS n FROM provision').get() as { n: number }).n,
    amendments: (connectionOf(ctx.store).prepare('SELECT count(*) AS n FROM amendment').get() as { n: number }).n,
  });
  function prepare() {
    const started = startPackage(ctx);
    saveDraft(ctx, { versionId: started.versionId, revision: 0, upserts: [{ ...started.p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
    const pending = new PendingImports();
    const preview = previewImport(ctx, pending, { name: 'v2.txt', bytes: bytes(NEW_TEXT()) });
    const plan = planRebase(ctx, testLawId(), pending.take(preview.importId).read.law, '2026-01-01');
    return { ...started, pending, preview, plan };
  }

  it('writes the planned rows and the amendments a fresh derivation gives, pausing between chunks with nothing written yet', async () => {
    const { versionId, p17, pending, preview, plan } = prepare();
    const before = counts();
    const signedBefore = ctx.store.amendments.revisions(versionId);
    let pauses = 0;
    const result = await commitImportStaged(ctx, pending, { importId: preview.importId, target: target() }, plan, {
      chunkRows: 10,
      pause: async () => {
        pauses += 1;
        // Other calls run here: they see the store as it was.
        expect(counts()).toEqual(before);
      },
    });
    expect(pauses).toBe(Math.ceil(plan.rows.length / 10));
    expect(byUid(ctx.store.provisions.load(result.versionId))).toEqual(byUid(plan.rows));
    expect(result.rebased).toMatchObject([{ versionId, carried: 1, conflicts: 0 }]);
    expect(draftText(versionId)).toContain('1. Университеты и колледжи вправе:');
    expect(draftText(versionId)).toContain('9) грант – средства на научные исследования;');
    const stored = ctx.store.amendments.listForVersion(versionId);
    const fresh = deriveDraft(ctx, versionId, lawInForce(ctx, result.versionId, 'ru'), rowsToLaw(ctx.store.provisions.load(versionId), 'ru')).list();
    expect(stored).toEqual(fresh);
    expect(stored.map((a) => a.uid)).toEqual([p17.uid]);
    // The drafter's amendment did not change in the rebase: it keeps who made it, and when.
    expect(ctx.store.amendments.revisions(versionId)).toEqual(signedBefore);
    // The staged rows are gone with the save.
    expect(connectionOf(ctx.store).prepare("SELECT count(*) AS n FROM temp.sqlite_master WHERE name LIKE 'staged_provision_%'").get()).toEqual({ n: 0 });
  });

  it('a planned rebase with conflicts: the draft follows the new law, its amendments and their signatures go', async () => {
    const { versionId, p17, p19 } = startPackage(ctx);
    saveDraft(ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }, { ...p19, text: 'Настоящий Закон вводится в действие с 1 января 2027 года.' }], deletes: [] });
    expect([...ctx.store.amendments.revisions(versionId).keys()].sort()).toEqual([p17.uid, p19.uid].sort());
    const newText = LAW.replace('1. Университеты вправе:', '1. Университеты и научные организации вправе:').replace('1. Настоящий Закон вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.', '1. Исключен Законом РК от 30.12.2025 № 245-VIII.');
    const pending = new PendingImports();
    const preview = previewImport(ctx, pending, { name: 'v2.txt', bytes: bytes(newText) });
    const plan = planRebase(ctx, testLawId(), pending.take(preview.importId).read.law, '2026-01-01');
    const result = await commitImportStaged(ctx, pending, { importId: preview.importId, target: target() }, plan, { chunkRows: 40, pause: async () => {} });
    expect(result.rebased[0]).toMatchObject({ carried: 0, conflicts: 2 });
    expect(listConflicts(ctx, versionId)).toHaveLength(2);
    const fresh = deriveDraft(ctx, versionId, lawInForce(ctx, result.versionId, 'ru'), rowsToLaw(ctx.store.provisions.load(versionId), 'ru')).list();
    expect(ctx.store.amendments.listForVersion(versionId)).toEqual(fresh);
    expect([...ctx.store.amendments.revisions(versionId).keys()].sort()).toEqual(fresh.map((a) => a.uid).sort());
  });

  it('a draft saved while the rows are staged is rebased as it is now', async () => {
    const { versionId, p19, pending, preview, plan } = prepare();
    let saved = false;
    const result = await commitImportStaged(ctx, pending, { importId: preview.importId, target: target() }, plan, {
      chunkRows: 50,
      pause: async () => {
        if (saved) return;
        saved = true;
        saveDraft(ctx, { versionId, revision: 1, upserts: [{ ...p19, text: 'Настоящий Закон вводится в действие с 1 января 2027 года.' }], deletes: [] });
      },
    });
    expect(result.rebased).toMatchObject([{ versionId, carried: 2, conflicts: 0 }]);
    expect(draftText(versionId)).toContain('1. Настоящий Закон вводится в действие с 1 января 2027 года.');
    expect(draftText(versionId)).toContain('9) грант – средства на научные исследования;');
  });

  it('a new version saved by another call meanwhile: the lineage is worked out again, not the staged rows written', async () => {
    const { rows, pending, preview, plan } = prepare();
    const grant = (list: { uid: string; text: string }[]) => list.find((r) => r.text.startsWith('грант'));
    // The plan continues the first text: its "9) грант" keeps that text's uid.
    expect(grant(plan.rows)?.uid).toBe(grant(rows)?.uid);
    let other = '';
    const result = await commitImportStaged(ctx, pending, { importId: preview.importId, target: target() }, plan, {
      chunkRows: 50,
      pause: async () => {
        if (other) return;
        // Saved meanwhile: a text in which item 9 is gone (an item 8 of other wording stands there).
        other = importLaw(ctx, { name: 'v1b.txt', bytes: bytes(LAW.replace('9) грант – средства на исследования;', '8) субсидия – поддержка;')), target: { kind: 'version', workId: testLawId(), inForceFrom: '2025-06-01' } }).versionId;
      },
    });
    expect(result.versionId).not.toBe(other);
    // Continuing the text saved meanwhile, which has no item 9, the new item 9 is a unit of its own.
    const saved = grant(ctx.store.provisions.load(result.versionId));
    expect(saved?.text).toBe('грант – средства на научные исследования;');
    expect(saved?.uid).not.toBe(grant(rows)?.uid);
  });

  it('a failure while staging leaves the store as it was, and the import can be saved again', async () => {
    const { pending, preview, plan } = prepare();
    const before = counts();
    const failing = commitImportStaged(ctx, pending, { importId: preview.importId, target: target() }, plan, {
      chunkRows: 10,
      pause: async () => {
        throw new Error('disk full');
      },
    });
    await expect(failing).rejects.toThrow('disk full');
    expect(counts()).toEqual(before);
    const again = await commitImportStaged(ctx, pending, { importId: preview.importId, target: target() }, plan, { pause: async () => {} });
    expect(ctx.store.provisions.load(again.versionId)).toHaveLength(plan.rows.length);
  });

  it('a second save of the same import while the first is staging is refused, and the first saves once', async () => {
    const { pending, preview, plan } = prepare();
    const inForce = () => (connectionOf(ctx.store).prepare('SELECT count(*) AS n FROM version WHERE status = ?').get('in_force') as { n: number }).n;
    const before = inForce();
    let second: Promise<unknown> | null = null;
    const first = commitImportStaged(ctx, pending, { importId: preview.importId, target: target() }, plan, {
      chunkRows: 10,
      pause: async () => {
        second ??= commitImportStaged(ctx, pending, { importId: preview.importId, target: target() }, plan, { pause: async () => {} });
      },
    });
    const saved = await first;
    await expect(second).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(listLibrary(ctx).find((w) => w.slug === 'test-law')!.expressions[0]!.versionId).toBe(saved.versionId);
    expect(inForce()).toBe(before + 1);
  });

  it('a new law is staged too: its rows are the rows of the text read', async () => {
    const pending = new PendingImports();
    const preview = previewImport(ctx, pending, { name: 'other.txt', bytes: bytes(LAW) });
    const read = pending.take(preview.importId).read;
    const result = await commitImportStaged(ctx, pending, { importId: preview.importId, target: { kind: 'new', title: 'Другой закон' } }, undefined, { chunkRows: 25, pause: async () => {} });
    expect(byUid(ctx.store.provisions.load(result.versionId))).toEqual(byUid(lawToRows(read.law)));
  });
});

describe('resolving a conflict with the draft\'s wording', () => {
  it('brings back the content under a unit the new law repealed', () => {
    const { versionId, p17 } = startPackage(ctx);
    saveDraft(ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
    const newText = LAW.replace('1. Университеты вправе:\n1) создавать лаборатории;\n2) заключать договоры.\nДоговоры регистрируются в порядке, установленном уполномоченным органом.\n', '1. Исключен Законом РК от 30.12.2025 № 245-VIII.\n');
    expect(newText).not.toBe(LAW);
    importLaw(ctx, { name: 'v2.txt', bytes: bytes(newText), target: { kind: 'version', workId: testLawId(), inForceFrom: '2026-01-01' } });
    const [conflict] = listConflicts(ctx, versionId);
    expect(conflict).toMatchObject({ label: 'Статья 17, пункт 1', reason: 'repealed-in-new-base' });
    expect(draftText(versionId)).not.toContain('1) создавать лаборатории;');
    resolveConflict(ctx, { conflictId: conflict!.id, keep: 'mine', revision: ctx.store.versions.get(versionId)!.revision });
    const text = draftText(versionId);
    expect(text).toContain('1. Университеты и колледжи вправе:\n1) создавать лаборатории;\n2) заключать договоры.');
  });

  it('a stale revision is refused, nothing changes', () => {
    const { versionId, p17 } = startPackage(ctx);
    saveDraft(ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
    importLaw(ctx, { name: 'v2.txt', bytes: bytes(LAW.replace('1. Университеты вправе:', '1. Университеты и научные организации вправе:')), target: { kind: 'version', workId: testLawId(), inForceFrom: '2026-01-01' } });
    const [conflict] = listConflicts(ctx, versionId);
    expect(() => resolveConflict(ctx, { conflictId: conflict!.id, keep: 'mine', revision: 0 })).toThrow(/saved elsewhere/);
    expect(listConflicts(ctx, versionId)).toHaveLength(1);
    expect(draftText(versionId)).toContain('1. Университеты и научные организации вправе:');
  });
});

describe('a refused file changes nothing in the database', () => {
  const fingerprint = (file: string) => [file, `${file}-wal`].map((f) => (existsSync(f) ? createHash('sha256').update(readFileSync(f)).digest('hex') : '-')).join('/');

  it('every bad file: an ImportError, and the database file byte-for-byte as before', () => {
    const manifest = JSON.parse(readFileSync(join(bad, 'manifest.json'), 'utf8')) as { file: string }[];
    const db = join(dir, 'zan.sqlite');
    connectionOf(ctx.store).pragma('wal_checkpoint(TRUNCATE)');
    const before = fingerprint(db);
    for (const { file } of manifest) {
      expect(() => importLaw(ctx, { name: file, bytes: readFileSync(join(bad, file)), target: { kind: 'version', workId: testLawId(), inForceFrom: '2026-01-01' } }), file).toThrow(ImportError);
    }
    // A file that reads but holds errors, and a save to a law that is not there, are refused too.
    expect(() => importLaw(ctx, { name: 'broken.txt', bytes: bytes('Статья 1. Термины\n2. Второй.\n1. Первый.\n'), target: { kind: 'new', title: 'x', lawKind: 'law', date: null, number: null } })).toThrow(/to fix first/);
    expect(() => importLaw(ctx, { name: 'v2.txt', bytes: bytes(LAW), target: { kind: 'version', workId: 'nosuchwork0', inForceFrom: '2026-01-01' } })).toThrow(/No law/);
    expect(fingerprint(db)).toBe(before);
  });
});
