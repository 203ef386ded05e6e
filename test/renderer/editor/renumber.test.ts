import { TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { docToLaw, lawToDoc, lawToRows, parseLaw } from '../../../shared/law';
import { numberAsPractice } from '../../../renderer/editor/renumber';
import { createLawEditorState } from '../../../renderer/editor/state';
import { countingUids } from '../../shared/law/helpers';

const BASE = 'Статья 5. Советы\n1. Первый пункт.\n2. Второй пункт.\n3. Третий пункт.\n';

/** A draft of BASE with a new paragraph after 1, numbered `num` by the drafter, and the cursor in the block starting with `at`. */
function draftState(num: string, at: string) {
  const base = parseLaw(BASE, { makeUid: countingUids() });
  const draft = structuredClone(base);
  const article = draft.body[0]!;
  article.children.splice(1, 0, { ...structuredClone(article.children[0]!), uid: 'newparagraph1', num, text: 'Новый пункт.' });
  const doc = lawToDoc(draft);
  const state = createLawEditorState(doc, { notify: () => undefined, save: () => undefined }, { lang: 'ru', base });
  let pos = -1;
  doc.descendants((node, p) => {
    if (pos < 0 && node.isTextblock && node.textContent.startsWith(at)) pos = p + 1;
    return pos < 0;
  });
  return state.apply(state.tr.setSelection(TextSelection.create(doc, pos)));
}

const nums = (state: ReturnType<typeof draftState>) => lawToRows(docToLaw(state.doc, 'ru')).filter((r) => r.kind === 'paragraph').map((r) => r.num);

describe('number as practice requires', () => {
  it.each([
    ['2', '1-1'],
    ['7', '1-1'],
    ['1-1', '1-1'],
  ])('a new paragraph numbered %s after 1 (before 2) becomes %s', (typed, expected) => {
    const state = draftState(typed, 'Новый');
    let next = state;
    expect(numberAsPractice(() => undefined)(state, (tr) => (next = state.apply(tr)))).toBe(true);
    expect(nums(next)).toEqual(['1', expected, '2', '3']);
  });

  it('a paragraph in force keeps its number, and the drafter is told why', () => {
    const state = draftState('2', 'Третий');
    const notices: string[] = [];
    let changed = false;
    numberAsPractice((k) => notices.push(k))(state, () => (changed = true));
    expect(changed).toBe(false);
    expect(notices).toEqual(['editor.numberInForce']);
  });
});
