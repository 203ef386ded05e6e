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

describe('the DOCX reader, on drafts as ministries write them', () => {
  // A list whose level 0 shows "Статья %1." and level 1 "%2." (Word's outline numbering of a law),
  // and a second list "%1)" for subparagraphs, restarted by a second instance that starts at 1.
  const NUMBERING = `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>
    <w:abstractNum w:abstractNumId="10"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Статья %1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum>
    <w:abstractNum w:abstractNumId="20"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>
    <w:abstractNum w:abstractNumId="30"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
    <w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>
    <w:num w:numId="3"><w:abstractNumId w:val="20"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
  </w:numbering>`;
  const STYLES = `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>
    <w:style w:type="paragraph" w:styleId="Statya"><w:name w:val="Статья"/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="Punkt"><w:name w:val="Пункт"/><w:basedOn w:val="Statya"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
  </w:styles>`;
  const styled = (style: string, text: string) => `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const listed = (numId: string, text: string) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const withParts = (body: string, extra: Record<string, string> = {}) =>
    storedZip({ 'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`, 'word/numbering.xml': NUMBERING, 'word/styles.xml': STYLES, ...extra });

  it('reads Word\'s list numbering with the numbers Word shows, from styles (based on one another) and from the paragraphs', () => {
    const body = [
      styled('Statya', 'Основные понятия'),
      p('В настоящем Законе используются следующие понятия:'),
      listed('2', 'грант – средства;'),
      listed('2', 'консорциум – объединение;'),
      styled('Statya', 'Советы'),
      styled('Punkt', 'Советы создаются при органах.'),
      styled('Punkt', 'Советы отчитываются:'),
      listed('3', 'ежегодно;'),
      listed('3', 'публично.'),
      `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr></w:pPr><w:r><w:t>Маркированная строка.</w:t></w:r></w:p>`,
    ].join('');
    const read = readLawFile('draft.docx', withParts(body));
    expect(printLaw(read.law)).toBe(
      'Статья 1. Основные понятия\nВ настоящем Законе используются следующие понятия:\n1) грант – средства;\n2) консорциум – объединение;\n\nСтатья 2. Советы\n1. Советы создаются при органах.\n2. Советы отчитываются:\n1) ежегодно;\n2) публично.\nМаркированная строка.\n',
    );
    // numId 4 is not defined: Word's number for that line cannot be known, and the user is told.
    expect(read.findings.map((f) => f.code)).toEqual(['AUTO_NUMBER']);
  });

  it('reads Strict OOXML as it reads Transitional', () => {
    const strict = 'xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"';
    const doc = storedZip({ 'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document ${strict}><w:body><w:p><w:r><w:t>Статья 1. Термины</w:t></w:r></w:p><w:p><w:r><w:t>1. Текст.</w:t></w:r></w:p></w:body></w:document>` });
    expect(printLaw(readLawFile('strict.docx', doc).law)).toBe('Статья 1. Термины\n1. Текст.\n');
  });

  it('reads a text box once (Word writes it as a choice and again as a fallback)', () => {
    const MCNS = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
    const box = `<w:r><mc:AlternateContent ${MCNS}><mc:Choice Requires="wps"><w:drawing><w:txbxContent>${p('Текст рамки.')}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>${p('Текст рамки.')}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    const read = readLawFile('box.docx', docx(p('Статья 1. Термины') + `<w:p><w:r><w:t xml:space="preserve">1. Пункт.</w:t></w:r>${box}</w:p>`));
    expect(printLaw(read.law).match(/Текст рамки/g)).toHaveLength(1);
  });

  it('honours a tracked deletion of a paragraph mark: the two paragraphs are one', () => {
    const joined = `<w:p><w:pPr><w:rPr><w:del w:id="9" w:author="a" w:date="2026-01-01T00:00:00Z"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">1. Начало пункта </w:t></w:r></w:p><w:p><w:r><w:t>и его конец.</w:t></w:r></w:p>`;
    const read = readLawFile('joined.docx', docx(p('Статья 1. Термины') + joined));
    expect(printLaw(read.law)).toBe('Статья 1. Термины\n1. Начало пункта и его конец.\n');
  });
});

describe('the DOCX reader, on tracked changes of list items', () => {
  const NUMBERING = `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>
    <w:abstractNum w:abstractNumId="20"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>
    <w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>
    <w:num w:numId="5"><w:abstractNumId w:val="20"/></w:num>
  </w:numbering>`;
  const DEL = 'w:id="9" w:author="a" w:date="2026-01-01T00:00:00Z"';
  const item = (text: string, numId = '2') => `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const withNumbering = (body: string) => storedZip({ 'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`, 'word/numbering.xml': NUMBERING });
  const lead = p('Статья 1. Понятия') + p('В настоящем Законе используются понятия:');

  it('a list item deleted as a tracked change (its text and its mark) is not counted: the next keeps its number', () => {
    const deletedItem = `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr><w:rPr><w:del ${DEL}/></w:rPr></w:pPr><w:del ${DEL}><w:r><w:delText>грант – средства;</w:delText></w:r></w:del></w:p>`;
    const read = readLawFile('deleted-item.docx', withNumbering(lead + item('вуз – организация;') + deletedItem + item('консорциум – объединение.')));
    expect(printLaw(read.law)).toBe('Статья 1. Понятия\nВ настоящем Законе используются понятия:\n1) вуз – организация;\n2) консорциум – объединение.\n');
  });

  it('an item whose mark is deleted runs into the next, which gives the number', () => {
    const joined = `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr><w:rPr><w:del ${DEL}/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">вуз – </w:t></w:r></w:p>`;
    const read = readLawFile('joined-item.docx', withNumbering(lead + joined + item('организация образования;') + item('консорциум – объединение.')));
    expect(printLaw(read.law)).toBe('Статья 1. Понятия\nВ настоящем Законе используются понятия:\n1) вуз – организация образования;\n2) консорциум – объединение.\n');
  });

  it('reads the paragraph\'s properties as they are, not as a tracked change says they were', () => {
    const changed = `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr><w:pPrChange ${DEL}><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>грант – средства;</w:t></w:r></w:p>`;
    const read = readLawFile('props.docx', withNumbering(lead + item('вуз – организация;') + changed));
    expect(printLaw(read.law)).toContain('2) грант – средства;');
  });

  it('counts two instances of one list definition as one list, as Word shows them', () => {
    const read = readLawFile('instances.docx', withNumbering(lead + item('вуз – организация;') + item('грант – средства;', '5')));
    expect(printLaw(read.law)).toContain('2) грант – средства;');
  });
});

describe('the Akoma Ntoso reader', () => {
  it('counts units against the paragraph limit', () => {
    const xml = `<?xml version="1.0"?><akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><meta><identification source="#x"><FRBRExpression><FRBRlanguage language="rus"/></FRBRExpression></identification></meta><body>${'<hcontainer name="part"/>'.repeat(200)}</body></act></akomaNtoso>`;
    expect(() => readLawFile('x.xml', utf8(xml), { limits: { ...DEFAULT_LIMITS, maxBlocks: 100 } })).toThrow(expect.objectContaining({ kind: 'LIMIT', limit: 'maxBlocks' }));
  });
});
