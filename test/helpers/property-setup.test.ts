import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertySeed } from './property';

describe('the property tests’ seed', () => {
  it('is set for every fast-check run of the file, also one without propertyParams', () => {
    expect(fc.readConfigureGlobal().seed).toBe(propertySeed());
    // The same seed, the same cases: a property run twice sees the same values.
    const seen = () => fc.sample(fc.integer(), 5);
    expect(seen()).toEqual(seen());
  });
});
