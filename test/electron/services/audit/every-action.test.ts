import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textHash } from '../../../../electron/services/audit/hash';
import { NO_PACKAGE } from '../../../../electron/services/audit/log';
import { commentFingerprint, notesFingerprint } from '../../../../electron/services/audit/state';
import { verifyAudit } from '../../../../electron/services/audit/check';
import { saveDraft } from '../../../../electron/services/drafts';
import { exportPackageDocument } from '../../../../electron/services/export';
import { annotateAmendment, retireGap, saveGap, setPackageStatus } from '../../../../electron/services/gaps';
import { setIdentity } from '../../../../electron/services/identity';
import { importLaw } from '../../../../electron/services/import';
import { addComment, reviewAmendment } from '../../../../electron/services/review';
import { createHash } from 'node:crypto';
import { startPackage, TEST_CORPUS, TEST_SIGNER, useTestContext } from '../../harness';

const current = useTestContext();
const entries = () => current().ctx.store.review.audit();
const last = () => {
  const e = entries().at(-1);
  return e && { ...e, detail: JSON.parse(e.detail) as Record<string, unknown> };
};

/**
 * Issue 16: saves, annotations, status changes, the identity and the gaps were not logged at all.
 * Each action that changes what a package says (or what the library holds) is now an entry, signed.
 */
describe('every action is in the audit log', () => {
  it('a save: which units, a fingerprint of each one’s new wording, which were deleted', () => {
    const { ctx } = current();
    const { pkgId, versionId, p17, p19 } = startPackage(ctx);
    const row = { ...p17, text: 'Университеты и колледжи вправе:' };
    saveDraft(ctx, { versionId, revision: 0, upserts: [row], deletes: [p19.uid] });
    expect(last()).toMatchObject({ packageId: pkgId, action: 'save', actor: '', detail: { versionId, revision: 1, units: [[p17.uid, textHash(row.kind, row.num, row.heading, row.text, row.repealed, row.parentUid, row.ord, '')]], deleted: [p19.uid] } });
    // Another wording gives another fingerprint.
    saveDraft(ctx, { versionId, revision: 1, upserts: [{ ...row, text: 'Университеты вправе:' }], deletes: [] });
    expect((last()?.detail.units as string[][])[0]?.[1]).not.toBe(textHash(row.kind, row.num, row.heading, row.text, row.repealed, row.parentUid, row.ord, ''));
  });

  it('the identity, by whoever was named before', () => {
    const { ctx } = current();
    setIdentity(ctx, { name: 'Разработчик', role: 'МНВО' });
    expect(last()).toMatchObject({ packageId: NO_PACKAGE, action: 'identity', actor: '', detail: { name: 'Разработчик', role: 'МНВО' } });
    setIdentity(ctx, { name: 'Рецензент', role: 'МЮ' });
    expect(last()).toMatchObject({ action: 'identity', actor: 'Разработчик', role: 'МНВО', detail: { name: 'Рецензент', role: 'МЮ' } });
  });

  it('an annotation, a status change, a comment, a decision, the package itself', () => {
    const { ctx } = current();
    setIdentity(ctx, { name: 'Разработчик', role: 'МНВО' });
    const { pkgId, versionId, p17 } = startPackage(ctx);
    expect(entries().find((e) => e.action === 'create-package')).toMatchObject({ packageId: pkgId, actor: 'Разработчик' });
    saveDraft(ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
    annotateAmendment(ctx, { packageId: pkgId, uid: p17.uid, gapCodes: ['INEFF_NORM'], justification: ' Колледжи участвуют. ', evidence: '' });
    expect(last()).toMatchObject({ packageId: pkgId, uid: p17.uid, action: 'annotate', detail: { gaps: ['INEFF_NORM'], notes: notesFingerprint('Колледжи участвуют.', ''), status: 'proposed' } });
    setPackageStatus(ctx, pkgId, 'review');
    expect(last()).toMatchObject({ packageId: pkgId, action: 'status', detail: { status: 'review' } });
    addComment(ctx, { packageId: pkgId, uid: p17.uid, parentId: null, text: 'Почему колледжи?' });
    expect(last()).toMatchObject({ action: 'comment', detail: { textHash: commentFingerprint('Почему колледжи?') } });
    reviewAmendment(ctx, { packageId: pkgId, uid: p17.uid, decision: 'accept' });
    expect(last()).toMatchObject({ uid: p17.uid, action: 'accept' });
  });

  it('the gaps of the taxonomy', () => {
    const { ctx } = current();
    const words = { ru: 'Новый', kk: 'Жаңа', en: 'New' };
    saveGap(ctx, { code: 'NEW_GAP', names: words, descriptions: words, instrument: words });
    expect(last()).toMatchObject({ packageId: NO_PACKAGE, action: 'add-gap', detail: { gap: { code: 'NEW_GAP' } } });
    retireGap(ctx, 'NEW_GAP', true);
    expect(last()).toMatchObject({ action: 'retire-gap', detail: { code: 'NEW_GAP' } });
  });

  it('an import and an export (the export with the SHA-256 of the file written)', async () => {
    const { ctx, dir } = current();
    const text = `Тестовый закон второй\nЗакон Республики Казахстан от 1 июля 2024 года № 2-VIII.\n${readFileSync(join(TEST_CORPUS, 'test-law/ru.txt'), 'utf8')}`;
    const imported = importLaw(ctx, { name: 'law.txt', bytes: new TextEncoder().encode(text), target: { kind: 'new' } });
    expect(last()).toMatchObject({ packageId: NO_PACKAGE, action: 'import', detail: { as: 'new', versionId: imported.versionId, lang: 'ru' } });
    const { pkgId, versionId, p17 } = startPackage(ctx);
    saveDraft(ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
    const file = join(dir, 'law.html');
    await exportPackageDocument(ctx, { packageId: pkgId, lang: 'ru', document: 'law', format: 'html' }, async () => file);
    expect(last()).toMatchObject({ packageId: pkgId, action: 'export', detail: { document: 'law', format: 'html', file: 'law.html', sha256: createHash('sha256').update(readFileSync(file)).digest('hex') } });
  });

  it('every entry is signed with the install key, and the log with its head file verifies', () => {
    const { ctx } = current();
    const { pkgId, versionId, p17 } = startPackage(ctx);
    saveDraft(ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
    annotateAmendment(ctx, { packageId: pkgId, uid: p17.uid, gapCodes: [], justification: 'Да.', evidence: '' });
    expect(entries().every((e) => e.keyId === TEST_SIGNER.keyId && e.format === 2)).toBe(true);
    expect(verifyAudit(ctx)).toEqual({ ok: true, entries: entries().length, signed: entries().length, notes: [] });
  });
});
