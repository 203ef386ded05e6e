import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOperations, parseAmendingLaw, planOperations, printWithoutNotes, renderAmendingLaw } from '../../../shared/instructions';
import { validateLaw, type Lang } from '../../../shared/law';
import { editArb, edited, lawArb } from './random-drafts';
import { propertyParams } from '../../helpers/property';

const CITATION: Record<Lang, string> = { ru: 'Закон Республики Казахстан «О науке»', kk: 'Қазақстан Республикасының «Ғылым туралы» Заңына', en: 'the Law of the Republic of Kazakhstan "On Science"' };

describe('apply(base, parse(render(derive(base, draft)))) = draft', () => {
  it.each(['ru', 'kk', 'en'] as Lang[])('on random edits (%s)', (lang) => {
    fc.assert(
      fc.property(lawArb(lang), fc.array(editArb(lang), { minLength: 1, maxLength: 6 }), (base, edits) => {
        const draft = edited(base, edits);
        validateLaw(draft);
        const ops = planOperations(base, draft);
        const text = renderAmendingLaw(lang, [{ citation: CITATION[lang], operations: ops }]);
        const [act] = parseAmendingLaw(lang, text);
        expect(act?.operations).toEqual(ops);
        expect(printWithoutNotes(applyOperations(base, act!.operations))).toBe(printWithoutNotes(draft));
      }),
      propertyParams(1000),
    );
  });
});
