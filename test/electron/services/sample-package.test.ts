import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/services/context';
import { packageDocuments } from '../../../electron/services/documents';
import { packageCoverage, setPackageStatus } from '../../../electron/services/gaps';
import { getPackage } from '../../../electron/services/packages';
import { parseSamplePackage, seedSamplePackage } from '../../../electron/services/sample-package';
import { openVersion } from '../../../electron/services/versions';
import { applyOperations, parseAmendingLaw, printWithoutNotes } from '../../../shared/instructions';
import { lawFromJSON } from '../../../shared/law';
import { openTestContext, tempDir } from '../harness';

const root = join(import.meta.dirname, '../../..');
let cleanup: () => void;
let ctx: ServiceContext;
beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  ctx = openTestContext(t.dir, join(root, 'resources/corpus'));
});
afterEach(() => {
  ctx.store.db.close();
  cleanup();
});

describe('the sample package', () => {
  it('amends at least three of the bundled laws with 8–15 annotated amendments, ready for review', () => {
    const spec = parseSamplePackage(JSON.parse(readFileSync(join(root, 'resources/sample-package/package.json'), 'utf8')));
    const id = seedSamplePackage(ctx, spec);
    const coverage = packageCoverage(ctx, id);
    expect(coverage.amendments.length).toBeGreaterThanOrEqual(8);
    expect(coverage.amendments.length).toBeLessThanOrEqual(15);
    expect(new Set(coverage.amendments.map((a) => a.versionId)).size).toBeGreaterThanOrEqual(3);
    expect(coverage.missing).toEqual([]);
    expect(coverage.amendments.map((a) => a.kind)).toEqual(expect.arrayContaining(['words', 'insert', 'repeal']));

    // Its amending law is a four-act law whose parts each apply back to their own text.
    const docs = packageDocuments(ctx, id, 'ru');
    const acts = parseAmendingLaw('ru', docs.lawText);
    expect(acts.length).toBe(getPackage(ctx, id).drafts.length);
    expect(docs.table.length).toBe(coverage.amendments.length);
    getPackage(ctx, id).drafts.forEach((d, i) => {
      const base = lawFromJSON(openVersion(ctx, d.baseVersionId as string).law);
      const draft = lawFromJSON(openVersion(ctx, d.versionId).law);
      expect(printWithoutNotes(applyOperations(base, acts[i]!.operations)), d.workSlug).toBe(printWithoutNotes(draft));
    });

    setPackageStatus(ctx, id, 'review');
    expect(getPackage(ctx, id).status).toBe('review');
  });
});
