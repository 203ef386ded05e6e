import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { redlineDocx } from '../../../electron/io/redline-docx';
import { derive, type Amendment } from '../../../shared/amend';
import { assignEIds, parseLaw, type LawDoc } from '../../../shared/law';
import { redlineParagraphs } from '../../../shared/redline';
import { lawLines } from '../../helpers/law-lines';
import { allElements, parseXml, type XmlElement } from '../../helpers/xml-tree';
import { pdfText } from '../../helpers/pdf-text';
import { pdfPageTexts } from '../../helpers/pdf-pages';

const root = join(import.meta.dirname, '../../..');
const fixtures = join(root, 'test/fixtures/redline');
const out = join(root, '.zan-test/redline-docx');

const DRAFTER = 'А. Разработчик';
const REVIEWER = 'Б. Рецензент';

/**
 * The revisions one amendment should show, from the amendment alone: each word operation is one
 * insertion or deletion; a new unit (with what is under it) one insertion; a unit removed from the
 * text (with its content) one deletion; a repeal its wording deleted and the stub inserted, plus one
 * deletion for the content that leaves with it; a new number the old one deleted and the new inserted.
 */
function expectedRevisions(a: Amendment): { ins: number; del: number } {
  if (a.kind === 'insert') return { ins: 1, del: 0 };
  // A unit that moved: deleted where it stood, inserted where it stands (with what is under it).
  if (a.placement && a.base && a.proposed) return { ins: 1, del: 1 };
  if (!a.proposed) return { ins: 0, del: 1 };
  const renumbered = a.base!.num !== a.proposed.num ? 1 : 0;
  if (a.kind === 'repeal') return { ins: 1 + renumbered, del: 1 + renumbered + (a.dropped.length ? 1 : 0) };
  const ops = [...a.headingOps, ...a.ops];
  return { ins: ops.filter(([op]) => op === 1).length + renumbered, del: ops.filter(([op]) => op === -1).length + renumbered };
}

/** The tracked changes LibreOffice reports in a flat ODT: kind and author of each. */
function trackedChanges(fodt: string): { kind: 'insertion' | 'deletion'; author: string }[] {
  const regions = [...fodt.matchAll(/<text:changed-region\b[^>]*>\s*<text:(insertion|deletion)>\s*<office:change-info>\s*<dc:creator>([^<]*)<\/dc:creator>/g)];
  return regions.map((m) => ({ kind: m[1] as 'insertion' | 'deletion', author: m[2]! }));
}

/**
 * The lines Word shows after "Accept all changes" (or "Reject all"), read from document.xml: the
 * text of each paragraph without the rejected side; a paragraph whose mark goes joins the next.
 */
function resolvedDocx(documentXml: string, accept: boolean): string[] {
  const gone = accept ? 'del' : 'ins';
  const text = (el: XmlElement): string => (el.name === gone ? '' : el.name === 't' || el.name === 'delText' ? el.text : el.children.map(text).join(''));
  const lines: string[] = [];
  let carry = '';
  for (const p of allElements(parseXml(documentXml)).filter((e) => e.name === 'p')) {
    const mark = p.children.find((c) => c.name === 'pPr')?.children.find((c) => c.name === 'rPr')?.children.find((c) => c.name === 'ins' || c.name === 'del');
    const line = carry + text(p);
    carry = mark?.name === gone ? line : '';
    if (!carry && line) lines.push(line);
  }
  return lines.slice(1); // the title
}

