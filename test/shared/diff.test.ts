import { describe, expect, it } from 'vitest';
import { baseOf, proposedOf, type DiffOp } from '../../shared/diff/ops';
import { tokenize } from '../../shared/diff/tokenize';
import { changeStats, MAX_DISTINCT_TOKENS, wordDiff } from '../../shared/diff/words';

describe('tokenize', () => {
  it.each([
    ['научно-технической политики', ['научно-технической', ' ', 'политики']],
    ['ғылыми-техникалық қызмет', ['ғылыми-техникалық', ' ', 'қызмет']],
    ['subparagraph 9-1) and 17-1)', ['subparagraph', ' ', '9-1)', ' ', 'and', ' ', '17-1)']],
    ['1.5% от 01.02.2025 № 150-VIII.', ['1.5%', ' ', 'от', ' ', '01.02.2025', ' ', '№', ' ', '150-VIII', '.']],
    ['«слова»; „и“', ['«', 'слова', '»', ';', ' ', '„', 'и', '“']],
    ['5-бап', ['5-бап']],
    ['әғқңөұүһі ӘҒҚҢӨҰҮҺІ', ['әғқңөұүһі', ' ', 'ӘҒҚҢӨҰҮҺІ']],
    ['a 😀😀 b 𝔸𝔹', ['a', ' ', '😀', '😀', ' ', 'b', ' ', '𝔸𝔹']],
    ["don't stop", ["don't", ' ', 'stop']],
  ])('%j', (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
    expect(tokenize(text).join('')).toBe(text);
  });
});

/** Renders a diff compactly: [-deleted-]{+inserted+}. */
function show(ops: DiffOp[]): string {
  return ops.map(([op, t]) => (op === -1 ? `[-${t}-]` : op === 1 ? `{+${t}+}` : t)).join('');
}

describe('wordDiff', () => {
  it.each([
    ['ru: one word', 'Советы создаются при органах.', 'Советы образуются при органах.', 'Советы [-создаются-]{+образуются+} при органах.'],
    ['kk: one word', 'Кеңес ұйымдармен бірлесіп құрылады.', 'Кеңес университеттермен бірлесіп құрылады.', 'Кеңес [-ұйымдармен-]{+университеттермен+} бірлесіп құрылады.'],
    ['en: added words', 'Universities may establish laboratories.', 'Universities may jointly establish laboratories.', 'Universities may {+jointly +}establish laboratories.'],
    ['a number', 'не менее 1% расходов', 'не менее 1.5% расходов', 'не менее [-1%-]{+1.5%+} расходов'],
    ['never inside a word', 'консорциум', 'консорциумы', '[-консорциум-]{+консорциумы+}'],
  ])('%s', (_name, a, b, expected) => {
    const ops = wordDiff(a, b);
    expect(show(ops)).toBe(expected);
    expect(baseOf(ops)).toBe(a);
    expect(proposedOf(ops)).toBe(b);
  });

  it('is empty for two empty texts and all-equal for equal texts', () => {
    expect(wordDiff('', '')).toEqual([]);
    expect(wordDiff('тот же', 'тот же')).toEqual([[0, 'тот же']]);
  });

  it('stays correct past the 65,535-token limit of the encoding', () => {
    const words = Array.from({ length: MAX_DISTINCT_TOKENS + 500 }, (_, i) => `w${i}`);
    const a = words.join(' ');
    const b = words.map((w, i) => (i % 9000 === 0 ? `${w}x` : w)).join(' ');
    const ops = wordDiff(a, b);
    expect(baseOf(ops)).toBe(a);
    expect(proposedOf(ops)).toBe(b);
    expect(ops.filter(([op]) => op === 1).length).toBeGreaterThan(0);
  });

  it('reports a timeout as a defect and still returns the true diff', () => {
    const defects: string[] = [];
    const a = Array.from({ length: 4000 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 4000 }, (_, i) => `b${i}`).join(' ');
    const ops = wordDiff(a, b, { timeoutSeconds: 0.000001, onDefect: (m) => defects.push(m) });
    expect(defects).toHaveLength(1);
    expect(baseOf(ops)).toBe(a);
    expect(proposedOf(ops)).toBe(b);
  });

  it('counts changed words and separate edits', () => {
    expect(changeStats(wordDiff('один два три четыре', 'один пять три шесть'))).toEqual({ changedWords: 4, baseWords: 4, proposedWords: 4, edits: 2 });
  });
});
