import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createServiceContext, type ServiceContext } from '../../../electron/services/context';
import { setIdentity } from '../../../electron/services/identity';
import { saveDraft } from '../../../electron/services/drafts';
import { listLibrary } from '../../../electron/services/library';
import { createPackage, listPackages } from '../../../electron/services/packages';
import { openDraft, openVersion } from '../../../electron/services/versions';
import { openDatabase } from '../../../electron/store/database';
import { StoreError } from '../../../electron/store/errors';
import { createStore } from '../../../electron/store/store';
import { connectionOf } from '../../../electron/store/connection';
import { applyRowChanges, diffRows, lawFromJSON, lawToRows, rowsToLaw, type LawDoc } from '../../../shared/law';
import { openTestContext, useTestContext } from '../harness';

const current = useTestContext();
let dir: string;
let ctx: ServiceContext;
beforeEach(() => ({ dir, ctx } = current()));

function inForceVersionId(): string {
  const id = listLibrary(ctx)[0]?.expressions[0]?.versionId;
  if (!id) throw new Error('corpus not seeded');
  return id;
}

function startDraft(): { versionId: string; law: LawDoc } {
  const pkg = createPackage(ctx, { title: 'Проект закона о внесении изменений', baseVersionIds: [inForceVersionId()] });
  const versionId = pkg.drafts[0]?.versionId as string;
  return { versionId, law: lawFromJSON(openVersion(ctx, versionId).law) };
}

/** Finds the first unit whose text starts with a prefix. */
function unitStarting(law: LawDoc, prefix: string) {
  const rows = lawToRows(law);
  const row = rows.find((r) => r.text.startsWith(prefix));
  if (!row) throw new Error(`no unit starting with ${prefix}`);
  return row;
}

