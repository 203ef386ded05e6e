import { EditorState, TextSelection, type Command } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { docToLaw, lawToDoc, lawToRows, parseLaw } from '../../../shared/law';
import { deleteEmptyUnit, insertChildUnit, insertUnitAfter, moveToArticle, repealUnit } from '../../../renderer/editor/commands';
import { countingUids } from '../../shared/law/helpers';

const TEXT = `Статья 5. Советы
1. Первый пункт.
2. Второй пункт:
1) первый подпункт;
2) второй подпункт.
2-1. Вставленный пункт.

Статья 6. Другое
Единственная часть.
`;

/** A state with the cursor at the end of the text block whose text starts with `prefix`. */
function stateAtEndOf(prefix: string): EditorState {
  const doc = lawToDoc(parseLaw(TEXT, { makeUid: countingUids() }));
  let pos = -1;
  doc.descendants((node, p) => {
    if (pos < 0 && node.isTextblock && node.textContent.startsWith(prefix)) pos = p + node.nodeSize - 1;
    return pos < 0;
  });
  if (pos < 0) throw new Error(`no block starting ${prefix}`);
  return EditorState.create({ doc, selection: TextSelection.create(doc, pos) });
}

/** Runs a command; returns the new state, the notices it gave, and whether it handled the key. */
function run(state: EditorState, make: (notify: (k: string) => void) => Command) {
  const notices: string[] = [];
  let next = state;
  const handled = make((k) => notices.push(k))(state, (tr) => (next = state.apply(tr)));
  return { next, notices, handled };
}

/** The (kind, num) of every unit, and the text of one. */
function units(state: EditorState): string[] {
  return lawToRows(docToLaw(state.doc, 'ru')).map((r) => `${r.kind}:${r.num}`);
}

describe('editor commands', () => {
  it('Enter at the end of paragraph 1 adds paragraph 1-1 after it, with a fresh uid', () => {
    const { next, handled } = run(stateAtEndOf('Первый пункт'), insertUnitAfter);
    expect(handled).toBe(true);
    expect(units(next)).toEqual(['article:5', 'paragraph:1', 'paragraph:1-1', 'paragraph:2', 'subparagraph:1', 'subparagraph:2', 'paragraph:2-1', 'article:6', 'part:']);
    const rows = lawToRows(docToLaw(next.doc, 'ru'));
    expect(new Set(rows.map((r) => r.uid)).size).toBe(rows.length);
    expect(next.selection.$from.parent.textContent).toBe('');
  });

  it('Enter in the middle takes the rest of the text into the new unit', () => {
    const state = stateAtEndOf('Первый пункт');
    const mid = TextSelection.create(state.doc, state.selection.from - ' пункт.'.length);
    const { next } = run(state.apply(state.tr.setSelection(mid)), insertUnitAfter);
    const rows = lawToRows(docToLaw(next.doc, 'ru'));
    expect(rows.filter((r) => r.kind === 'paragraph').map((r) => [r.num, r.text])).toEqual([
      ['1', 'Первый'],
      ['1-1', ' пункт.'],
      ['2', 'Второй пункт:'],
      ['2-1', 'Вставленный пункт.'],
    ]);
  });

  it('Enter after a subparagraph adds the next subparagraph, after the last one the next whole number', () => {
    expect(units(run(stateAtEndOf('первый подпункт'), insertUnitAfter).next)).toContain('subparagraph:1-1');
    expect(units(run(stateAtEndOf('второй подпункт'), insertUnitAfter).next)).toContain('subparagraph:3');
  });

  it('refuses, with a notice, where no Kazakh number fits (between 2 and 2-1)', () => {
    const state = stateAtEndOf('Второй пункт');
    const { next, notices, handled } = run(state, insertUnitAfter);
    expect(handled).toBe(true);
    expect(next).toBe(state);
    expect(notices).toEqual(['editor.cannotNumber']);
  });

  it('Enter after a part adds another unnumbered part', () => {
    expect(units(run(stateAtEndOf('Единственная часть'), insertUnitAfter).next).slice(-2)).toEqual(['part:', 'part:']);
  });

  it('Ctrl+Enter adds a subparagraph at the end of a paragraph', () => {
    expect(units(run(stateAtEndOf('Второй пункт'), insertChildUnit).next)).toEqual([
      'article:5', 'paragraph:1', 'paragraph:2', 'subparagraph:1', 'subparagraph:2', 'subparagraph:3', 'paragraph:2-1', 'article:6', 'part:',
    ]);
  });

  it('Backspace in an empty new unit removes it again', () => {
    const added = run(stateAtEndOf('Первый пункт'), insertUnitAfter).next;
    const { next, handled } = run(added, () => deleteEmptyUnit);
    expect(handled).toBe(true);
    expect(units(next)).toEqual(units(stateAtEndOf('Первый пункт')));
  });

  it('Ctrl+Shift+Backspace repeals a paragraph as a stub, dropping its subparagraphs', () => {
    const { next } = run(stateAtEndOf('Второй пункт'), (notify) => repealUnit('ru', notify));
    const rows = lawToRows(docToLaw(next.doc, 'ru'));
    expect(rows.filter((r) => r.kind === 'paragraph').map((r) => [r.num, r.text, r.repealed])).toEqual([
      ['1', 'Первый пункт.', false],
      ['2', 'Исключен.', true],
      ['2-1', 'Вставленный пункт.', false],
    ]);
    expect(rows.some((r) => r.kind === 'subparagraph')).toBe(false);
  });

  it('repeals an article as a stub heading', () => {
    const state = stateAtEndOf('Советы');
    const { next } = run(state, (notify) => repealUnit('kk', notify));
    const article = docToLaw(next.doc, 'ru').body[0]!;
    expect([article.num, article.heading, article.repealed, article.children.length]).toEqual(['5', 'Алынып тасталды.', true, 0]);
  });

  it('Ctrl+Alt+↓ moves to the next article heading', () => {
    const { next } = run(stateAtEndOf('Первый пункт'), () => moveToArticle(1));
    expect(next.selection.$from.parent.textContent).toBe('Другое');
  });
});
