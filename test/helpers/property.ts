import type fc from 'fast-check';

/**
 * The seed every property test runs with in `npm test`, so that CI gives the same result on every
 * machine and every run. A failure found with it, or while exploring, becomes a named regression
 * case next to the property (the seed and path fast-check prints are not kept: they stop meaning
 * the same case as soon as a generator changes).
 */
export const FIXED_SEED = 20261201;

/** The seed of this run: FIXED_SEED, unless `ZAN_PROPERTY_SEED` gives another (a number, or `random`). */
export function propertySeed(): number {
  const given = process.env['ZAN_PROPERTY_SEED'];
  const seed = given === undefined || given === '' ? FIXED_SEED : given === 'random' ? (Math.random() * 2 ** 31) | 0 : Number(given);
  if (!Number.isInteger(seed)) throw new RangeError(`ZAN_PROPERTY_SEED must be an integer or "random", not "${given}".`);
  return seed;
}

/**
 * The parameters of one property test. To explore beyond the fixed cases, set
 * `ZAN_PROPERTY_SEED` (a number, or `random` for a new one each run) and `ZAN_PROPERTY_RUNS`
 * (a factor on the number of runs); fast-check prints the seed and path of any failure.
 */
export function propertyParams<T>(numRuns: number, extra: fc.Parameters<T> = {}): fc.Parameters<T> {
  const seed = propertySeed();
  const factor = Number(process.env['ZAN_PROPERTY_RUNS'] ?? 1);
  if (!(factor > 0)) throw new RangeError(`ZAN_PROPERTY_RUNS must be a positive factor, not "${process.env['ZAN_PROPERTY_RUNS']}".`);
  return { ...extra, seed, numRuns: Math.max(1, Math.round(numRuns * factor)) };
}
