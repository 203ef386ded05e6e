import { TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { lawToDoc, parseLaw } from '../../../shared/law';
import { copiedHtml, copiedLines, copiedText } from '../../../renderer/editor/copy-with-numbers';
import { createLawEditorState } from '../../../renderer/editor/state';

const LAW = 'Статья 5. Советы\n1. Советы создаются при органах.\n2. Советы вправе:\n1) запрашивать сведения;\n2) приглашать экспертов.\nСтатья 6. Гранты\nГранты выделяются на конкурсной основе.\n';

function copy(from: string, to: string, law = LAW) {
  const doc = lawToDoc(parseLaw(law, { lang: 'ru' }));
  const state = createLawEditorState(doc, { notify: () => undefined, save: () => undefined }, { lang: 'ru' });
  const text = doc.textBetween(0, doc.content.size, '\n');
  // Positions of the phrases in the document (textBetween's offsets differ from positions: find by walking).
  const at = (phrase: string, end: boolean) => {
    let pos = -1;
    doc.descendants((node, p) => {
      if (pos >= 0 || !node.isText) return pos < 0;
      const i = (node.text ?? '').indexOf(phrase);
      if (i >= 0) pos = p + i + (end ? phrase.length : 0);
      return false;
    });
    expect(pos, `${phrase} in ${text}`).toBeGreaterThanOrEqual(0);
    return pos;
  };
  const selection = TextSelection.create(doc, at(from, false), at(to, true));
  return copiedLines(selection.content(), 'ru', selection.$from.parentOffset > 0);
}

describe('copying keeps the numbers of the units', () => {
  it('whole paragraphs and subparagraphs, from the start of the first', () => {
    expect(copiedText(copy('Советы создаются', 'экспертов.'))).toBe('1. Советы создаются при органах.\n2. Советы вправе:\n1) запрашивать сведения;\n2) приглашать экспертов.');
  });

  it('an article with its heading and its own text', () => {
    expect(copiedText(copy('Гранты', 'основе.'))).toBe('Статья 6. Гранты\nГранты выделяются на конкурсной основе.');
  });

  it('a selection that starts inside a unit has no number for that unit', () => {
    expect(copiedText(copy('создаются', 'вправе:'))).toBe('создаются при органах.\n2. Советы вправе:');
  });

  it('the HTML has one paragraph per unit, the heading bold, and escapes the text', () => {
    const lines = copy('Гранты', 'основе.', LAW.replace('конкурсной', '<конкурсной> & открытой'));
    expect(copiedHtml(lines)).toBe('<p><b>Статья 6. Гранты</b></p><p>Гранты выделяются на &lt;конкурсной&gt; &amp; открытой основе.</p>');
  });
});
