import { describe, expect, it } from 'vitest';
import { Derivation, derive } from '../../../shared/amend';
import type { LawDoc, Provision } from '../../../shared/law';
import { draftOf, law } from './helpers';

const TEXT = `Статья 1. Понятия
В настоящем Законе используются понятия:
1) грант – средства на исследования;
2) консорциум – объединение организаций.

Статья 2. Советы
1. Советы создаются при органах.
2. В состав совета входят представители университетов.
`;

function find(doc: LawDoc, eId: string): Provision {
  let hit: Provision | undefined;
  const walk = (units: Provision[]) => units.forEach((u) => (u.eId === eId ? (hit = u) : walk(u.children)));
  walk(doc.body);
  return hit as Provision;
}

describe('Derivation.updateText (incremental)', () => {
  const base = law(TEXT);

  it('gives the same list as a full derive after each text edit', () => {
    const draft = draftOf(base, () => undefined);
    const live = new Derivation(base, draftOf(base, () => undefined));
    const edits: [string, string][] = [
      ['art_2__para_1', 'Советы образуются при органах.'],
      ['art_1__subpara_2', 'консорциум – объединение университетов и организаций.'],
      ['art_2__para_1', 'Советы создаются при органах.'],
    ];
    for (const [eId, text] of edits) {
      const unit = find(draft, eId);
      unit.text = text;
      expect(live.updateText(unit.uid, unit.heading, text)).toBe(unit.uid);
      expect(live.list()).toEqual(derive(base, draft));
    }
    expect(live.list().map((a) => a.eId)).toEqual(['art_1__subpara_2']);
  });

  it('updates the insert amendment when a new unit, or a unit inside it, is typed in', () => {
    const withNew = (text: string) =>
      draftOf(base, (units) => {
        units[1]!.children.push({ uid: 'newpara001', eId: '', kind: 'paragraph', num: '3', heading: '', text, repealed: false, notes: [], children: [] });
      });
    const live = new Derivation(base, withNew(''));
    expect(live.list()[0]?.proposed?.text).toBe('');
    // The amendment re-derived is the new unit's own (it is the top of what was inserted).
    expect(live.updateText('newpara001', '', 'Новый пункт.')).toBe('newpara001');
    expect(live.list()).toEqual(derive(base, withNew('Новый пункт.')));
  });

  it('says when it does not know a unit (a structural change needs a rebuild)', () => {
    expect(new Derivation(base, draftOf(base, () => undefined)).updateText('nosuchunit', '', 'x')).toBeNull();
  });
});
