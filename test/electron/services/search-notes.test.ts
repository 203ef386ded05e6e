import { beforeEach, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/services/context';
import { setIdentity } from '../../../electron/services/identity';
import { addComment } from '../../../electron/services/review';
import { searchNotes } from '../../../electron/services/search-notes';
import { startEditedPackage, useTestContext } from '../harness';

const current = useTestContext();
let ctx: ServiceContext;
beforeEach(() => ({ ctx } = current()));

describe('search in comments and justifications', () => {
  it('finds word forms in a reviewer comment and in a justification, with the amendment they are on', () => {
    const { pkgId, versionId, p17 } = startEditedPackage(ctx);
    setIdentity(ctx, { name: 'Рецензент', role: 'МЮ' });
    addComment(ctx, { packageId: pkgId, uid: p17.uid, parentId: null, text: 'Уточните, какие консорциумы имеются в виду.' });
    // "консорциум" finds "консорциумы" in the comment and "консорциумах" in the justification.
    const { hits, total } = searchNotes(ctx, 'консорциум');
    expect(total).toBe(2);
    expect(hits.map((h) => h.kind).sort()).toEqual(['comment', 'justification']);
    for (const h of hits) {
      expect(h).toMatchObject({ packageId: pkgId, versionId, uid: p17.uid, label: 'Статья 17, пункт 1', lawTitle: expect.stringContaining('Тестовый закон') });
      const [m] = h.matches;
      expect(h.text.slice(m?.start, m?.end).toLowerCase()).toMatch(/^консорциум/u);
    }
    expect(hits.find((h) => h.kind === 'comment')?.author).toBe('Рецензент');
    expect(searchNotes(ctx, 'грант').total).toBe(0);
    // Too short to mean anything: nothing rather than everything.
    expect(searchNotes(ctx, 'и').total).toBe(0);
  });
});
