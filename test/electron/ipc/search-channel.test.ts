import { beforeEach, describe, expect, it } from 'vitest';
import type { Dispatcher } from '../../../electron/ipc/dispatch';
import type { ServiceContext } from '../../../electron/services/context';
import { searchIndexPending } from '../../../electron/services/search';
import { startPackage, useTestContext } from '../harness';
import { FROM_APP, testDispatcher } from './test-dispatcher';

const fromApp = FROM_APP;
const current = useTestContext();
let ctx: ServiceContext;
let dispatch: Dispatcher;
beforeEach(() => {
  ({ ctx } = current());
  startPackage(ctx);
  dispatch = testDispatcher(ctx);
});

/** Waits until the main process's indexer has caught up (it runs between calls, started with the handlers). */
async function indexed(): Promise<void> {
  for (let k = 0; k < 500 && searchIndexPending(ctx); k++) await new Promise((ok) => setImmediate(ok));
  expect(searchIndexPending(ctx)).toBe(false);
}

describe('the search channel', () => {
  it('the index is built between calls from the start, and a search answers within the contract', async () => {
    await indexed();
    const reply = await dispatch('zan:search', { query: 'грантов' }, fromApp);
    expect(reply).toMatchObject({ ok: true, value: { total: 1, truncated: false, indexing: false, hits: [{ label: 'Статья 1, подпункт 9)', status: 'in_force' }] } });
  });

  it.each([
    ['an empty query', { query: '' }],
    ['a lone surrogate', { query: 'грант \uD800' }],
    ['a query too long', { query: 'а'.repeat(501) }],
    ['an unknown field', { query: 'грант', sql: 'x' }],
    ['a bad version id', { query: 'грант', versionIds: ['../x'] }],
  ])('refuses %s', async (_what, payload) => {
    expect(await dispatch('zan:search', payload, fromApp)).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  });

  it('a pair of surrogates (a character beyond the BMP) is text', async () => {
    expect(await dispatch('zan:search', { query: 'грант 😀' }, fromApp)).toMatchObject({ ok: true });
  });
});
