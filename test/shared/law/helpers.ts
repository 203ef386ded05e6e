import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A uid maker that counts, so trees parsed in tests are stable and comparable. */
export function countingUids(): () => string {
  let n = 0;
  return () => `u${String(++n).padStart(9, '0')}`;
}

/** Reads a fixture law text from test/fixtures/law. */
export function fixture(name: string): string {
  return readFileSync(join(import.meta.dirname, '../../fixtures/law', name), 'utf8');
}
