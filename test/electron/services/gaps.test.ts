import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportPackageDocument } from '../../../electron/services/export';
import type { ServiceContext } from '../../../electron/services/context';
import { packageDocuments } from '../../../electron/services/documents';
import { saveDraft } from '../../../electron/services/drafts';
import { annotateAmendment, exportTaxonomy, importTaxonomy, listGaps, packageCoverage, retireGap, saveGap, setPackageStatus } from '../../../electron/services/gaps';
import { getPackage } from '../../../electron/services/packages';
import { StoreError } from '../../../electron/store/errors';
import { openTestContext, startPackage, tempDir } from '../harness';
import { connectionOf } from '../../../electron/store/connection';

let cleanup: () => void;
let ctx: ServiceContext;
beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  ctx = openTestContext(t.dir);
});
afterEach(() => {
  connectionOf(ctx.store).close();
  cleanup();
});

const texts = (s: string) => ({ ru: s, kk: s, en: s });

/** A package with two amendments: paragraph 17.1 reworded, paragraph 19.1 repealed. */
function packageWithTwoAmendments() {
  const { pkgId, versionId, p17, p19 } = startPackage(ctx);
  saveDraft(ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }, { ...p19, text: 'Исключен.', repealed: true }], deletes: [] });
  return { pkgId, versionId, p17, p19 };
}

describe('the gap taxonomy', () => {
  it('ships the default gaps of DOMAIN.md in three languages', () => {
    const gaps = listGaps(ctx);
    expect(gaps.map((g) => g.code)).toEqual(['LEG_GAP', 'INEFF_NORM', 'CONFLICT', 'FISCAL_INC', 'IP_RISK', 'MANDATE', 'STATE_CAP', 'FUNDING', 'TRANSFER', 'WORKFORCE', 'REGIONAL']);
    expect(gaps[3]?.names).toEqual({ ru: 'Слабый налоговый стимул', kk: 'Әлсіз салықтық ынталандыру', en: 'Weak tax incentive' });
  });

  it('adds, renames and retires gaps; import adds and updates, export round-trips', () => {
    saveGap(ctx, { code: 'SANDBOX', names: texts('Регуляторная песочница'), descriptions: texts('d'), instrument: texts('i') });
    saveGap(ctx, { code: 'LEG_GAP', names: texts('Правовой пробел'), descriptions: texts('d'), instrument: texts('i') });
    retireGap(ctx, 'REGIONAL', true);
    const gaps = listGaps(ctx);
    expect(gaps.find((g) => g.code === 'SANDBOX')?.ord).toBe(11);
    expect(gaps.find((g) => g.code === 'LEG_GAP')?.names.ru).toBe('Правовой пробел');
    expect(gaps.find((g) => g.code === 'REGIONAL')?.retired).toBe(true);
    const json = exportTaxonomy(ctx);
    expect(importTaxonomy(ctx, json)).toEqual(gaps);
    expect(() => importTaxonomy(ctx, '{"version":1,"gaps":[{"code":"bad code"}]}')).toThrow(StoreError);
  });
});

