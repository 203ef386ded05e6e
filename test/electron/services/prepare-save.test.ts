import { beforeEach, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/services/context';
import { saveDraft } from '../../../electron/services/drafts';
import { prepareDraftSaveSteps } from '../../../electron/services/versions';
import type { ProvisionRow } from '../../../shared/law';
import { startPackage, useTestContext } from '../harness';

const current = useTestContext();
let ctx: ServiceContext;
beforeEach(() => ({ ctx } = current()));

const byUid = (rows: Iterable<ProvisionRow>) => [...rows].sort((a, b) => a.uid.localeCompare(b.uid));

describe('a version\'s rows read a page at a time', () => {
  it('the pages together are every row, once', () => {
    const { versionId } = startPackage(ctx);
    const all = ctx.store.provisions.load(versionId);
    const pages: ProvisionRow[][] = [];
    for (let after: string | null = null; ; ) {
      const page = ctx.store.provisions.page(versionId, after, 7);
      pages.push(page);
      if (page.length < 7) break;
      after = page[page.length - 1]!.uid;
    }
    expect(pages.length).toBe(Math.floor(all.length / 7) + 1);
    expect(byUid(pages.flat())).toEqual(byUid(all));
  });
});

describe('preparing an opened draft\'s first save in steps', () => {
  it('reads the base and the draft a page per step and keeps a live derivation with the stored rows', () => {
    const { versionId, rows } = startPackage(ctx);
    let steps = 0;
    for (const _ of prepareDraftSaveSteps(ctx, versionId, 10)) steps += 1;
    // Two texts of this many rows, ten rows a step, plus building, indexing and deriving.
    expect(steps).toBeGreaterThanOrEqual(2 * Math.ceil(rows.length / 10));
    const live = ctx.memo.derivations.get(versionId);
    expect(live?.revision).toBe(0);
    expect(byUid(live!.rows!.values())).toEqual(byUid(ctx.store.provisions.load(versionId)));
  });

  it('a save between its steps: what it read before is dropped, and the live derivation is the save\'s', () => {
    const { versionId, p17 } = startPackage(ctx);
    const steps = prepareDraftSaveSteps(ctx, versionId, 10);
    // Into the draft's pages (the base's come first), then a save.
    for (let k = 0; k < 2 * Math.ceil(ctx.store.provisions.load(versionId).length / 10) - 2; k++) steps.next();
    saveDraft(ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
    const afterSave = ctx.memo.derivations.get(versionId);
    while (!steps.next().done);
    const live = ctx.memo.derivations.get(versionId);
    expect(live).toBe(afterSave);
    if (live) {
      expect(live.revision).toBe(1);
      expect(live.derivation.amendmentOf(p17.uid)?.proposed?.text).toBe('Университеты и колледжи вправе:');
    }
  });
});
