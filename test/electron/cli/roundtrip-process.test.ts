import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/store/database';
import { createStore } from '../../../electron/store/store';
import { connectionOf } from '../../../electron/store/connection';
import { pdfText } from '../../helpers/pdf-text';

const root = join(import.meta.dirname, '../../..');
const fixtures = join(root, 'test/fixtures/instructions');
const work = mkdtempSync(join(tmpdir(), 'zan-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the real `zan` command (what `npx zan` runs in a checkout) and returns its output. */
function zan(...args: string[]): string {
  return execFileSync(process.execPath, [join(root, 'scripts/cli/zan.mjs'), ...args], { cwd: root, encoding: 'utf8' });
}

describe('zan instructions, then zan apply, gives the draft (the real command)', () => {
  it.each(['ru', 'kk', 'en'])('%s', (lang) => {
    const base = join(fixtures, `base.${lang}.txt`);
    const draft = join(fixtures, `draft.${lang}.txt`);
    const law = join(work, `law.${lang}.txt`);
    writeFileSync(law, zan('instructions', base, draft, '--lang', lang));
    expect(readFileSync(law, 'utf8')).toMatch(lang === 'kk' ? /^1-бап\./ : lang === 'ru' ? /^Статья 1\./ : /^Article 1\./);
    expect(zan('apply', base, law, '--lang', lang)).toBe(readFileSync(draft, 'utf8'));
  });
});

describe('zan table (the real command)', () => {
  it('writes the comparative table as HTML and as DOCX', () => {
    const base = join(fixtures, 'base.ru.txt');
    const draft = join(fixtures, 'draft.ru.txt');
    const html = join(work, 'table.html');
    expect(zan('table', base, draft, '--out', html)).toBe(`${html}: 11 rows\n`);
    const page = readFileSync(html, 'utf8');
    expect(page.match(/<tr>/g)?.length).toBe(12);
    expect(page).toContain('<th>Действующая редакция</th>');
    const docx = join(work, 'table.docx');
    zan('table', base, draft, '--out', docx, '--lang', 'ru');
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('zan redline (the real command)', () => {
  it('writes the draft with tracked changes', () => {
    const out = join(work, 'redline.docx');
    expect(zan('redline', join(fixtures, 'base.en.txt'), join(fixtures, 'draft.en.txt'), '--out', out, '--author', 'Reviewer')).toBe(`${out}: 11 amendments as tracked changes\n`);
    const xml = execFileSync('unzip', ['-p', out, 'word/document.xml'], { encoding: 'utf8' });
    expect(xml).toMatch(/<w:ins [^>]*w:author="Reviewer"/);
    expect(xml).toMatch(/<w:del [^>]*w:author="Reviewer"/);
  });

  it('writes it as HTML, and as a PDF printed from that HTML', () => {
    const [base, draft] = ['base', 'draft'].map((n) => join(root, `test/fixtures/redline/${n}.ru.txt`)) as [string, string];
    const html = join(work, 'redline.html');
    zan('redline', base, draft, '--out', html, '--changed-only', '--author', 'А. Разработчик');
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<del>ежегодно</del><ins>ежеквартально</ins>');
    expect(page).not.toContain('Статья 6. Гранты');
    const pdf = join(work, 'redline.pdf');
    expect(zan('redline', base, draft, '--out', pdf)).toBe(`${pdf}: 11 amendments as tracked changes\n`);
    expect(pdfText(pdf)).toContain('Статья 6. Гранты');
  }, 120_000);
});

describe('zan akn (the real command)', () => {
  it('prints the law as an Akoma Ntoso act, with the eId of each unit', () => {
    const xml = zan('akn', join(fixtures, 'base.kk.txt'), '--date', '2024-07-01', '--number', '103-VIII');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<akomaNtoso xmlns="http:\/\/docs.oasis-open.org\/legaldocml\/ns\/akn\/3.0">/);
    expect(xml).toContain('<FRBRuri value="/akn/kz/act/2024-07-01/103-VIII/kaz@2024-07-01"/>');
    expect(xml).toMatch(/<article eId="(chp_1__)?art_5">\s*<num>5-бап\.<\/num>/);
  });
});

describe('every command reads HTML, DOCX and AKN too; zan import (the real command)', () => {
  const golden = join(root, 'test/fixtures/import/golden');

  it.each(['law.kk.html', 'law.kk.docx', 'law.kk.akn.xml'])('zan check %s', (file) => {
    expect(zan('check', join(golden, file))).toBe(`${join(golden, file)}: OK (kk; «Ғылыми-техникалық саясат туралы»; law of 2024-07-01 № 103-VIII; 0 sections, 2 chapters, 5 articles, 2 article texts (lead-ins), 0 parts, 4 paragraphs, 4 subparagraphs)\n`);
  });

  it('zan diff between a portal page and a Word document of the same law finds nothing; against an edited text it finds the edit', () => {
    expect(zan('diff', join(golden, 'law.ru.html'), join(golden, 'law.ru.docx'))).toBe('No amendments: the texts are the same.\n');
    const edited = join(work, 'edited.ru.txt');
    writeFileSync(edited, readFileSync(join(golden, 'law.ru.txt'), 'utf8').replace('на конкурсной основе;', 'на конкурсной и безвозмездной основе;'));
    expect(zan('diff', join(golden, 'law.ru.docx'), edited)).toContain('и безвозмездной');
  });

  it('zan import: a new law from a Word document, then a new version of it from the portal page', () => {
    const db = join(work, 'import.sqlite');
    openDatabase(db).close();
    expect(zan('import', join(golden, 'law.en.docx'), '--db', db)).toMatch(/imported \(docx, en; 2 chapters, 5 articles, 4 paragraphs, 4 subparagraphs\) as a new law\.\n$/);
    const store = createStore(openDatabase(db));
    const [imported] = store.works.listWorks();
    connectionOf(store).close();
    expect(imported).toMatchObject({ number: '103-VIII', date: '2024-07-01', kind: 'law' });
    expect(zan('import', join(golden, 'law.en.html'), '--db', db, '--into', imported!.slug, '--from', '2026-01-01')).toContain(`as a new version of ${imported!.slug} in force from 2026-01-01.`);
  });

  it('zan import without --db uses the app\'s own database', () => {
    const config = join(work, 'config');
    mkdirSync(join(config, 'Zan Workbench'), { recursive: true });
    openDatabase(join(config, 'Zan Workbench', 'zan-workbench.sqlite')).close();
    const run = spawnSync(process.execPath, [join(root, 'scripts/cli/zan.mjs'), 'import', join(golden, 'law.kk.akn.xml')], { cwd: root, encoding: 'utf8', env: { ...process.env, XDG_CONFIG_HOME: config } });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/imported \(akn, kk; .*\) as a new law\./);
  });

  it('a refused file: exit 2 and the reason, naming the file and the limit', () => {
    const bomb = join(root, 'test/fixtures/import/bad/zip-bomb-ratio.docx');
    const run = spawnSync(process.execPath, [join(root, 'scripts/cli/zan.mjs'), 'check', bomb], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/zip-bomb-ratio\.docx: entry word\/media\/zeros\.bin would inflate \d+ times its size \(limit maxCompressionRatio = 100\)/);
  });
});