describe('annotations and coverage', () => {
  it('annotate with gaps and justification; coverage counts per gap and lists what is missing', () => {
    const { pkgId, p17, p19 } = packageWithTwoAmendments();
    let coverage = packageCoverage(ctx, pkgId);
    expect(coverage.missing.map((m) => m.label)).toEqual(['Статья 17, пункт 1', 'Статья 19, пункт 1']);
    expect(coverage.uncoveredGaps).toHaveLength(11);

    annotateAmendment(ctx, { packageId: pkgId, uid: p17.uid, gapCodes: ['LEG_GAP', 'WORKFORCE'], justification: 'Колледжи участвуют в консорциумах.', evidence: 'Отчет 2025, с. 12' });
    coverage = packageCoverage(ctx, pkgId);
    expect(coverage.perGap.filter((g) => g.count > 0)).toEqual([{ code: 'LEG_GAP', count: 1 }, { code: 'WORKFORCE', count: 1 }]);
    expect(coverage.missing.map((m) => [m.label, m.noGap, m.noJustification])).toEqual([['Статья 19, пункт 1', true, true]]);
    expect(coverage.matrix[0]?.counts).toEqual({ LEG_GAP: 1, WORKFORCE: 1 });
    expect(packageDocuments(ctx, pkgId, 'ru').table[0]?.justification).toBe('Пробел в законодательстве; Программы и кадры. Колледжи участвуют в консорциумах.');
    expect(() => annotateAmendment(ctx, { packageId: pkgId, uid: p19.uid, gapCodes: ['NO_SUCH'], justification: '', evidence: '' })).toThrow(/No gap NO_SUCH/);
    expect(() => annotateAmendment(ctx, { packageId: pkgId, uid: 'notanamendment1', gapCodes: [], justification: '', evidence: '' })).toThrow(/no amendment/);
  });

  it('annotations survive re-derivation and renumbering', () => {
    const { pkgId, versionId, p17 } = packageWithTwoAmendments();
    annotateAmendment(ctx, { packageId: pkgId, uid: p17.uid, gapCodes: ['LEG_GAP'], justification: 'Почему.', evidence: '' });
    saveDraft(ctx, { versionId, revision: 1, upserts: [{ ...p17, num: '1-1', text: 'Университеты и колледжи, в частности, вправе:' }], deletes: [] });
    const coverage = packageCoverage(ctx, pkgId);
    const a = coverage.amendments.find((x) => x.uid === p17.uid);
    expect([a?.label, a?.gapCodes, a?.justification]).toEqual(['Статья 17, пункт 1', ['LEG_GAP'], 'Почему.']);
  });

  it('annotations survive a move to another article', () => {
    const { pkgId, versionId, p17, p19 } = packageWithTwoAmendments();
    annotateAmendment(ctx, { packageId: pkgId, uid: p17.uid, gapCodes: ['TRANSFER'], justification: 'Перенос.', evidence: '' });
    // Paragraph 17.1 moves to the end of article 19, as its paragraph 2.
    saveDraft(ctx, { versionId, revision: 1, upserts: [{ ...p17, parentUid: p19.parentUid, ord: 1, num: '2', text: 'Университеты и колледжи вправе:' }], deletes: [] });
    const moved = packageCoverage(ctx, pkgId).amendments.find((a) => a.uid === p17.uid);
    expect([moved?.kind, moved?.gapCodes, moved?.justification]).toEqual(['move', ['TRANSFER'], 'Перенос.']);
  });

  it('a retired gap stays on an annotation that has it, and cannot be added to another', () => {
    const { pkgId, p17, p19 } = packageWithTwoAmendments();
    annotateAmendment(ctx, { packageId: pkgId, uid: p17.uid, gapCodes: ['REGIONAL'], justification: 'x', evidence: '' });
    retireGap(ctx, 'REGIONAL', true);
    annotateAmendment(ctx, { packageId: pkgId, uid: p17.uid, gapCodes: ['REGIONAL'], justification: 'y', evidence: '' });
    expect(packageCoverage(ctx, pkgId).amendments.find((a) => a.uid === p17.uid)?.gapCodes).toEqual(['REGIONAL']);
    expect(() => annotateAmendment(ctx, { packageId: pkgId, uid: p19.uid, gapCodes: ['REGIONAL'], justification: 'z', evidence: '' })).toThrow(/retired/);
  });

  it('exports the coverage report as CSV and HTML (not as DOCX)', async () => {
    const { pkgId, p17 } = packageWithTwoAmendments();
    annotateAmendment(ctx, { packageId: pkgId, uid: p17.uid, gapCodes: ['LEG_GAP'], justification: 'Почему, "с кавычками".', evidence: 'Отчет' });
    const dir = mkdtempSync(join(tmpdir(), 'zan-report-'));
    try {
      const csv = join(dir, 'c.csv');
      await exportPackageDocument(ctx, { packageId: pkgId, lang: 'ru', document: 'coverage', format: 'csv' }, async () => csv);
      const lines = readFileSync(csv, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(lines).toEqual(['Структурный элемент,Язык,Вид,Пробелы,Обоснование,Подтверждение', '"Статья 17, пункт 1",ru,words,LEG_GAP,"Почему, ""с кавычками"".",Отчет', '"Статья 19, пункт 1",ru,repeal,,,']);
      const html = join(dir, 'c.html');
      await exportPackageDocument(ctx, { packageId: pkgId, lang: 'ru', document: 'coverage', format: 'html' }, async () => html);
      expect(readFileSync(html, 'utf8')).toContain('<tr class="empty"><td>Неэффективная норма</td>');
      await expect(exportPackageDocument(ctx, { packageId: pkgId, lang: 'ru', document: 'coverage', format: 'docx' }, async () => join(dir, 'x.docx'))).rejects.toThrow(/not exported as docx/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is ready for review only when every amendment has a gap and a justification', () => {
    const { pkgId, p17, p19 } = packageWithTwoAmendments();
    annotateAmendment(ctx, { packageId: pkgId, uid: p17.uid, gapCodes: ['LEG_GAP'], justification: 'Почему.', evidence: '' });
    annotateAmendment(ctx, { packageId: pkgId, uid: p19.uid, gapCodes: ['INEFF_NORM'], justification: '', evidence: '' });
    expect(() => setPackageStatus(ctx, pkgId, 'review')).toThrow(/Статья 19, пункт 1 \(no justification\)/);
    expect(getPackage(ctx, pkgId).status).toBe('draft');
    annotateAmendment(ctx, { packageId: pkgId, uid: p19.uid, gapCodes: ['INEFF_NORM'], justification: 'Норма устарела.', evidence: '' });
    setPackageStatus(ctx, pkgId, 'review');
    expect(getPackage(ctx, pkgId).status).toBe('review');
  });
});
