import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { lawToDoc, lawToRows, parseLaw, docToLaw } from '../../../shared/law';
import { insertUnitAfter } from '../../../renderer/editor/commands';
import { teamLeasesKey, teamLeasesPlugin } from '../../../renderer/editor/team-leases';
import { countingUids } from '../../shared/law/helpers';

const TEXT = `Статья 5. Советы
1. Первый пункт.
2. Второй пункт:
1) первый подпункт;
2) второй подпункт.

Статья 6. Другое
Единственная часть.
`;

/** An editor state with the leases plugin, others holding `held` (uid → holder); what it reported. */
function setup(held: (uidOf: (num: string, kind: string) => string) => Record<string, string>) {
  const doc = lawToDoc(parseLaw(TEXT, { makeUid: countingUids() }));
  const rows = lawToRows(docToLaw(doc, 'ru'));
  const uidOf = (num: string, kind: string) => rows.find((r) => r.num === num && r.kind === kind)!.uid;
  const touched: string[][] = [];
  const refused: string[] = [];
  let state = EditorState.create({ doc, plugins: [teamLeasesPlugin({ onTouch: (uids) => touched.push(uids), onRefused: (h) => refused.push(h), label: (h) => `Редактирует ${h}` })] });
  state = state.apply(state.tr.setMeta(teamLeasesKey, { held: new Map(Object.entries(held(uidOf))) }));
  /** The position at the end of the text block that starts with `prefix`. */
  const endOf = (prefix: string) => {
    let pos = -1;
    state.doc.descendants((node, p) => {
      if (pos < 0 && node.isTextblock && node.textContent.startsWith(prefix)) pos = p + node.nodeSize - 1;
      return pos < 0;
    });
    return pos;
  };
  return { get state() { return state; }, set state(s) { state = s; }, uidOf, touched, refused, endOf };
}

const flush = () => new Promise((ok) => queueMicrotask(() => ok(undefined)));

describe('provision leases in the editor (team-leases.ts)', () => {
  it("typing in a provision another holds is not made, and says who; typing elsewhere is made and reports the provision's uid", async () => {
    const t = setup((uidOf) => ({ [uidOf('1', 'paragraph')]: 'Анна Петрова' }));
    const blocked = t.state.applyTransaction(t.state.tr.insertText('!', t.endOf('Первый')));
    expect(blocked.state.doc.eq(t.state.doc)).toBe(true);
    expect(t.refused).toEqual(['Анна Петрова']);
    const made = t.state.applyTransaction(t.state.tr.insertText('!', t.endOf('Второй')));
    expect(made.state.doc.textContent).toContain('Второй пункт:!');
    await flush();
    expect(t.touched).toEqual([[t.uidOf('2', 'paragraph')]]);
  });

  it('a unit under one another holds is theirs too; a structural edit falls within the parent, whose lease it asks for', async () => {
    const t = setup((uidOf) => ({ [uidOf('2', 'paragraph')]: 'Берик' }));
    const inChild = t.state.applyTransaction(t.state.tr.insertText('!', t.endOf('первый подпункт')));
    expect(inChild.state.doc.eq(t.state.doc)).toBe(true);
    expect(t.refused).toEqual(['Берик']);
    // Enter at the end of article 6's only part adds a unit after it: within article 6.
    let next = t.state.apply(t.state.tr.setSelection(TextSelection.create(t.state.doc, t.endOf('Единственная'))));
    insertUnitAfter(() => undefined)(next, (tr) => (next = next.applyTransaction(tr).state));
    expect(lawToRows(docToLaw(next.doc, 'ru')).length).toBe(lawToRows(docToLaw(t.state.doc, 'ru')).length + 1);
    await flush();
    expect(t.touched.flat()).toContain(t.uidOf('6', 'article'));
  });

  it("shows the holder's name on the provision they hold, and nothing when no one holds anything", () => {
    const t = setup((uidOf) => ({ [uidOf('1', 'paragraph')]: 'Анна Петрова' }));
    const decorations = teamLeasesKey.getState(t.state)!.decorations.find();
    expect(decorations).toHaveLength(1);
    expect((decorations[0] as unknown as { type: { attrs: Record<string, string> } }).type.attrs).toMatchObject({ class: 'is-leased', 'data-lease-label': 'Редактирует Анна Петрова', 'data-holder': 'Анна Петрова' });
    const none = t.state.apply(t.state.tr.setMeta(teamLeasesKey, { held: new Map() }));
    expect(teamLeasesKey.getState(none)!.decorations.find()).toEqual([]);
  });
});
