import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/services/context';
import { packageDocuments } from '../../../electron/services/documents';
import { packageCoverage, setPackageStatus } from '../../../electron/services/gaps';
import { getPackage } from '../../../electron/services/packages';
import { packageParity } from '../../../electron/services/parity';
import { parseSamplePackage, seedSamplePackage } from '../../../electron/services/sample-package';
import { openVersion } from '../../../electron/services/versions';
import { applyOperations, parseAmendingLaw, printWithoutNotes } from '../../../shared/instructions';
import { lawFromJSON } from '../../../shared/law';
import { openTestContext, tempDir } from '../harness';
import { connectionOf } from '../../../electron/store/connection';

const root = join(import.meta.dirname, '../../..');
let cleanup: () => void;
let ctx: ServiceContext;
beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  ctx = openTestContext(t.dir, join(root, 'resources/corpus'));
});
afterEach(() => {
  connectionOf(ctx.store).close();
  cleanup();
});

describe('the sample package', () => {
  it('amends at least three of the bundled laws with 8–15 annotated amendments, ready for review', () => {
    const spec = parseSamplePackage(JSON.parse(readFileSync(join(root, 'resources/sample-package/package.json'), 'utf8')));
    const id = seedSamplePackage(ctx, spec);
    const coverage = packageCoverage(ctx, id);
    const russian = coverage.amendments.filter((a) => a.lang === 'ru');
    expect(russian.length).toBeGreaterThanOrEqual(8);
    expect(russian.length).toBeLessThanOrEqual(15);
    expect(new Set(russian.map((a) => a.versionId)).size).toBeGreaterThanOrEqual(3);
    expect(coverage.missing).toEqual([]);
    expect(coverage.amendments.map((a) => a.kind)).toEqual(expect.arrayContaining(['words', 'insert', 'repeal']));

    // Its amending laws, Russian (four acts) and Kazakh (the law it amends in both languages),
    // each act applying back to its own text.
    for (const lang of ['ru', 'kk'] as const) {
      const docs = packageDocuments(ctx, id, lang);
      const acts = parseAmendingLaw(lang, docs.lawText);
      const drafts = getPackage(ctx, id).drafts.filter((d) => d.lang === lang);
      expect(acts.length).toBe(drafts.length);
      expect(docs.table.length).toBe(coverage.amendments.filter((a) => a.lang === lang).length);
      drafts.forEach((d, i) => {
        const base = lawFromJSON(openVersion(ctx, d.baseVersionId as string).law);
        const draft = lawFromJSON(openVersion(ctx, d.versionId).law);
        expect(printWithoutNotes(applyOperations(base, acts[i]!.operations)), `${d.workSlug} (${lang})`).toBe(printWithoutNotes(draft));
      });
    }
    // The law amended in both languages: the Kazakh text of it as the Russian, in step (one change
    // is made in Russian only and says so in both amending laws).
    expect(getPackage(ctx, id).drafts.filter((d) => d.lang === 'kk').map((d) => d.workSlug)).toEqual(['science-technology-policy']);
    expect(packageParity(ctx, id).count).toBe(0);
    expect(packageDocuments(ctx, id, 'ru').lawText).toContain('текст на казахском языке не изменяется');
    expect(packageDocuments(ctx, id, 'kk').lawText).toContain('қазақ тіліндегі мәтіні өзгермейді, өзгеріс орыс тіліндегі мәтінге енгізіледі');

    setPackageStatus(ctx, id, 'review');
    expect(getPackage(ctx, id).status).toBe('review');
  });
});
