import { describe, expect, it } from 'vitest';
import { compareNums, isValidNum, numberBetween, numSegments } from '../../../shared/law';

describe('unit numbers', () => {
  it.each([
    ['5', true],
    ['5-1', true],
    ['5-1-1', true],
    ['17-12', true],
    ['', false],
    ['5-', false],
    ['-1', false],
    ['5.1', false],
    ['5a', false],
  ])('isValidNum(%j) is %s', (num, valid) => {
    expect(isValidNum(num)).toBe(valid);
  });

  it('orders numbers the way the law does', () => {
    const shuffled = ['6', '5-2', '5', '5-1-1', '10', '5-1', '9-1'];
    expect([...shuffled].sort(compareNums)).toEqual(['5', '5-1', '5-1-1', '5-2', '6', '9-1', '10']);
  });

  it('rejects a malformed number with a RangeError', () => {
    expect(() => numSegments('5.1')).toThrow(RangeError);
  });

  it.each([
    [null, null, '1'],
    ['5', '6', '5-1'],
    ['5-1', '6', '5-2'],
    ['5-1', '5-2', '5-1-1'],
    ['5', '7', '5-1'],
    ['7', null, '8'],
    ['7-2', null, '8'],
    [null, '1', null],
    ['5', '5-1', null],
  ] as const)('numberBetween(%j, %j) is %j', (prev, next, expected) => {
    expect(numberBetween(prev, next)).toBe(expected);
  });
});
