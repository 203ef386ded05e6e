import { describe, expect, it } from 'vitest';
import { ImportError, readLawFile } from '../../../../electron/io/import';
import { printLaw } from '../../../../shared/law';

/**
 * Akoma Ntoso as other publishers write it: other languages and their codes, numbers printed as
 * words, Roman numerals and letters, units without numbers, civil-law and common-law hierarchies.
 * The documents are written for these tests in those publishers' shapes.
 */
const AKN = 'xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"';
const act = (language: string | null, body: string, type = 'act') =>
  new TextEncoder().encode(
    `<?xml version="1.0" encoding="UTF-8"?><akomaNtoso ${AKN}><${type} name="act"><meta><identification source="#x"><FRBRWork><FRBRthis value="/akn/xx/act/2012-05-04/7/!main"/><FRBRuri value="/akn/xx/act/2012-05-04/7"/></FRBRWork><FRBRExpression>${language === null ? '' : `<FRBRlanguage language="${language}"/>`}</FRBRExpression></identification></meta><preface><p><docTitle>An Act</docTitle></p></preface><body>${body}</body></${type}></akomaNtoso>`,
  );
const codes = (findings: { code: string }[]) => findings.map((f) => f.code).sort();

describe('Akoma Ntoso from other publishers', () => {
  it.each(['eng', 'en', 'rus', 'ru', 'kaz', 'kk'])('reads the language code "%s"', (code) => {
    const read = readLawFile('x.xml', act(code, '<article eId="art_1"><num>1</num><content><p>Text.</p></content></article>'));
    expect(read.lang).toBe({ eng: 'en', en: 'en', rus: 'ru', ru: 'ru', kaz: 'kk', kk: 'kk' }[code]);
    expect(read.findings).toEqual([]);
  });

  it('reads a document in another language, as English, saying so', () => {
    const read = readLawFile('x.xml', act('spa', '<chapter><num>CAPÍTULO I</num><heading>Disposiciones generales</heading><article><num>Artículo 1.</num><content><p>Objeto de la ley.</p></content></article></chapter>'));
    expect(read.lang).toBe('en');
    expect(codes(read.findings)).toEqual(['OTHER_LANGUAGE', 'RENUMBERED']);
    expect(read.findings.find((f) => f.code === 'OTHER_LANGUAGE')?.message).toContain('"spa"');
    expect(printLaw(read.law)).toBe('Chapter 1. Disposiciones generales\n\nArticle 1.\nObjeto de la ley.\n');
  });

  it('maps a common-law hierarchy (sections, subsections, paragraphs) one level down, with Roman numerals and letters', () => {
    const body = `<part><num>PART I</num><heading>PRELIMINARY</heading>
      <section><num>1.</num><heading>Interpretation</heading>
        <subsection><num>(1)</num><intro><p>In this Act—</p></intro>
          <paragraph><num>(a)</num><content><p>"university" means a chartered university;</p></content></paragraph>
          <paragraph><num>(b)</num><content><p>"industry" means any enterprise.</p></content></paragraph>
        </subsection>
        <subsection><num>(2)</num><content><p>Words in the singular include the plural.</p></content></subsection>
      </section>
      <section><num>2A.</num><heading>Application</heading><content><p>This Act applies to public universities.</p></content></section>
    </part>`;
    const read = readLawFile('ke.xml', act('eng', body));
    expect(codes(read.findings)).toEqual(['COMMON_LAW', 'RENUMBERED', 'RENUMBERED', 'RENUMBERED']); // PART I; (a), (b); 2A
    expect(read.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(printLaw(read.law)).toBe(
      'Section 1. PRELIMINARY\n\nArticle 1. Interpretation\n1. In this Act—\n1) "university" means a chartered university;\n2) "industry" means any enterprise.\n2. Words in the singular include the plural.\n\nArticle 2-1. Application\nThis Act applies to public universities.\n',
    );
    expect(read.act).toEqual({ kind: 'law', date: '2012-05-04', number: '7' });
  });

  it('reads Swahili sections, numbers units that have none by their place, and a point inside a point as its lines', () => {
    const body = `<section><num>Kifungu 3</num><content><p>Sheria hii inahusu vyuo vikuu.</p></content></section>
      <section><content><p>Waziri atatoa kanuni.</p></content></section>
      <section><num>5</num><intro><p>Vyuo vikuu vitafanya:</p></intro><paragraph><num>(a)</num><intro><p>utafiti;</p></intro><subparagraph><num>(i)</num><content><p>wa msingi;</p></content></subparagraph></paragraph></section>`;
    const read = readLawFile('tz.xml', act('swa', body));
    expect(printLaw(read.law)).toBe('Article 3.\nSheria hii inahusu vyuo vikuu.\n\nArticle 4.\nWaziri atatoa kanuni.\n\nArticle 5.\nVyuo vikuu vitafanya:\n1) utafiti;\n(i) wa msingi;\n');
    expect(codes(read.findings)).toEqual(['AS_TEXT', 'COMMON_LAW', 'NUMBERED', 'OTHER_LANGUAGE', 'RENUMBERED']);
  });

  it('reads the civil-law article / paragraph / point and an article\'s points after its intro', () => {
    const body = `<chapter><num>Глава 1</num><article><num>Статья 1.</num><intro><p>В настоящем Законе используются понятия:</p></intro><point><num>1)</num><content><p>грант;</p></content></point><point><num>2)</num><content><p>консорциум.</p></content></point></article>
      <article><num>Статья 2.</num><paragraph><num>1.</num><intro><p>Советы:</p></intro><point><num>1)</num><content><p>создаются;</p></content></point></paragraph></article></chapter>`;
    const read = readLawFile('x.xml', act('rus', body));
    expect(read.findings).toEqual([]);
    expect(printLaw(read.law)).toBe('Глава 1.\n\nСтатья 1.\nВ настоящем Законе используются понятия:\n1) грант;\n2) консорциум.\n\nСтатья 2.\n1. Советы:\n1) создаются;\n');
  });

  it('an amendment document is not a law: it says what it is and where it is read', () => {
    const doc = new TextEncoder().encode(`<?xml version="1.0"?><akomaNtoso ${AKN}><amendment name="amendment"><meta><identification source="#x"><FRBRExpression><FRBRlanguage language="rus"/></FRBRExpression></identification><analysis source="#x"><activeModifications><textualMod type="repeal" eId="m1"><source href="#mod_1"/><destination href="/akn/kz/act/2024-07-01/103-VIII/rus@2026-01-01/!main~art_5__para_2"/></textualMod></activeModifications></analysis></meta><amendmentBody><amendmentContent><p><mod eId="mod_1">пункт 2 статьи 5 исключить</mod></p></amendmentContent></amendmentBody></amendment></akomaNtoso>`);
    expect(() => readLawFile('amend.xml', doc)).toThrow(ImportError);
    expect(() => readLawFile('amend.xml', doc)).toThrow(/an Akoma Ntoso amendment document \(1 modification\(s\) of other acts\).*zan apply/);
  });
});
