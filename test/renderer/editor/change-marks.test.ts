import fc from 'fast-check';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { derive } from '../../../shared/amend';
import { docToLaw, lawToDoc, parseLaw, type LawDoc } from '../../../shared/law';
import { amendmentsOf, changeMarksKey, changeMarksPlugin, rederivationPending, rederive } from '../../../renderer/editor/change-marks';
import { insertUnitAfter } from '../../../renderer/editor/commands';
import { touchedUnits } from '../../../renderer/editor/touched-units';
import { propertyParams } from '../../helpers/property';
import { countingUids } from '../../shared/law/helpers';

const TEXT = `Статья 5. Советы
1. Советы создаются при органах.
2. Советы отчитываются:
1) ежегодно;
2) публично.

Статья 6. Гранты
Гранты выделяются на конкурсной основе.
`;

function fresh(): { base: LawDoc; state: EditorState } {
  const base = parseLaw(TEXT, { makeUid: countingUids() });
  const state = EditorState.create({ doc: lawToDoc(base), plugins: [changeMarksPlugin(base)] });
  return { base, state };
}

/** The text blocks of a document: where each starts (inside it) and its length. */
function blocks(state: EditorState): { at: number; size: number }[] {
  const out: { at: number; size: number }[] = [];
  state.doc.descendants((node, pos) => {
    if (node.isTextblock) out.push({ at: pos + 1, size: node.content.size });
    return true;
  });
  return out;
}

/** What the plugin says now equals a full derivation of the document (the slow path everyone trusts). */
function expectTrue(base: LawDoc, state: EditorState): void {
  expect(amendmentsOf(state)).toEqual(derive(base, docToLaw(state.doc, 'ru')));
}

describe('touched units (the keystroke fast path)', () => {
  it('names the unit a typed character went into, and only it', () => {
    const { state } = fresh();
    const block = blocks(state)[1]!;
    const tr = state.tr.insertText('x', block.at + 3);
    const touched = touchedUnits(tr);
    expect(touched?.map((t) => t.node.textContent.slice(0, 10))).toEqual(['Совxеты со']);
  });

  it('gives up (null: re-derive in full) on a split, a join or a unit added', () => {
    const { state } = fresh();
    const block = blocks(state)[1]!;
    expect(touchedUnits(state.tr.split(block.at + 3, 2))).toBeNull();
    const [a, b] = [blocks(state)[1]!, blocks(state)[2]!];
    expect(touchedUnits(state.tr.delete(a.at + a.size - 1, b.at + 1))).toBeNull();
  });
});

describe('change marks', () => {
  it('follow typing by the fast path: the list is a full derivation after every key', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ block: fc.nat(), at: fc.nat(), text: fc.constantFrom('а', ' и ', 'вуз', ''), del: fc.nat({ max: 3 }) }), { minLength: 1, maxLength: 25 }), (keys) => {
        const { base, state: start } = fresh();
        let state = start;
        for (const k of keys) {
          const all = blocks(state);
          const b = all[k.block % all.length]!;
          const at = b.at + (k.at % (b.size + 1));
          let tr: Transaction = state.tr;
          if (k.text) tr = tr.insertText(k.text, at);
          else tr = tr.delete(at, Math.min(b.at + b.size, at + k.del));
          if (!tr.docChanged) continue;
          expect(touchedUnits(tr)).not.toBeNull();
          const before = changeMarksKey.getState(state)?.derivation;
          state = state.apply(tr);
          // The fast path: the same derivation, updated, not a new one.
          expect(changeMarksKey.getState(state)?.derivation).toBe(before);
          expectTrue(base, state);
        }
      }),
      propertyParams(60),
    );
  });

  it('re-derive after a structural edit once its re-derivation runs; typing before that re-derives at once', () => {
    const { base, state: start } = fresh();
    const end = blocks(start)[1]!;
    let state = start.apply(start.tr.setSelection(TextSelection.create(start.doc, end.at + end.size)));
    insertUnitAfter(() => undefined)(state, (tr) => (state = state.apply(tr)));
    expect(rederivationPending(state)).toBe(true);
    // Until it runs, the list is the one before Enter.
    expect(amendmentsOf(state)).toEqual([]);
    const after = state.apply(rederive(state));
    expect(rederivationPending(after)).toBe(false);
    expectTrue(base, after);
    expect(amendmentsOf(after).map((a) => [a.kind, a.proposed?.num])).toEqual([['insert', '1-1']]);
    // A key typed into the new unit while the re-derivation waits: derived at once, not lost.
    const typed = state.apply(state.tr.insertText('Новый пункт.'));
    expect(rederivationPending(typed)).toBe(false);
    expectTrue(base, typed);
  });
});
