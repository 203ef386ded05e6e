import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser's URL of the tests' PostgreSQL, or '' when this machine has none. */
    pgUrl: string;
    /** Why there is no PostgreSQL, when there is none. */
    pgUnavailable: string;
  }
}

/**
 * Starts the team tests' PostgreSQL once for the run. Where the machine has none, the team tests
 * say so and are skipped — unless ZAN_REQUIRE_PG=1 (CI sets it), where that fails the run.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const pg = await startTestPostgres();
  if ('unavailable' in pg) {
    if (process.env['ZAN_REQUIRE_PG'] === '1') throw new Error(`The team tests need PostgreSQL: ${pg.unavailable}.`);
    console.warn(`[team tests] skipped: ${pg.unavailable}.`);
    project.provide('pgUrl', '');
    project.provide('pgUnavailable', pg.unavailable);
    return () => undefined;
  }
  project.provide('pgUrl', pg.url);
  project.provide('pgUnavailable', '');
  return () => pg.stop();
}
