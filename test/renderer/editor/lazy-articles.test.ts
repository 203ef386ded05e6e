import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { lawToDoc, parseLaw } from '../../../shared/law';
import { drawsLazily, LAZY_MIN_ARTICLES, lazyArticlesKey, lazyArticlesPlugin } from '../../../renderer/editor/lazy-articles';
import { spellcheckFocusPlugin } from '../../../renderer/editor/spellcheck-focus';
import { countingUids } from '../../shared/law/helpers';

/** A law of `n` articles in two chapters, each article two paragraphs. */
function law(n: number): string {
  const lines: string[] = [];
  for (let a = 1; a <= n; a++) {
    if (a === 1) lines.push('Глава 1. Первая', '');
    if (a === Math.floor(n / 2) + 1) lines.push('Глава 2. Вторая', '');
    lines.push(`Статья ${a}. Заголовок ${a}`, `1. Текст статьи ${a}.`, `2. Еще текст ${a}.`, '');
  }
  return lines.join('\n');
}

const big = lawToDoc(parseLaw(law(LAZY_MIN_ARTICLES + 10), { makeUid: countingUids() }));

/** The numbers of the units of a kind drawn in full (articles, or chapters: open, not one placeholder). */
function drawn(state: EditorState, kind = 'article'): string[] {
  return (lazyArticlesKey.getState(state)?.decorations.find() ?? [])
    .map((d) => state.doc.nodeAt(d.from))
    .filter((node) => node?.type.name === kind)
    .map((node) => node?.attrs['num'] as string)
    .sort((a, b) => Number(a) - Number(b));
}

/** Where article `num` starts. */
function articleStart(state: EditorState, num: string): number {
  let at = -1;
  state.doc.descendants((node, pos) => {
    if (at >= 0) return false;
    if (node.type.name === 'article' && node.attrs['num'] === num) {
      at = pos;
      return false;
    }
    return true;
  });
  return at;
}

/** Where the text of article `num`'s first paragraph starts (inside the article, its paragraph, its text). */
function inArticle(state: EditorState, num: string): number {
  const at = articleStart(state, num);
  return at + (state.doc.nodeAt(at)!.firstChild!.nodeSize as number) + 3;
}

describe('drawing a big law lazily', () => {
  it('is for big laws only', () => {
    expect(drawsLazily(big)).toBe(true);
    expect(drawsLazily(lawToDoc(parseLaw(law(20), { makeUid: countingUids() })))).toBe(false);
  });

  it('draws the first articles at first, then the article of the cursor and its neighbours, across chapters', () => {
    let state = EditorState.create({ doc: big, plugins: [lazyArticlesPlugin('ru', true)] });
    const first = drawn(state);
    expect(first[0]).toBe('1');
    expect(first.length).toBeLessThan(30);
    // The cursor in the last article of chapter 1: it, the one before, and the first of chapter 2.
    const last = String(Math.floor((LAZY_MIN_ARTICLES + 10) / 2));
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, inArticle(state, last))));
    expect(drawn(state)).toEqual(expect.arrayContaining([String(Number(last) - 1), last, String(Number(last) + 1)]));
    // What the viewport reports replaces what it reported before; the cursor's articles stay.
    const at = articleStart(state, '40');
    state = state.apply(state.tr.setMeta(lazyArticlesKey, { visible: [{ uid: state.doc.nodeAt(at)!.attrs['uid'] as string, pos: at }] }));
    expect(drawn(state)).toEqual([String(Number(last) - 1), last, String(Number(last) + 1), '40'].sort((a, b) => Number(a) - Number(b)));
  });

  it('opens the chapters of the drawn articles only; a chapter the viewport reports as near opens too', () => {
    let state = EditorState.create({ doc: big, plugins: [lazyArticlesPlugin('ru', true)] });
    const at = (kind: string, num: string) => {
      let found = -1;
      state.doc.descendants((node, pos) => {
        if (node.type.name === kind && node.attrs['num'] === num) found = pos;
        return found < 0;
      });
      return { uid: state.doc.nodeAt(found)!.attrs['uid'] as string, pos: found };
    };
    // At first: the first articles, all in chapter 1.
    expect(drawn(state, 'chapter')).toEqual(['1']);
    // The cursor deep in chapter 2, and the viewport there: only chapter 2 is open.
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, inArticle(state, '150'))));
    state = state.apply(state.tr.setMeta(lazyArticlesKey, { visible: [at('article', '150')] }));
    expect(drawn(state, 'chapter')).toEqual(['2']);
    // The first article of chapter 2: the article before it, the last of chapter 1, opens chapter 1.
    const last = String(Math.floor((LAZY_MIN_ARTICLES + 10) / 2));
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, inArticle(state, String(Number(last) + 1)))));
    expect(drawn(state, 'chapter')).toEqual(['1', '2']);
    // Back at 150, the viewport reports chapter 1 (one placeholder) as near: it opens, its articles not drawn yet.
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, inArticle(state, '150'))));
    state = state.apply(state.tr.setMeta(lazyArticlesKey, { visible: [at('chapter', '1')] }));
    expect(drawn(state, 'chapter')).toEqual(['1', '2']);
    expect(drawn(state)).toEqual(['149', '150', '151']);
  });

  it('keeps the drawn articles on their articles when text is typed before them', () => {
    let state = EditorState.create({ doc: big, plugins: [lazyArticlesPlugin('ru', true)] });
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, inArticle(state, '100'))));
    const uids = () => lazyArticlesKey.getState(state)!.decorations.find().map((d) => [state.doc.nodeAt(d.from)?.attrs['uid'], (d.spec as { zanLive: string }).zanLive]);
    state = state.apply(state.tr.insertText('добавлено ', inArticle(state, '3')));
    expect(drawn(state)).toEqual(expect.arrayContaining(['99', '100', '101']));
    for (const [at, want] of uids()) expect(at).toBe(want);
  });

  it('does nothing for a short law', () => {
    const short = lawToDoc(parseLaw(law(20), { makeUid: countingUids() }));
    const state = EditorState.create({ doc: short, plugins: [lazyArticlesPlugin('ru', false)] });
    expect(drawn(state)).toEqual([]);
    expect(lazyArticlesPlugin('ru', false).props.nodeViews).toBeUndefined();
  });
});

describe('spellcheck on the unit being edited', () => {
  it('marks the innermost unit of the cursor, keeps the mark while typing, and follows the cursor', () => {
    const plugin = spellcheckFocusPlugin();
    let state = EditorState.create({ doc: big, plugins: [plugin] });
    const marked = () => (plugin.getState(state) as { find(): { from: number }[] }).find().map((d) => `${state.doc.nodeAt(d.from)?.type.name} ${state.doc.nodeAt(d.from)?.textContent.slice(0, 18)}`);
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, inArticle(state, '7'))));
    expect(marked()).toEqual(['paragraph Текст статьи 7.']);
    const set = plugin.getState(state);
    state = state.apply(state.tr.insertText('а'));
    expect(marked()).toHaveLength(1);
    expect(plugin.getState(state)).not.toBe(set); // mapped…
    expect(plugin.getState(state)?.find()[0]?.spec).toBe(set?.find()[0]?.spec); // …the same decoration
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, inArticle(state, '9'))));
    expect(marked()).toEqual(['paragraph Текст статьи 9.']);
  });
});
