import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { aknAct } from '../../../shared/akn';
import { coverageHtml } from '../../../shared/gaps/report';
import { parseLaw } from '../../../shared/law';
import { redlineHtml } from '../../../shared/redline';
import { comparativeTableHtml } from '../../../shared/table/comparative';
import { child, parseXml } from '../../helpers/xml-tree';

// Text a drafter could type: both kinds of quotes, markup characters, an entity written out.
const TITLE = 'О «грантах» и "фондах" — \'проект\' & <черновик> &amp;';

/** The text inside the page's first `tag` element (others within it included), as an HTML parser reads it. */
function htmlText(html: string, tag: string): string {
  let depth = 0;
  let done = false;
  let text = '';
  const parser = new Parser(
    {
      onopentag: (name) => (depth += !done && (depth > 0 || name === tag) ? 1 : 0),
      onclosetag: () => {
        if (depth > 0 && --depth === 0) done = true;
      },
      ontext: (t) => (depth > 0 ? (text += t) : undefined),
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return text;
}

describe('every document writer escapes its text through shared/text/escape.ts', () => {
  it('the redline page', () => {
    const html = redlineHtml([], { lang: 'ru', title: TITLE });
    expect(htmlText(html, 'title')).toBe(TITLE);
    expect(htmlText(html, 'h1')).toBe(TITLE);
  });

  it('the comparative table page', () => {
    expect(htmlText(comparativeTableHtml([], 'ru', TITLE), 'h1')).toBe(`Сравнительная таблица${TITLE}`);
  });

  it('the coverage report page', () => {
    const html = coverageHtml({ title: TITLE, perGap: [], amendments: [], uncoveredGaps: [], gapNames: new Map() }, 'ru');
    expect(htmlText(html, 'h1')).toBe(`Покрытие пробелов: ${TITLE}`);
  });

  it('the Akoma Ntoso act: a heading and a title with quotes read back from the XML as typed, and a forbidden character does not break it', () => {
    const law = parseLaw(`Статья 1. ${TITLE}\n1. Текст\u0001 с управляющим символом.\n`);
    const xml = aknAct(law, { kind: 'law', date: '2024-07-01', number: '1', title: TITLE }, '2026-01-01"', true);
    const root = parseXml(xml);
    const act = child(root, 'act');
    expect(child(child(child(act, 'preface'), 'longTitle'), 'p').text).toBe(TITLE);
    // The reader of law texts makes ASCII quotes the law's «…»; what it read is what the XML holds.
    expect(child(child(act, 'body'), 'article').children.find((c) => c.name === 'heading')?.text).toBe(law.body[0]!.heading);
    expect(law.body[0]!.heading).toContain('&amp;');
    expect(xml).toContain('Текст\uFFFD с управляющим символом.');
    // A quote in the expression's date (it comes from the database) stays inside its attribute.
    expect(child(child(child(act, 'meta'), 'identification'), 'FRBRExpression').children[0]?.attrs['value']).toBe('/akn/kz/act/2024-07-01/1/rus@2026-01-01"/!main');
  });
});
