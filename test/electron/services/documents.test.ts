import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/services/context';
import { packageDocuments } from '../../../electron/services/documents';
import { exportPackageDocument } from '../../../electron/services/export';
import { openVersion } from '../../../electron/services/versions';
import { derive } from '../../../shared/amend';
import { applyOperations, citation, parseAmendingLaw, printWithoutNotes } from '../../../shared/instructions';
import { lawFromJSON } from '../../../shared/law';
import { startEditedPackage, useTestContext } from '../harness';

const current = useTestContext();
let dir: string;
let ctx: ServiceContext;
beforeEach(() => ({ dir, ctx } = current()));

describe('package documents', () => {
  it('cites acts the way amending laws do', () => {
    // As lead-ins of published laws cite acts (Z1400000270 ru, Z080000062_ and Z1900000292 kk): no number.
    expect(citation('ru', 'law', '2024-07-01', 'О науке (иллюстративный текст)')).toBe('Закон Республики Казахстан от 1 июля 2024 года «О науке»');
    expect(citation('kk', 'law', '2024-07-01', 'Ғылым туралы')).toBe('«Ғылым туралы» 2024 жылғы 1 шілдедегі Қазақстан Республикасының Заңына');
    expect(citation('kk', 'code', '2017-12-27', 'Жер қойнауы туралы')).toBe('2017 жылғы 27 желтоқсандағы «Жер қойнауы туралы» Қазақстан Республикасының Кодексіне');
    expect(citation('en', 'law', '2024-07-01', 'On Science')).toBe('the Law of the Republic of Kazakhstan of 1 July 2024 "On Science"');
  });

  it('the amending law and the table are made from the same amendments, and the law applies back', () => {
    const { pkgId, baseId, versionId } = startEditedPackage(ctx);
    const docs = packageDocuments(ctx, pkgId, 'ru');
    const base = lawFromJSON(openVersion(ctx, baseId).law);
    const draft = lawFromJSON(openVersion(ctx, versionId).law);
    const amendments = derive(base, draft);
    expect(docs.languages).toEqual(['ru']);
    expect(docs.table.map((r) => r.element)).toEqual(['Статья 17, пункт 1', 'Статья 19, пункт 1']);
    expect(docs.table.map((r) => r.uid)).toEqual(amendments.map((a) => a.uid));
    expect(docs.table[0]?.justification).toBe('Колледжи участвуют в консорциумах.');
    // One change and one addition: the lead-in agrees ("следующие изменение и дополнение", as decrees write it).
    expect(docs.lawText).toContain('Статья 1. Внести в Закон Республики Казахстан от 1 июля 2024 года «Тестовый закон» следующие изменение и дополнение:');
    expect(docs.lawText).toContain('2) пункт 1 статьи 19 исключить.');
    const [act] = parseAmendingLaw('ru', docs.lawText);
    expect(printWithoutNotes(applyOperations(base, act!.operations))).toBe(printWithoutNotes(draft));
  });

  it('exports to the file the user chose, and to nothing when they cancel', async () => {
    const { pkgId } = startEditedPackage(ctx);
    const path = join(dir, 'table.docx');
    expect(await exportPackageDocument(ctx, { packageId: pkgId, lang: 'ru', document: 'table', format: 'docx' }, async () => path)).toEqual({ path });
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
    expect(await exportPackageDocument(ctx, { packageId: pkgId, lang: 'ru', document: 'law', format: 'html' }, async () => null)).toEqual({ path: null });
    expect(existsSync(join(dir, 'law.html'))).toBe(false);
  });
});
