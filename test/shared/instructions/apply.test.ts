import { describe, expect, it } from 'vitest';
import { applyOperations, InstructionError, type Operation } from '../../../shared/instructions';
import { parseLaw, printLaw } from '../../../shared/law';

/** How applying the operations of an amending law keeps to what each statement says, and refuses what none can mean. */
const BASE = parseLaw(
  [
    'Статья 1. Понятия',
    'В настоящем Законе используются понятия:',
    '1) вуз - организация образования, вузовский центр;',
    '2) партнер - организация.',
    '',
    'Статья 2. Советы',
    '1. Советы создаются при вузах.',
    'Советы работают открыто.',
    '2. Советы отчитываются:',
    '1) перед вузом;',
    '2) перед партнером.',
    '3.',
    '1) первый.',
    '',
  ].join('\n'),
);

const art = (num: string) => ({ kind: 'article', num }) as const;
const para = (num: string) => ({ kind: 'paragraph', num }) as const;
const sub = (num: string) => ({ kind: 'subparagraph', num }) as const;
const apply = (ops: Operation[]) => printLaw(applyOperations(BASE, ops));

describe('applying operations', () => {
  it('refuses a statement about a unit an earlier statement set out anew, or about a unit under it', () => {
    const restate: Operation = { op: 'restate', address: [art('2'), para('2')], content: '2. Советы отчитываются ежегодно.' };
    expect(() => apply([restate, { op: 'repeal', address: [art('2'), para('2'), sub('1')] }])).toThrow(/no longer in the text: instruction 1/);
    expect(() => apply([restate, { op: 'replace', address: [art('2'), para('2')], from: 'ежегодно', to: 'ежемесячно' }])).toThrow(/instruction 1 \(restate.*already set it out anew/);
  });

  it('refuses a statement about a unit an earlier statement excluded', () => {
    const repeal: Operation = { op: 'repeal', address: [art('2'), para('2')] };
    expect(() => apply([repeal, { op: 'replace', address: [art('2'), para('2'), sub('1')], from: 'вузом', to: 'университетом' }])).toThrow(/no longer in the text/);
    expect(() => apply([repeal, { op: 'insert', parent: [art('2'), para('2')], kind: 'subparagraph', num: '3', content: '3) перед обществом.' }])).toThrow(/excluded/);
  });

  it('refuses a result that is not a valid law (numbers out of order)', () => {
    expect(() => apply([{ op: 'renumber', address: [art('2'), para('1')], num: '5' }])).toThrow(InstructionError);
    expect(() => apply([{ op: 'renumber', address: [art('2'), para('1')], num: '5' }])).toThrow(/would not be a valid law/);
  });

  it('takes the one whole-word occurrence of words that also stand inside other words', () => {
    expect(apply([{ op: 'replace', address: [art('1'), sub('1')], from: 'вуз', to: 'университет' }])).toContain('1) университет - организация образования, вузовский центр;');
    // Twice as whole words: which one is meant cannot be known.
    expect(() => apply([{ op: 'replace', address: [art('2'), para('1')], from: 'Советы', to: 'Комиссии' }])).toThrow(/more than once/);
  });

  it('places lines added one after another after each other, addressed as the law numbers them', () => {
    const text = apply([
      { op: 'insertLine', address: [art('2'), para('1')], line: 3, content: 'Советы избирают председателя.' },
      { op: 'insertLine', address: [art('2'), para('1')], line: 4, content: 'Советы утверждают план.' },
      { op: 'insertLine', address: [art('2'), para('1')], line: 2, content: 'Советы состоят из членов.' },
    ]);
    expect(text).toContain('1. Советы создаются при вузах.\nСоветы состоят из членов.\nСоветы работают открыто.\nСоветы избирают председателя.\nСоветы утверждают план.\n');
  });

  it('adds a first line to a unit with no text of its own, and no line past the end', () => {
    expect(apply([{ op: 'insertLine', address: [art('2'), para('3')], line: 1, content: 'Советы вправе:' }])).toContain('3. Советы вправе:\n1) первый.\n');
    expect(() => apply([{ op: 'insertLine', address: [art('2'), para('3')], line: 2, content: 'x' }])).toThrow(/it has 0 lines: no line 2 can be added/);
  });

  it('a "throughout the text" statement with a phrase that does not occur changes nothing', () => {
    let error: unknown;
    const ops: Operation[] = [{ op: 'throughout', replacements: [{ from: 'Советы', to: 'Комиссии' }, { from: 'кентавры', to: 'люди' }] }];
    const amended = applyOperations(BASE, ops, { onError: (e) => (error = e) });
    expect(String(error)).toMatch(/«кентавры» do not occur/);
    expect(printLaw(amended)).toBe(printLaw(BASE));
  });

  it('words of an article found in several units under it: says so, and which to name', () => {
    expect(() => apply([{ op: 'replace', address: [art('2')], from: 'Советы', to: 'Комиссии' }])).toThrow(/in 2 units under it: say which one/);
  });
});
