import { describe, expect, it } from 'vitest';
import { countByKind, parseLaw, printLaw, validateLaw } from '../../shared/law';
import { editedDraft, syntheticCode } from './synthetic';

// The benchmarks time work on these texts: a text the law's own checks refuse would time refusals.
describe('the synthetic code of the benchmarks', () => {
  it.each([10, 100, 300, 1000])('with %i articles is a valid law that prints and reads back', (articles) => {
    const code = syntheticCode(articles, 1);
    expect(() => validateLaw(code)).not.toThrow();
    const text = printLaw(code);
    expect(printLaw(parseLaw(text))).toBe(text);
    expect(countByKind(code).article).toBe(articles);
  });

  it('the edited draft of the 1,000-article code is a valid law too', () => {
    const { draft } = editedDraft(syntheticCode(1000, 1), { replaced: 40, inserted: 10, repealed: 5, moved: 5, renumbered: 5 });
    expect(() => validateLaw(draft)).not.toThrow();
  });
});
