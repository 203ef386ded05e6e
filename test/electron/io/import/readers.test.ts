import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, readLawFile } from '../../../../electron/io/import';
import { printLaw } from '../../../../shared/law';
import { storedZip } from '../../../helpers/zip';

const utf8 = (s: string) => new TextEncoder().encode(s);
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const docx = (body: string) => storedZip({ 'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>` });
const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

describe('structure detection on official texts', () => {
  it('takes section and chapter headings printed in capitals, in Russian and Kazakh', () => {
    const ru = readLawFile('ru.txt', utf8('РАЗДЕЛ 1. ОБЩАЯ ЧАСТЬ\nГЛАВА 1. ОБЩИЕ ПОЛОЖЕНИЯ\nСтатья 1. Термины\n1. Текст.\nРАЗДЕЛ 2. ОСОБЕННАЯ ЧАСТЬ\nСтатья 2. Нормы\n1. Текст.\n'));
    expect(ru.law.body.map((u) => [u.kind, u.num, u.heading])).toEqual([
      ['section', '1', 'ОБЩАЯ ЧАСТЬ'],
      ['section', '2', 'ОСОБЕННАЯ ЧАСТЬ'],
    ]);
    expect(ru.findings).toEqual([]);
    const kk = readLawFile('kk.txt', utf8('1-БӨЛІМ. ЖАЛПЫ БӨЛІМ\n1-бап. Терминдер\n1. Мәтін.\n'));
    expect(kk.law.body[0]).toMatchObject({ kind: 'section', num: '1', heading: 'ЖАЛПЫ БӨЛІМ' });
  });

  it('warns about a line in capitals read as a new line of the unit above', () => {
    const read = readLawFile('x.txt', utf8('Статья 1. Термины\n1. Текст.\nПЕРЕХОДНЫЕ ПОЛОЖЕНИЯ\n'));
    expect(read.findings.map((f) => f.code)).toEqual(['CAPS_LINE']);
  });
});

describe('the HTML reader', () => {
  it('keeps a numbered paragraph in italics as law text (with a warning), and a highlight is not a note', () => {
    const html = '<html><body><p><b>Статья 1. Термины</b></p><p><i>1. Курсивом набранный пункт.</i></p><p style="background-color: red">2. Выделенный пункт.</p><p><span style="color:red"><i>Сноска. Статья 1 изменена.</i></span></p></body></html>';
    const read = readLawFile('x.html', utf8(html));
    expect(printLaw(read.law)).toBe('Статья 1. Термины\n1. Курсивом набранный пункт.\n2. Выделенный пункт.\nСноска. Статья 1 изменена.\n');
    expect(read.findings.map((f) => f.code)).toEqual(['NOTE_STYLED_UNIT']);
  });
});

describe('the DOCX reader', () => {
  it('keeps a paragraph that holds a text box, and leaves out deleted and moved-away text', () => {
    const body = [
      p('Статья 1. Термины'),
      `<w:p><w:r><w:t xml:space="preserve">1. Пункт с рамкой</w:t></w:r><w:r><w:pict><w:txbxContent>${p('Текст рамки.')}</w:txbxContent></w:pict></w:r><w:r><w:t xml:space="preserve"> и продолжением.</w:t></w:r></w:p>`,
      `<w:p><w:r><w:t xml:space="preserve">2. Пункт </w:t></w:r><w:del w:id="1" w:author="a" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>удаленный </w:delText></w:r></w:del><w:moveFrom w:id="2" w:author="a" w:date="2026-01-01T00:00:00Z"><w:r><w:t>перенесенный </w:t></w:r></w:moveFrom><w:r><w:t>текст.</w:t></w:r></w:p>`,
    ].join('');
    const read = readLawFile('x.docx', docx(body));
    expect(printLaw(read.law)).toContain('1. Пункт с рамкой и продолжением.');
    expect(printLaw(read.law)).toContain('2. Пункт текст.');
  });

  it('refuses a paragraph past the length limit while reading it, not after', () => {
    const limits = { ...DEFAULT_LIMITS, maxBlockChars: 1000 };
    const long = `<w:p>${Array.from({ length: 50 }, () => '<w:r><w:t>слово слово слово слово слово </w:t></w:r>').join('')}</w:p>`;
    expect(() => readLawFile('x.docx', docx(p('Статья 1. Т') + long), { limits })).toThrow(expect.objectContaining({ kind: 'LIMIT', limit: 'maxBlockChars' }));
  });
});

describe('the Akoma Ntoso reader', () => {
  it('counts units against the paragraph limit', () => {
    const xml = `<?xml version="1.0"?><akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><meta><identification source="#x"><FRBRExpression><FRBRlanguage language="rus"/></FRBRExpression></identification></meta><body>${'<hcontainer name="part"/>'.repeat(200)}</body></act></akomaNtoso>`;
    expect(() => readLawFile('x.xml', utf8(xml), { limits: { ...DEFAULT_LIMITS, maxBlocks: 100 } })).toThrow(expect.objectContaining({ kind: 'LIMIT', limit: 'maxBlocks' }));
  });
});