describe('packages and drafts', () => {
  it('seeds the corpus once and lists it', () => {
    const library = listLibrary(ctx);
    expect(library.map((w) => w.slug)).toEqual(['test-law']);
    expect(library[0]?.expressions[0]?.lang).toBe('ru');
    // A second seed on a non-empty store adds nothing.
    const again = openTestContext(dir);
    expect(again.store.works.countWorks()).toBe(1);
    connectionOf(again.store).close();
  });

  it('starts a package as a copy of the text in force with the same uids', () => {
    const base = lawFromJSON(openVersion(ctx, inForceVersionId()).law);
    const { versionId, law } = startDraft();
    expect(law).toEqual(base);
    expect(openVersion(ctx, versionId).editable).toBe(true);
    expect(openVersion(ctx, inForceVersionId()).editable).toBe(false);
    expect(listPackages(ctx)[0]?.title).toBe('Проект закона о внесении изменений');
  });

  it('persists an edited provision to the SQLite file, and only that row is sent', () => {
    const { versionId, law } = startDraft();
    const before = lawToRows(law);
    const after = before.map((r) => (r.text.startsWith('Университеты вправе') ? { ...r, text: 'Университеты и их партнеры вправе:' } : r));
    const changes = diffRows(before, after);
    expect(changes.upserts).toHaveLength(1);
    expect(saveDraft(ctx, { versionId, revision: 0, ...changes }).revision).toBe(1);
    connectionOf(ctx.store).close();

    const reopened = createServiceContext(createStore(openDatabase(join(dir, 'zan.sqlite'))));
    const saved = lawFromJSON(openVersion(reopened, versionId).law);
    expect(unitStarting(saved, 'Университеты и их партнеры').text).toBe('Университеты и их партнеры вправе:');
    // The text in force is unchanged.
    expect(() => unitStarting(lawFromJSON(openVersion(reopened, inForceVersionId()).law), 'Университеты и их')).toThrow();
    ctx = reopened;
  });

  it('opens a draft with its base once: the base in full, the draft as the rows that differ', () => {
    const { versionId, law } = startDraft();
    const rows = lawToRows(law);
    const edited = rows.map((r) => (r.text.startsWith('Университеты вправе') ? { ...r, text: 'Университеты и их партнеры вправе:' } : r)).filter((r, i) => i !== rows.length - 1);
    saveDraft(ctx, { versionId, revision: 0, ...diffRows(rows, edited) });
    const opened = openDraft(ctx, versionId);
    expect(opened.changes.upserts.map((r) => r.text)).toEqual(['Университеты и их партнеры вправе:']);
    expect(opened.changes.deletes).toEqual([rows[rows.length - 1]!.uid]);
    expect(opened.version.revision).toBe(1);
    const base = lawFromJSON(opened.base);
    expect(base).toEqual(lawFromJSON(openVersion(ctx, inForceVersionId()).law));
    expect(rowsToLaw(applyRowChanges(lawToRows(base), opened.changes), 'ru')).toEqual(lawFromJSON(openVersion(ctx, versionId).law));
    expect(() => openDraft(ctx, inForceVersionId())).toThrow(expect.objectContaining({ code: 'NOT_EDITABLE' }));
  });

  it('refuses a save made on an old revision and keeps the newer one', () => {
    const { versionId, law } = startDraft();
    const rows = lawToRows(law);
    const target = unitStarting(law, 'Университеты вправе');
    saveDraft(ctx, { versionId, revision: 0, upserts: [{ ...target, text: 'Первая правка:' }], deletes: [] });
    const stale = () => saveDraft(ctx, { versionId, revision: 0, upserts: [{ ...target, text: 'Вторая правка:' }], deletes: [] });
    expect(stale).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(unitStarting(lawFromJSON(openVersion(ctx, versionId).law), 'Первая').text).toBe('Первая правка:');
    expect(rows.length).toBe(lawToRows(lawFromJSON(openVersion(ctx, versionId).law)).length);
  });

  it('rolls back a save that would leave an impossible law', () => {
    const { versionId, law } = startDraft();
    const article = lawToRows(law).find((r) => r.kind === 'article' && r.num === '17');
    if (!article) throw new Error('fixture changed');
    const misnumbered = { ...article, num: '99' };
    let error: unknown;
    try {
      saveDraft(ctx, { versionId, revision: 0, upserts: [misnumbered], deletes: [] });
    } catch (e) {
      error = e;
    }
    expect((error as { code?: string }).code).toBe('NUMBER_ORDER');
    const stored = openVersion(ctx, versionId);
    expect(stored.revision).toBe(0);
    expect(lawFromJSON(stored.law)).toEqual(law);
  });

  it('stores the amendments of each save, and annotations survive re-derivation and renumbering', () => {
    const { versionId, law } = startDraft();
    const pkgId = openVersion(ctx, versionId).packageId as string;
    const before = lawToRows(law);
    const target = before.find((r) => r.text.startsWith('Университеты вправе')) as (typeof before)[number];
    saveDraft(ctx, { versionId, revision: 0, upserts: [{ ...target, text: 'Университеты и колледжи вправе:' }], deletes: [] });
    const stored = ctx.store.amendments.listForVersion(versionId);
    expect(stored.map((a) => [a.kind, a.eId, a.proposed?.text])).toEqual([['words', 'chp_1__art_17__para_1', 'Университеты и колледжи вправе:']]);
    ctx.store.amendments.annotate({ packageId: pkgId, uid: target.uid, justification: 'Колледжи тоже участвуют', evidence: '', status: 'proposed', updatedAt: ctx.now() });

    // Renumber the paragraph (1 → 1-1) and edit again: the amendment is re-derived, the note stays on it.
    saveDraft(ctx, { versionId, revision: 1, upserts: [{ ...target, num: '1-1', text: 'Университеты и колледжи вправе, в частности:' }], deletes: [] });
    const again = ctx.store.amendments.listForVersion(versionId);
    expect(again.map((a) => [a.uid, a.proposed?.num])).toEqual([[target.uid, '1-1']]);
    expect(ctx.store.amendments.annotations(pkgId).get(again[0]!.uid)?.justification).toBe('Колледжи тоже участвуют');

    // Back to the text in force: no amendments left, the note is kept for when it comes back.
    saveDraft(ctx, { versionId, revision: 2, upserts: [target], deletes: [] });
    expect(ctx.store.amendments.listForVersion(versionId)).toEqual([]);
    expect(ctx.store.amendments.annotations(pkgId).size).toBe(1);
  });

  it('refuses to edit a text in force', () => {
    const id = inForceVersionId();
    expect(() => saveDraft(ctx, { versionId: id, revision: 0, upserts: [], deletes: [] })).toThrow(StoreError);
  });
});

describe('who drafts a package', () => {
  it('is the name given when it is created, else the name set in the app', () => {
    const baseId = listLibrary(ctx)[0]!.expressions[0]!.versionId!;
    expect(createPackage(ctx, { title: 'A', baseVersionIds: [baseId], author: ' А. Разработчик ' }).id).toBeTruthy();
    setIdentity(ctx, { name: 'Б. Юрист', role: '' });
    createPackage(ctx, { title: 'B', baseVersionIds: [baseId] });
    expect(ctx.store.packages.list().map((p) => [p.title, p.authors])).toEqual(expect.arrayContaining([['A', ['А. Разработчик']], ['B', ['Б. Юрист']]]));
  });
});
