import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redlineDocx } from '../../../electron/io/redline-docx';
import { derive } from '../../../shared/amend';
import { parseLaw } from '../../../shared/law';

const root = join(import.meta.dirname, '../../..');
const fixtures = join(root, 'test/fixtures/instructions');
const out = join(root, '.zan-test/redline-docx');

describe('the redlined DOCX', () => {
  it('carries each change as a native tracked change with author and date, and LibreOffice opens it', async () => {
    const base = parseLaw(readFileSync(join(fixtures, 'base.ru.txt'), 'utf8'));
    const draft = parseLaw(readFileSync(join(fixtures, 'draft.ru.txt'), 'utf8'));
    const amendments = derive(base, draft);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const docx = join(out, 'redline.docx');
    writeFileSync(docx, await redlineDocx(base, draft, amendments, { author: 'А. Разработчик', date: '2026-11-27T10:00:00Z' }, 'О научно-технической политике'));

    const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' });
    const inserted = [...xml.matchAll(/<w:ins [^>]*w:author="А. Разработчик"[^>]*>([\s\S]*?)<\/w:ins>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '')).join('|');
    const deleted = [...xml.matchAll(/<w:del [^>]*w:author="А. Разработчик"[^>]*>([\s\S]*?)<\/w:del>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '')).join('|');
    expect(inserted).toContain('университетов');
    expect(inserted).toContain('9-1) индустриальный партнер');
    expect(inserted).toContain('Статья 5-1. Совместные лаборатории');
    expect(deleted).toContain('организаций высшего образования');
    expect(deleted).toContain('государственных');
    expect(xml).toContain('w:date="2026-11-27T10:00:00Z"');
    const settings = execFileSync('unzip', ['-p', docx, 'word/settings.xml'], { encoding: 'utf8' });
    expect(settings).toContain('<w:trackRevisions/>');

    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(out, 'profile')}`, '--convert-to', 'pdf', '--outdir', out, docx], { stdio: 'pipe', timeout: 120_000 });
    const text = execFileSync('pdftotext', [join(out, 'redline.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Совместные лаборатории');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', join(out, 'redline.pdf'), join(out, 'page')]);
  }, 180_000);
});
