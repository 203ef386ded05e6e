import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { htmlToPdfHeadless } from '../../../electron/io/pdf-headless';
import { BundleJobs, type BundleStatus } from '../../../electron/services/bundle';
import type { ServiceContext } from '../../../electron/services/context';
import { setIdentity } from '../../../electron/services/identity';
import { saveDraft } from '../../../electron/services/drafts';
import { exportAkn, exportRedline, safeFileName, type ExportDeps } from '../../../electron/services/export';
import { allElements, parseXml } from '../../helpers/xml-tree';
import { startEditedPackage, startPackage, useTestContext } from '../harness';
import { pdfText } from '../../helpers/pdf-text';
import { connectionOf } from '../../../electron/store/connection';

const current = useTestContext();
let dir: string;
let ctx: ServiceContext;
beforeEach(() => ({ dir, ctx } = current()));

const deps = (path: (name: string) => string | null, printPdf: ExportDeps['printPdf'] = htmlToPdfHeadless): ExportDeps => ({
  chooseSavePath: async (name) => path(name),
  chooseFolder: async () => dir,
  printPdf,
});

describe('exporting a draft', () => {
  it('writes the redline DOCX where the user chose, with the package author on each revision and the justification as a comment', async () => {
    const { pkgId, versionId } = startEditedPackage(ctx);
    let suggested = '';
    const out = join(dir, 'redline.docx');
    const result = await exportRedline(ctx, { packageId: pkgId, versionId, format: 'docx', changedOnly: true, comments: true }, deps((name) => ((suggested = name), out)));
    expect(result).toEqual({ path: out });
    expect(suggested).toMatch(/^Текст с изменениями — .*\.docx$/);
    const xml = execFileSync('unzip', ['-p', out, 'word/document.xml'], { encoding: 'utf8' });
    // Nobody was named: the change is not signed with the program's name but said to have no author.
    expect(xml).toMatch(/<w:ins [^>]*w:author="Автор не указан"[^>]*>.*?<w:t[^>]*>и колледжи /);
    expect(xml).toMatch(/<w:del [^>]*>(?:(?!<\/w:del>).)*Настоящий Закон вводится/);
    expect(execFileSync('unzip', ['-p', out, 'word/comments.xml'], { encoding: 'utf8' })).toContain('Колледжи участвуют в консорциумах.');
    // Whoever exports later did not make the change: it is not signed with their name either.
    setIdentity(ctx, { name: 'Экспортирующий', role: '' });
    await exportRedline(ctx, { packageId: pkgId, versionId, format: 'docx', changedOnly: true, comments: true }, deps(() => out));
    const again = execFileSync('unzip', ['-p', out, 'word/document.xml'], { encoding: 'utf8' }) + execFileSync('unzip', ['-p', out, 'word/comments.xml'], { encoding: 'utf8' });
    expect(again).not.toContain('Экспортирующий');
    expect(again).toMatch(/<w:ins [^>]*w:author="Автор не указан"/);
  });

  it('signs each amendment with who last changed it and when, across saves by different people', async () => {
    const { pkgId, versionId, p17, p19 } = startPackage(ctx, 'Проект');
    setIdentity(ctx, { name: 'А. Разработчик', role: 'drafter' });
    const first = saveDraft(ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
    setIdentity(ctx, { name: 'Б. Юрист', role: 'lawyer' });
    const second = saveDraft(ctx, { versionId, revision: first.revision, upserts: [{ ...p19, text: 'Исключен.', repealed: true }], deletes: [] });
    const out = join(dir, 'signed.docx');
    await exportRedline(ctx, { packageId: pkgId, versionId, format: 'docx', changedOnly: true, comments: false }, deps(() => out));
    const xml = execFileSync('unzip', ['-p', out, 'word/document.xml'], { encoding: 'utf8' });
    const revisions = [...xml.matchAll(/<w:(ins|del) w:id="\d+" w:author="([^"]+)" w:date="([^"]+)">(?:(?!<\/w:\1>).)*?<w:(?:t|delText)[^>]*>([^<]*)</g)].map((m) => [m[2], m[3], m[4]]);
    // The first person's change keeps their name and time after the second person's save.
    expect(revisions).toContainEqual(['А. Разработчик', first.savedAt, 'и колледжи ']);
    expect(revisions).toContainEqual(['Б. Юрист', second.savedAt, 'Исключен.']);
    expect(new Set(revisions.map((r) => r[0]))).toEqual(new Set(['А. Разработчик', 'Б. Юрист']));
  });

  it('does not let the next person to save claim amendments stored before anyone signed them', async () => {
    const { versionId, p17, p19 } = startPackage(ctx, 'Проект');
    const first = saveDraft(ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
    // A database from before amendments were signed: the amendment is stored, its signature is not.
    connectionOf(ctx.store).prepare('DELETE FROM amendment_revision').run();
    setIdentity(ctx, { name: 'Б. Юрист', role: 'lawyer' });
    const second = saveDraft(ctx, { versionId, revision: first.revision, upserts: [{ ...p19, text: 'Исключен.', repealed: true }], deletes: [] });
    const signed = ctx.store.amendments.revisions(versionId);
    expect(signed.get(p17.uid)).toMatchObject({ author: '', changedAt: first.savedAt });
    expect(signed.get(p19.uid)).toMatchObject({ author: 'Б. Юрист', changedAt: second.savedAt });
  });

  it('prints the PDF from the HTML redline, and writes nothing when the dialog is cancelled', async () => {
    const { pkgId, versionId } = startEditedPackage(ctx);
    let printed = '';
    const out = join(dir, 'redline.pdf');
    await exportRedline(ctx, { packageId: pkgId, versionId, format: 'pdf', changedOnly: false, comments: false }, deps(() => out, async (html) => ((printed = html), htmlToPdfHeadless(html))));
    expect(printed).toContain('<ins>и колледжи </ins>');
    expect(pdfText(out)).toContain('Университеты и колледжи вправе');
    expect(await exportRedline(ctx, { packageId: pkgId, versionId, format: 'html', changedOnly: false, comments: false }, deps(() => null))).toEqual({ path: null });
    expect(readdirSync(dir).filter((f) => f.endsWith('.html'))).toEqual([]);
  }, 60_000);

  it('refuses a draft of another package', async () => {
    const { versionId } = startEditedPackage(ctx);
    const other = startPackage(ctx, 'Другой');
    await expect(exportRedline(ctx, { packageId: other.pkgId, versionId, format: 'html', changedOnly: false, comments: false }, deps(() => join(dir, 'x.html')))).rejects.toThrow(/No working draft/);
  });

  it('writes the package as an Akoma Ntoso amendment document and the draft as an act', async () => {
    const { pkgId, versionId } = startEditedPackage(ctx);
    const amendment = join(dir, 'package.xml');
    await exportAkn(ctx, { packageId: pkgId, lang: 'ru', document: 'package' }, async () => amendment);
    const doc = parseXml(readFileSync(amendment, 'utf8'));
    expect(allElements(doc).filter((e) => e.name === 'textualMod').map((e) => e.attrs['type'])).toEqual(['substitution', 'repeal']);
    expect(allElements(doc).find((e) => e.name === 'amendmentJustification')?.text).toContain('Колледжи участвуют в консорциумах.');
    const act = join(dir, 'act.xml');
    await exportAkn(ctx, { packageId: pkgId, lang: 'ru', document: 'draft', versionId }, async () => act);
    const units = allElements(parseXml(readFileSync(act, 'utf8')));
    // The repeal the draft makes, beside the stubs the law in force already had.
    expect(units.find((e) => e.attrs['eId'] === 'chp_2__art_19__para_1')?.attrs['refersTo']).toBe('#repealed');
    expect(units.find((e) => e.attrs['eId'] === 'chp_1__art_17__para_1')?.text).toContain('Университеты и колледжи вправе:');
  });
});

/** Polls a bundle until it is no longer running. */
async function finished(jobs: BundleJobs, jobId: string): Promise<BundleStatus> {
  for (;;) {
    const status = jobs.status(jobId);
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the package bundle', () => {
  it('writes the redline, table, amending law, coverage and AKN into a new folder, reporting progress', async () => {
    const { pkgId } = startEditedPackage(ctx);
    const jobs = new BundleJobs();
    const started = (await jobs.start(ctx, { packageId: pkgId, lang: 'ru', changedOnly: false, comments: true }, deps(() => null)))!;
    expect(started).toMatchObject({ state: 'running', done: 0, total: 6 });
    const done = await finished(jobs, started.jobId);
    expect(done).toMatchObject({ state: 'done', done: 6, total: 6, error: null });
    expect(done.folder).toBe(join(dir, 'Проект Закона о внесении изменений (ru)'));
    expect(readdirSync(done.folder!).sort()).toEqual(
      ['Akoma Ntoso (ru).xml', 'Покрытие пробелов (ru).csv', 'Покрытие пробелов (ru).html', 'Проект закона (ru).docx', 'Сравнительная таблица (ru).docx', 'Текст с изменениями — Тестовый закон.docx'].sort(),
    );
    // Nothing else is left beside it (the staging folder is gone).
    expect(readdirSync(dir).filter((f) => f.includes('Проект Закона') || f.endsWith('.part'))).toEqual(['Проект Закона о внесении изменений (ru)']);
    // A second export never writes into the first one's folder.
    const again = await finished(jobs, (await jobs.start(ctx, { packageId: pkgId, lang: 'ru', changedOnly: true, comments: false }, deps(() => null)))!.jobId);
    expect(again.folder).toBe(join(dir, 'Проект Закона о внесении изменений (ru) 2'));
    expect(readdirSync(done.folder!)).toHaveLength(6);
  });

  it('on cancel, stops between files and leaves nothing behind', async () => {
    const { pkgId } = startEditedPackage(ctx);
    const jobs = new BundleJobs();
    const started = (await jobs.start(ctx, { packageId: pkgId, lang: 'ru', changedOnly: false, comments: false }, deps(() => null)))!;
    expect(jobs.cancel(started.jobId).state).toBe('running');
    const status = await finished(jobs, started.jobId);
    expect(status.state).toBe('cancelled');
    expect(status.done).toBeLessThan(status.total);
    expect(readdirSync(dir).filter((f) => f.includes('Проект Закона') || f.endsWith('.part'))).toEqual([]);
  });

  it("names the folder within the file system's limit for a long Cyrillic title, and reports a failure instead of hanging", async () => {
    const long = `Проект Закона Республики Казахстан «${'О внесении изменений и дополнений '.repeat(8)}»`;
    const { pkgId, versionId, p17 } = startPackage(ctx, long);
    saveDraft(ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
    const jobs = new BundleJobs();
    const done = await finished(jobs, (await jobs.start(ctx, { packageId: pkgId, lang: 'ru', changedOnly: false, comments: false }, deps(() => null)))!.jobId);
    expect(done.state).toBe('done');
    expect(Buffer.byteLength(basename(done.folder!))).toBeLessThanOrEqual(255);
    expect(safeFileName('a/b:c*d?')).toBe('a b c d');
    // A destination that is a file, not a folder: the export fails with the reason, and ends.
    writeFileSync(join(dir, 'not-a-folder'), '');
    const failed = await finished(jobs, (await jobs.start(ctx, { packageId: pkgId, lang: 'ru', changedOnly: false, comments: false }, { ...deps(() => null), chooseFolder: async () => join(dir, 'not-a-folder') }))!.jobId);
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatch(/ENOTDIR|EEXIST|not a directory/i);
  });

  it('starts nothing when the folder dialog is cancelled', async () => {
    const { pkgId } = startEditedPackage(ctx);
    const jobs = new BundleJobs();
    expect(await jobs.start(ctx, { packageId: pkgId, lang: 'ru', changedOnly: false, comments: false }, { ...deps(() => null), chooseFolder: async () => null })).toBeNull();
    expect(existsSync(join(dir, 'Проект Закона о внесении изменений (ru)'))).toBe(false);
  });
});
