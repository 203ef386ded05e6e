import { describe, expect, it } from 'vitest';
import { amendmentsOf } from '../../../electron/services/amendments';
import { packageDocuments } from '../../../electron/services/documents';
import { loadDraft } from '../../../electron/services/redline';
import { derive, DERIVATION_VERSION } from '../../../shared/amend';
import { rowsToLaw } from '../../../shared/law';
import { startEditedPackage, useTestContext } from '../harness';
import { connectionOf } from '../../../electron/store/connection';

const current = useTestContext();

/** The stored list of a draft, read straight from the table (as the panel's coverage reads it). */
function storedKinds(ctx: ReturnType<typeof current>['ctx'], versionId: string) {
  return connectionOf(ctx.store).prepare('SELECT uid, kind FROM amendment WHERE version_id = ? ORDER BY ord').all(versionId) as { uid: string; kind: string }[];
}

describe('one amendment list', () => {
  it('every output reads the stored list, not a derivation of its own', () => {
    const { ctx } = current();
    const { pkgId, versionId } = startEditedPackage(ctx);
    // Change what the store holds for one amendment (by hand, as nothing in the app would): the
    // table, the amending law and the redline all show the stored wording.
    const [first] = storedKinds(ctx, versionId);
    const row = connectionOf(ctx.store).prepare('SELECT base, proposed FROM amendment WHERE version_id = ? AND uid = ?').get(versionId, first!.uid) as { base: string; proposed: string };
    const proposed = { ...(JSON.parse(row.proposed) as Record<string, unknown>), text: 'Хранимая редакция пункта.' };
    const ops = [[-1, (JSON.parse(row.base) as { text: string }).text], [1, 'Хранимая редакция пункта.']];
    connectionOf(ctx.store).prepare('UPDATE amendment SET proposed = ?, ops = ? WHERE version_id = ? AND uid = ?').run(JSON.stringify(proposed), JSON.stringify(ops), versionId, first!.uid);
    const docs = packageDocuments(ctx, pkgId, 'ru');
    expect(JSON.stringify(docs.table[0]?.proposed)).toContain('Хранимая редакция пункта.');
    expect(loadDraft(ctx, pkgId, versionId).amendments[0]?.proposed?.text).toBe('Хранимая редакция пункта.');
  });

  it('a list made by an older derivation is derived again before it is read, keeping who made each amendment', () => {
    const { ctx } = current();
    const { versionId, baseId } = startEditedPackage(ctx);
    const signed = ctx.store.amendments.revisions(versionId);
    connectionOf(ctx.store).prepare('UPDATE amendment_derivation SET derived_by = ? WHERE version_id = ?').run(DERIVATION_VERSION - 1, versionId);
    connectionOf(ctx.store).prepare("UPDATE amendment SET e_id = 'stale' WHERE version_id = ?").run(versionId);
    const read = amendmentsOf(ctx, versionId);
    const truth = derive(rowsToLaw(ctx.store.provisions.load(baseId), 'ru'), rowsToLaw(ctx.store.provisions.load(versionId), 'ru'));
    expect(read).toEqual(truth);
    expect(ctx.store.amendments.listForVersion(versionId)).toEqual(truth);
    expect(ctx.store.amendments.derivedBy(versionId)).toBe(DERIVATION_VERSION);
    expect(ctx.store.amendments.revisions(versionId)).toEqual(signed);
  });

  it('a stored row that cannot be read is derived again (and said in the log), never shown', () => {
    const logged: string[] = [];
    const { ctx: base } = current();
    const ctx = { ...base, log: (m: string) => void logged.push(m) };
    const { versionId, baseId } = startEditedPackage(ctx);
    connectionOf(ctx.store).prepare("UPDATE amendment SET ops = '[[7, 1]]' WHERE version_id = ?").run(versionId);
    expect(() => ctx.store.amendments.listForVersion(versionId)).toThrow(/Not an amendment/);
    const truth = derive(rowsToLaw(ctx.store.provisions.load(baseId), 'ru'), rowsToLaw(ctx.store.provisions.load(versionId), 'ru'));
    expect(amendmentsOf(ctx, versionId)).toEqual(truth);
    expect(logged.join('\n')).toMatch(/unreadable, derived again/);
    expect(ctx.store.amendments.listForVersion(versionId)).toEqual(truth);
  });
});
