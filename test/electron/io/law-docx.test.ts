import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { amendingLawTitle } from '../../../electron/io/amending-law-layout';
import { amendingLawDocx } from '../../../electron/io/law-docx';
import { amendingLawHtml } from '../../../electron/io/law-html';
import type { Lang } from '../../../shared/law';
import { pdfPageTexts } from '../../helpers/pdf-pages';
import { allElements, parseXml, type XmlElement } from '../../helpers/xml-tree';

const root = join(import.meta.dirname, '../../..');
const fixtures = join(root, 'test/fixtures/instructions');
const out = join(root, '.zan-test/law-docx');

/** A paragraph of document.xml: its text, whether all its text is bold, its alignment, and its tab stops. */
function paragraphs(documentXml: string): { text: string; bold: boolean; align: string | undefined; tabs: string[] }[] {
  const body = allElements(parseXml(documentXml)).find((e) => e.name === 'body')!;
  return body.children
    .filter((p) => p.name === 'p')
    .map((p) => {
      const runs = p.children.filter((r) => r.name === 'r');
      const props = (el: XmlElement, name: string) => el.children.find((c) => c.name === name);
      const pPr = props(p, 'pPr');
      return {
        text: runs.map((r) => r.children.map((c) => (c.name === 't' ? c.text : c.name === 'tab' ? '\t' : '')).join('')).join(''),
        bold: runs.length > 0 && runs.filter((r) => r.children.some((c) => c.name === 't' && c.text.trim())).every((r) => !!props(props(r, 'rPr') ?? r, 'b')),
        align: pPr && props(pPr, 'jc')?.attrs['w:val'],
        tabs: pPr ? allElements(pPr).filter((t) => t.name === 'tab').map((t) => `${t.attrs['w:val']}@${t.attrs['w:pos']}`) : [],
      };
    });
}

const TITLES: [Lang, string, string][] = [
  ['ru', 'Проект Закона Республики Казахстан «О внесении изменений и дополнений в Закон Республики Казахстан „О науке“» (иллюстративный пример)', 'О внесении изменений и дополнений в Закон Республики Казахстан „О науке“'],
  ['ru', 'Проект закона о внесении изменений', 'О внесении изменений'],
  ['ru', 'О внесении изменений в Закон «О науке»', 'О внесении изменений в Закон «О науке»'],
  ['kk', '«Ғылым туралы» Қазақстан Республикасының Заңына өзгерістер енгізу туралы Қазақстан Республикасының Заңының жобасы', '«Ғылым туралы» Қазақстан Республикасының Заңына өзгерістер енгізу туралы'],
  ['kk', '«Ғылым туралы заңға өзгерістер енгізу туралы» Қазақстан Республикасы Заңының жобасы', 'Ғылым туралы заңға өзгерістер енгізу туралы'],
  ['en', 'Draft Law of the Republic of Kazakhstan "On Amendments to the Law on Science"', '"On Amendments to the Law on Science"'],
];

describe('the amending law as a document', () => {
  it.each(TITLES)('takes the law’s own title from the package’s (%s: %s)', (lang, packageTitle, title) => {
    expect(amendingLawTitle(lang, packageTitle)).toBe(title);
  });

  const WORDS: Record<Lang, { heading: string; signatory: string; article: string; stamp: string }> = {
    ru: { heading: 'ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН', signatory: 'Президент Республики Казахстан', article: 'Статья 1.', stamp: 'Проект' },
    kk: { heading: 'ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ', signatory: 'Қазақстан Республикасының Президенті', article: '1-бап.', stamp: 'Жоба' },
    en: { heading: 'LAW OF THE REPUBLIC OF KAZAKHSTAN', signatory: 'President of the Republic of Kazakhstan', article: 'Article 1.', stamp: 'Draft' },
  };
  const docx = (lang: Lang) => join(out, `law.${lang}.docx`);
  const lawText = (lang: Lang) => readFileSync(join(fixtures, `amending-law.${lang}.txt`), 'utf8');
  const packageTitle = 'Проект Закона Республики Казахстан «О внесении изменений в Закон „О научно-технической политике“»';

  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    for (const lang of ['ru', 'kk', 'en'] as Lang[]) writeFileSync(docx(lang), await amendingLawDocx({ lang, title: packageTitle, lawText: lawText(lang) }));
  });

  it.each(['ru', 'kk', 'en'] as Lang[])('DOCX (%s): the stamp, the heading and the title centred bold, no preamble, the articles, the signature block', (lang) => {
    const w = WORDS[lang];
    const ps = paragraphs(execFileSync('unzip', ['-p', docx(lang), 'word/document.xml'], { encoding: 'utf8' }));
    const title = lang === 'ru' ? 'О внесении изменений в Закон „О научно-технической политике“' : packageTitle;
    expect(ps.slice(0, 3)).toEqual([
      { text: w.stamp, bold: true, align: 'right', tabs: [] },
      { text: w.heading, bold: true, align: 'center', tabs: [] },
      { text: title, bold: true, align: 'center', tabs: [] },
    ]);
    // No preamble: Article 1 comes right after the title, its label bold, its text not.
    expect(ps[3]!.text.startsWith(`${w.article} `)).toBe(true);
    const lines = lawText(lang).split('\n').filter((l) => l.trim());
    expect(ps.slice(3, -1).map((p) => p.text)).toEqual(lines);
    // The signature at the left, a blank for the name at the right margin (a right tab stop).
    expect(ps.at(-1)).toMatchObject({ text: `${w.signatory}\t____________________`, tabs: ['right@9639'] });
    const footer = execFileSync('unzip', ['-p', docx(lang), 'word/footer1.xml'], { encoding: 'utf8' });
    expect([...footer.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map((m) => m[1]!.trim())).toEqual(['PAGE']);
  });

  it('renders in LibreOffice as laid out: the signature after the last article, a page number at the foot (PDF, PNG)', () => {
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(out, 'profile')}`, '--convert-to', 'pdf', '--outdir', out, docx('ru')], { stdio: 'pipe', timeout: 120_000 });
    const pdf = join(out, 'law.ru.pdf');
    const [page] = pdfPageTexts(pdf);
    expect(page).toMatch(/^Проект ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН О внесении изменений в Закон „О научно-технической политике“ Статья 1\. Внести в Закон/);
    expect(page).toMatch(/Статья 2\. Настоящий Закон вводится в действие[^]*Президент Республики Казахстан ____________________ 1$/);
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(out, 'law.ru')]);
  }, 180_000);

  it('HTML: the same layout, printable', () => {
    const html = amendingLawHtml('kk', '«Ғылым туралы» Заңға өзгерістер енгізу туралы Қазақстан Республикасының Заңының жобасы', lawText('kk'));
    expect(html).toContain('<p class="stamp">Жоба</p>\n<h1>ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ</h1>\n<h2>«Ғылым туралы» Заңға өзгерістер енгізу туралы</h2>\n<p class="article"><b>1-бап.</b> «Ғылыми-техникалық саясат туралы»');
    expect(html).toContain('<div class="signature"><b>Қазақстан Республикасының Президенті</b><span>____________________</span></div>\n</body>');
    expect(html).toContain('@bottom-center { content: counter(page)');
  });
});