function soffice(format: string, file: string): void {
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(out, 'profile')}`, '--convert-to', format, '--outdir', out, file], { stdio: 'pipe', timeout: 120_000 });
}

describe('the redlined DOCX', () => {
  let base: LawDoc;
  let draft: LawDoc;
  let amendments: Amendment[];
  // Article 8's changes are the reviewer's; the rest the drafter's.
  const authorOf = (uid: string) => (amendments.find((a) => a.uid === uid)!.eId.includes('art_8') ? REVIEWER : DRAFTER);
  const docxPath = join(out, 'redline.docx');

  beforeAll(async () => {
    base = parseLaw(readFileSync(join(fixtures, 'base.ru.txt'), 'utf8'));
    draft = parseLaw(readFileSync(join(fixtures, 'draft.ru.txt'), 'utf8'));
    amendments = derive(base, draft);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const labs = amendments.find((a) => a.eId === 'chp_1__art_5-1')!;
    const docx = await redlineDocx(redlineParagraphs(base, draft, amendments), {
      title: 'О научно-технической политике',
      revisionOf: (uid) => ({ author: authorOf(uid), date: '2026-11-27T10:00:00Z' }),
      comments: new Map([[labs.uid, 'Законодательный пробел (LEGISLATIVE_GAP).\nСовместных лабораторий закон не знает.']]),
    });
    writeFileSync(docxPath, docx);
  });

  it('has as many tracked insertions and deletions, by the same authors, as the amendments have operations (counted by LibreOffice)', () => {
    expect(amendments.map((a) => a.kind).sort()).toEqual(['insert', 'insert', 'renumber', 'repeal', 'repeal', 'repeal', 'words', 'words', 'words', 'words', 'words']);
    soffice('fodt', docxPath);
    const fodt = readFileSync(join(out, 'redline.fodt'), 'utf8');
    const changes = trackedChanges(fodt);
    // The gap note arrives as a comment by the amendment's author.
    expect(fodt).toMatch(new RegExp(`<office:annotation\\b[^>]*>\\s*<dc:creator>${DRAFTER}</dc:creator>[\\s\\S]*?Совместных лабораторий закон не знает`));
    for (const author of [DRAFTER, REVIEWER]) {
      const mine = amendments.filter((a) => authorOf(a.uid) === author).map(expectedRevisions);
      const expected = { ins: mine.reduce((n, r) => n + r.ins, 0), del: mine.reduce((n, r) => n + r.del, 0) };
      const reported = {
        ins: changes.filter((c) => c.author === author && c.kind === 'insertion').length,
        del: changes.filter((c) => c.author === author && c.kind === 'deletion').length,
      };
      expect(reported, author).toEqual(expected);
      expect(expected.ins + expected.del).toBeGreaterThan(0);
    }
    expect(changes.length).toBe(changes.filter((c) => c.author === DRAFTER || c.author === REVIEWER).length);
  }, 180_000);

  it('accepting every revision gives the draft, rejecting every revision the law in force', () => {
    const xml = execFileSync('unzip', ['-p', docxPath, 'word/document.xml'], { encoding: 'utf8' });
    expect(resolvedDocx(xml, true)).toEqual(lawLines(draft));
    expect(resolvedDocx(xml, false)).toEqual(lawLines(base));
  });

  it('writes word-level runs, the repealed stub as the law prints it, tracked paragraph marks and the comment', () => {
    const xml = execFileSync('unzip', ['-p', docxPath, 'word/document.xml'], { encoding: 'utf8' });
    const texts = (tag: string) => [...xml.matchAll(new RegExp(`<w:${tag} [^>]*>([\\s\\S]*?)</w:${tag}>`, 'g'))].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    expect(texts('ins')).toEqual(expect.arrayContaining(['и безвозмездной ', 'университетов', 'Исключен.', 'Исключена.', 'Статья 5-1. Совместные лаборатории', '2. ']));
    expect(texts('del')).toEqual(expect.arrayContaining(['организаций высшего образования', 'Совет рассматривает отчеты организаций высшего образования.', '1. Премии присуждаются ежегодно.', '3. ']));
    expect(xml).toContain('w:date="2026-11-27T10:00:00Z"');
    // A new or removed line's paragraph mark is a revision too, so rejecting it leaves no empty line.
    expect(xml).toMatch(/<w:pPr>[\s\S]*?<w:rPr><w:ins [^>]*\/><\/w:rPr>[\s\S]*?<\/w:pPr>/);
    expect(xml).toMatch(/<w:pPr>[\s\S]*?<w:rPr><w:del [^>]*\/><\/w:rPr>[\s\S]*?<\/w:pPr>/);
    expect(xml).toContain('<w:commentReference w:id="0"/>');
    const comments = execFileSync('unzip', ['-p', docxPath, 'word/comments.xml'], { encoding: 'utf8' });
    expect(comments).toContain('Совместных лабораторий закон не знает.');
    expect(comments).toContain(`w:author="${DRAFTER}"`);
    expect(execFileSync('unzip', ['-p', docxPath, 'word/settings.xml'], { encoding: 'utf8' })).toContain('<w:trackRevisions/>');
  });

  it('renders in LibreOffice (PDF, first page as PNG) with the law and its changes', () => {
    soffice('pdf', docxPath);
    const text = pdfText(join(out, 'redline.pdf'));
    expect(text).toContain('Совместные лаборатории');
    expect(text).toContain('Премии присуждаются ежегодно');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', join(out, 'redline.pdf'), join(out, 'page')]);
  }, 180_000);

  it('shows a unit that moved as deleted where it stood and inserted where it stands (counted by LibreOffice)', async () => {
    // The same lineage (uids), as in a package: paragraph 4 of article 5 moves to the end of article 8, reworded.
    const moved = structuredClone(base);
    const article = (num: string) => moved.body.flatMap((c) => c.children).find((u) => u.kind === 'article' && u.num === num)!;
    const [paragraph] = article('5').children.splice(3, 1);
    article('8').children.push({ ...paragraph!, num: '4', text: 'Положение о совете утверждается Правительством.' });
    assignEIds(moved.body);
    const movedAmendments = derive(base, moved);
    expect(movedAmendments.map((a) => [a.kind, a.eId])).toEqual([['move', 'chp_1__art_5__para_4']]);
    const path = join(out, 'moved.docx');
    writeFileSync(path, await redlineDocx(redlineParagraphs(base, moved, movedAmendments), { title: 'T', revisionOf: () => ({ author: DRAFTER, date: '2026-11-27T10:00:00Z' }) }));
    soffice('fodt', path);
    const changes = trackedChanges(readFileSync(join(out, 'moved.fodt'), 'utf8'));
    expect({ ins: changes.filter((c) => c.kind === 'insertion').length, del: changes.filter((c) => c.kind === 'deletion').length }).toEqual(expectedRevisions(movedAmendments[0]!));
    const xml = execFileSync('unzip', ['-p', path, 'word/document.xml'], { encoding: 'utf8' });
    expect(resolvedDocx(xml, true)).toEqual(lawLines(moved));
    expect(resolvedDocx(xml, false)).toEqual(lawLines(base));
  }, 180_000);
});

describe('the redlined DOCX as a reviewer gets it: pages, footnotes, comment threads', () => {
  const base = parseLaw(readFileSync(join(fixtures, 'base.ru.txt'), 'utf8'));
  const noted = parseLaw(readFileSync(join(fixtures, 'draft.ru.txt'), 'utf8'));
  // A footnote on paragraph 2 of article 5, as the consolidated text has it (the same in both texts: it is metadata).
  for (const law of [base, noted]) law.body[0]!.children.find((a) => a.num === '5')!.children[1]!.notes = ['Сноска. Пункт 2 в редакции Закона РК от 12.01.2026 № 252-VIII.'];
  const amendments = derive(base, noted);
  const council = amendments.find((a) => a.eId === 'chp_1__art_5__para_1')!;
  const path = join(out, 'reviewed.docx');
  const part = (name: string) => execFileSync('unzip', ['-p', path, name], { encoding: 'utf8' });

  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    const threads = new Map([
      [
        council.uid,
        [
          { id: 'c1', parentId: null, author: REVIEWER, text: 'Почему исключено слово «государственных»?', createdAt: '2026-11-28T09:00:00Z' },
          { id: 'c2', parentId: 'c1', author: DRAFTER, text: 'Советы создаются и при холдингах.', createdAt: '2026-11-28T10:00:00Z' },
          { id: 'c3', parentId: 'c2', author: REVIEWER, text: 'Принято.', createdAt: '2026-11-28T11:00:00Z' },
        ],
      ],
    ]);
    writeFileSync(
      path,
      await redlineDocx(redlineParagraphs(base, noted, amendments), {
        lang: 'ru',
        title: 'О научно-технической политике',
        packageTitle: 'Проект Закона «О внесении изменений по вопросам науки»',
        date: '2026-11-27',
        revisionOf: () => ({ author: DRAFTER, date: '2026-11-27T10:00:00Z' }),
        threads,
      }),
    );
  });

  it('has a running header (law, package, date, "Проект" at the right margin) and a footer with PAGE and NUMPAGES fields', () => {
    const header = part('word/header1.xml');
    for (const text of ['О научно-технической политике', 'Проект Закона «О внесении изменений по вопросам науки» · 27 ноября 2026 г.', 'Проект']) expect(header).toContain(`>${text}<`);
    expect(header).toMatch(/<w:tab w:val="right" w:pos="9639"\/>/);
    const footer = part('word/footer1.xml');
    expect([...footer.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map((m) => m[1]!.trim())).toEqual(['PAGE', 'NUMPAGES']);
    expect(footer).toMatch(/стр\. <\/w:t>[\s\S]*PAGE[\s\S]* из <\/w:t>[\s\S]*NUMPAGES/);
    const document = part('word/document.xml');
    expect(document).toMatch(/<w:headerReference w:type="default" r:id="[^"]+"\/>/);
    expect(document).toMatch(/<w:footerReference w:type="default" r:id="[^"]+"\/>/);
    expect(document).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1020" w:left="1417"/);
    // Word draws change bars beside tracked changes unless the document hides its markup: it does not.
    expect(part('word/settings.xml')).toContain('<w:trackRevisions/>');
    expect(part('word/settings.xml')).not.toContain('revisionView');
  });

  it('prints the footnote after its paragraph, kept with it, and indents subparagraphs under their paragraph', () => {
    const document = part('word/document.xml');
    expect(document).toMatch(/<w:pStyle w:val="ZanParagraph"\/><w:keepNext\/><\/w:pPr>(?:(?!<\/w:p>).)*В состав совета(?:(?!<\/w:p>).)*<\/w:p><w:p><w:pPr><w:pStyle w:val="ZanNote"\/>(?:(?!<\/w:p>).)*<\/w:pPr>(?:(?!<\/w:p>).)*Сноска\. Пункт 2 в редакции/);
    const styles = part('word/styles.xml');
    expect(styles).toMatch(/w:styleId="ZanSubparagraph"[\s\S]*?<w:ind w:left="567" w:firstLine="567"\/>/);
    expect(styles).toMatch(/w:styleId="ZanNote"[\s\S]*?<w:keepLines\/>/);
  });

  it('writes the review thread as Word comments with replies (commentsExtended.xml), each anchored on the amendment’s first line', () => {
    const comments = part('word/comments.xml');
    expect([...comments.matchAll(/<w:comment w:id="(\d+)"[^>]*w:author="([^"]+)"/g)].map((m) => [m[1], m[2]])).toEqual([['0', REVIEWER], ['1', DRAFTER], ['2', REVIEWER]]);
    expect(comments).toContain('Почему исключено слово «государственных»?');
    const paraIds = [...comments.matchAll(/<w:p w14:paraId="([0-9A-F]{8})"/g)].map((m) => m[1]);
    const threads = [...part('word/commentsExtended.xml').matchAll(/<w15:commentEx w15:paraId="([0-9A-F]+)"(?: w15:paraIdParent="([0-9A-F]+)")?/g)].map((m) => [m[1], m[2]]);
    // Both replies (the second one answers the first reply) hang under the thread's first comment, as Word threads them.
    expect(threads).toEqual([[paraIds[0], undefined], [paraIds[1], paraIds[0]], [paraIds[2], paraIds[0]]]);
    expect(part('word/document.xml')).toMatch(/<w:commentReference w:id="0"\/>(?:(?!<\/w:p>).)*<w:commentReference w:id="1"\/>(?:(?!<\/w:p>).)*<w:commentReference w:id="2"\/>(?:(?!<\/w:p>).)*1\. (?:(?!<\/w:p>).)*Отраслевые советы/);
  });

  it('renders in LibreOffice with the header and "стр. N из M" on every page', () => {
    soffice('pdf', path);
    const pdf = join(out, 'reviewed.pdf');
    const heads = pdfPageTexts(pdf, { fromMm: 0, toMm: 20 });
    const feet = pdfPageTexts(pdf, { fromMm: 280, toMm: 297 });
    heads.forEach((head, i) => {
      expect(head).toContain('О научно-технической политике');
      expect(head).toContain('Проект');
      expect(feet[i]).toBe(`стр. ${i + 1} из ${heads.length}`);
    });
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(out, 'reviewed')]);
  }, 180_000);
});
