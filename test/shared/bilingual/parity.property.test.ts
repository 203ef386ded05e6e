import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignTexts } from '../../../shared/bilingual/align';
import { oneLanguageFindings, textFindings } from '../../../shared/bilingual/findings';
import { derive } from '../../../shared/amend';
import type { LawDoc, Provision } from '../../../shared/law';
import { propertyParams } from '../../helpers/property';
import { editArb, edited, lawArb, type Edit } from '../amend/random-edits';
import { kkOf, toKk } from './texts';

const kkEdit = (e: Edit): Edit => ({ ...e, words: toKk(e.words) });

const findingsOf = (baseRu: LawDoc, draftRu: LawDoc, baseKk: LawDoc, draftKk: LawDoc) => [...textFindings(alignTexts(draftRu, draftKk)), ...oneLanguageFindings(baseRu, draftRu, baseKk, draftKk)];

describe('parity of random edits made in both languages (property)', () => {
  it('the same structural and wording edits in both texts give no finding; a wording edit left out of one gives exactly that one', () => {
    fc.assert(
      fc.property(lawArb('ru'), fc.array(editArb('ru'), { minLength: 1, maxLength: 5 }), fc.nat(), fc.nat(), (baseRu, edits, pick, at) => {
        const baseKk = kkOf(baseRu);
        const draftRu = edited(baseRu, edits);
        const draftKk = edited(baseKk, edits.map(kkEdit));
        // Random edits may number two units alike (the editor does not): such a text is not aligned
        // there, on purpose (align.test: "two units sharing a place"); the property is about drafts.
        const places: string[] = [];
        const collect = (list: readonly Provision[]) => list.forEach((u) => (places.push(`${u.kind}|${u.eId}`), collect(u.children)));
        collect(draftRu.body);
        fc.pre(new Set(places).size === places.length);
        expect(findingsOf(baseRu, draftRu, baseKk, draftKk)).toEqual([]);

        // One more wording edit, in Russian only, on a unit in force that the edits left as it was.
        const changed = new Set(derive(baseRu, draftRu).map((a) => a.uid));
        const inForce = new Set<string>();
        const seen = (list: readonly Provision[]) => list.forEach((u) => (inForce.add(u.uid), seen(u.children)));
        seen(baseRu.body);
        const candidates: Provision[] = [];
        const walk = (list: readonly Provision[]) => list.forEach((u) => (u.text && !u.repealed && inForce.has(u.uid) && !changed.has(u.uid) && candidates.push(u), walk(u.children)));
        walk(draftRu.body);
        fc.pre(candidates.length > 0);
        const target = candidates[pick % candidates.length] as Provision;
        const words = target.text.split(' ');
        words.splice(at % (words.length + 1), 0, 'университет');
        const once: LawDoc = structuredClone(draftRu);
        const set = (list: Provision[]) => list.forEach((u) => (u.uid === target.uid ? (u.text = words.join(' ')) : undefined, set(u.children)));
        set(once.body);
        const findings = findingsOf(baseRu, once, baseKk, draftKk);
        expect(findings.map((f) => [f.kind, f.eId])).toEqual([['one-language', target.eId]]);
      }),
      propertyParams(60),
    );
  });
});
