import { beforeEach, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/services/context';
import { saveDraft } from '../../../electron/services/drafts';
import type { Amendment } from '../../../shared/amend';
import { startEditedPackage, useTestContext } from '../harness';
import { connectionOf } from '../../../electron/store/connection';

const current = useTestContext();
let ctx: ServiceContext;
beforeEach(() => ({ ctx } = current()));

/** The rowid of each stored amendment of a draft: a row rewritten gets a new one. */
const rowids = (versionId: string) =>
  new Map((connectionOf(ctx.store).prepare('SELECT uid, rowid AS id FROM amendment WHERE version_id = ?').all(versionId) as { uid: string; id: number }[]).map((r) => [r.uid, r.id]));

/** Places amendments where they are stored (a new uid: after the others), as a derivation's sort keys do. */
const storedPlaces = (versionId: string) => {
  const orders = ctx.store.amendments.orders(versionId);
  return (a: Amendment) => (orders.get(a.uid) ?? Number.MAX_SAFE_INTEGER) / 1_000_000;
};

describe('replacing a draft\'s stored amendments writes only what differs', () => {
  it('the same list: nothing to write; the rows stay as they were', () => {
    const { versionId } = startEditedPackage(ctx);
    const list = ctx.store.amendments.listForVersion(versionId);
    expect(list).toHaveLength(2);
    const places = storedPlaces(versionId);
    expect(ctx.store.amendments.changesTo(versionId, list, places)).toEqual({ put: [], remove: [] });
    const before = rowids(versionId);
    ctx.store.amendments.replaceForVersion(versionId, list, places);
    expect(rowids(versionId)).toEqual(before);
    expect(ctx.store.amendments.listForVersion(versionId)).toEqual(list);
  });

  it('one amendment changed, one gone, one new: just those rows are written, and the list reads back as given', () => {
    const { versionId, rows } = startEditedPackage(ctx);
    const [first, second] = ctx.store.amendments.listForVersion(versionId) as [Amendment, Amendment];
    const before = rowids(versionId);
    // Another save: a third unit reworded. Its derivation gives the new list.
    const other = rows.find((r) => r.kind === 'paragraph' && r.text.length > 20 && r.uid !== first.uid && r.uid !== second.uid)!;
    saveDraft(ctx, { versionId, revision: 1, upserts: [{ ...other, text: `${other.text} (уточнено)` }], deletes: [] });
    const three = ctx.store.amendments.listForVersion(versionId);
    expect(three.map((a) => a.uid)).toContain(other.uid);
    // Back to the two-amendment list with the first one's proposal changed.
    const changedFirst: Amendment = { ...first, proposed: { ...first.proposed!, text: 'Университеты, колледжи и академии вправе:' } };
    const next = three.filter((a) => a.uid !== other.uid).map((a) => (a.uid === first.uid ? changedFirst : a));
    const changes = ctx.store.amendments.changesTo(versionId, next, storedPlaces(versionId));
    expect(changes.put.map((p) => p.amendment.uid)).toEqual([first.uid]);
    expect(changes.remove).toEqual([other.uid]);
    const beforeApply = rowids(versionId);
    ctx.store.amendments.applyChanges(versionId, changes);
    expect(ctx.store.amendments.listForVersion(versionId)).toEqual(next);
    const after = rowids(versionId);
    expect(after.get(second.uid)).toBe(beforeApply.get(second.uid));
    expect(after.get(first.uid)).not.toBe(before.get(first.uid));
    expect(after.has(other.uid)).toBe(false);
  });

  it('a new place in the law\'s order is a change too', () => {
    const { versionId } = startEditedPackage(ctx);
    const list = ctx.store.amendments.listForVersion(versionId);
    const reversed = [...list].reverse();
    const changes = ctx.store.amendments.changesTo(versionId, reversed);
    expect(changes.put.map((p) => p.amendment.uid).sort()).toEqual(list.map((a) => a.uid).sort());
    ctx.store.amendments.applyChanges(versionId, changes);
    expect(ctx.store.amendments.listForVersion(versionId)).toEqual(reversed);
  });
});
