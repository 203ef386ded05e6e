import { describe, expect, it } from 'vitest';
import { withLanguageNotes } from '../../../shared/bilingual/language-notes';
import type { Operation } from '../../../shared/instructions';
import { parseLaw, walkProvisions } from '../../../shared/law';

const LAW = 'Глава 1. Общие\nСтатья 5. А\n1. Первый.\nСтатья 6. Б\n1. Первый.\n\nГлава 2. Особые\nСтатья 7. В\n1. Первый.\n2. Второй.\n';
const base = parseLaw(LAW, { lang: 'ru' });
const uidOf = (eId: string) => {
  let uid = '';
  walkProvisions(base.body, (u) => void (u.eId.endsWith(eId) && (uid = u.uid)));
  return uid;
};
const at = (...steps: [string, string][]) => steps.map(([kind, num]) => ({ kind, num }) as { kind: 'article' | 'paragraph'; num: string });
const shape = (ops: Operation[]) => ops.map((op) => `${op.op} ${('address' in op ? op.address : 'parent' in op ? op.parent : []).map((s) => s.num).join('.')}${op.op === 'insert' ? `+${op.num}` : ''}${op.untouchedIn ? ` (${op.untouchedIn} unchanged)` : ''}`);

describe("the language notes written into an act's operations", () => {
  it('an "unchanged" statement stands where its unit stands: after a new article 5-1, before article 7 (regression: a new article counted as at the end)', () => {
    const planned: Operation[] = [
      { op: 'insert', parent: [], kind: 'article', num: '5-1', content: '…' },
      { op: 'replace', address: at(['article', '7'], ['paragraph', '1']), from: 'Первый', to: 'Иной' },
    ];
    const ops = withLanguageNotes(base, planned, { unchanged: [{ uid: uidOf('art_6__para_1'), changedIn: 'kk' }], untouched: [] });
    expect(shape(ops)).toEqual(['insert +5-1', 'unchanged 6.1', 'replace 7.1']);
  });

  it('a new paragraph goes after its siblings numbered before it', () => {
    const planned: Operation[] = [{ op: 'insert', parent: at(['article', '7']), kind: 'paragraph', num: '1-1', content: '…' }];
    const ops = withLanguageNotes(base, planned, { unchanged: [{ uid: uidOf('art_7__para_2'), changedIn: 'kk' }, { uid: uidOf('art_7__para_1'), changedIn: 'kk' }], untouched: [] });
    expect(shape(ops)).toEqual(['unchanged 7.1', 'insert 7+1-1', 'unchanged 7.2']);
  });

  it('the clause goes on the statement about the unit itself, not on one about a unit above it', () => {
    const planned: Operation[] = [
      { op: 'restate', address: at(['article', '7']), content: '…' },
      { op: 'replace', address: at(['article', '5'], ['paragraph', '1']), from: 'Первый', to: 'Иной' },
    ];
    const ops = withLanguageNotes(base, planned, { unchanged: [], untouched: [{ uid: uidOf('art_7__para_1'), lang: 'kk' }, { uid: uidOf('art_5__para_1'), lang: 'kk' }] });
    expect(shape(ops)).toEqual(['restate 7', 'replace 5.1 (kk unchanged)']);
  });
});
