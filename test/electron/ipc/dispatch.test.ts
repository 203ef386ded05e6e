import { beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../../electron/ipc/dispatch';
import { APP_ORIGIN } from '../../../electron/shell/app-url';
import { sameOriginCheck } from '../../../electron/shell/origin';
import { createHandlers, type HandlerTable } from '../../../electron/ipc/handlers';
import type { ServiceContext } from '../../../electron/services/context';
import { buildBridge } from '../../../shared/bridge';
import { InstructionError } from '../../../shared/instructions';
import { CHANNEL_NAMES, contract } from '../../../shared/ipc';
import { unwrap } from '../../../shared/reply';
import { useTestContext } from '../harness';
import { FROM_APP, testDispatcher } from './test-dispatcher';

const current = useTestContext();
let ctx: ServiceContext;
let dispatch: Dispatcher;
beforeEach(() => {
  ({ ctx } = current());
  dispatch = testDispatcher(ctx);
});
const fromApp = FROM_APP;

describe('IPC dispatch', () => {
  it('answers a valid request with a value that fits the contract', async () => {
    const reply = await dispatch('zan:listLibrary', {}, fromApp);
    expect(reply.ok).toBe(true);
  });

  it.each([
    ['a wrong type', 'zan:openVersion', { versionId: 42 }],
    ['a missing field', 'zan:createPackage', { title: 'Проект' }],
    ['an extra field', 'zan:listLibrary', { sql: 'DROP TABLE work' }],
    ['a malformed row', 'zan:saveDraft', { versionId: 'abcdefgh12', revision: 0, upserts: [{ uid: 'x' }], deletes: [] }],
    ['a negative revision', 'zan:saveDraft', { versionId: 'abcdefgh12', revision: -1, upserts: [], deletes: [] }],
    ['no payload at all', 'zan:openVersion', undefined],
  ])('rejects %s with INVALID_PAYLOAD before any handler runs', async (_name, channel, payload) => {
    const reply = await dispatch(channel, payload, fromApp);
    expect(reply).toEqual({ ok: false, error: { code: 'INVALID_PAYLOAD', message: expect.any(String) } });
  });

  it('rejects an unknown channel and a foreign sender', async () => {
    expect(await dispatch('zan:dropEverything', {}, fromApp)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await dispatch('zan:listLibrary', {}, { url: 'https://example.org/' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(await dispatch('zan:listLibrary', {}, { url: '' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });

  it('keeps the code of a domain error', async () => {
    expect(await dispatch('zan:openVersion', { versionId: 'doesnotexist1' }, fromApp)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('an amending statement that cannot be carried out reaches the page with its own code and reason, not as INTERNAL', async () => {
    const logged: string[] = [];
    const handlers = createHandlers(ctx, { appVersion: '', databasePath: '', exports: { chooseSavePath: async () => null, chooseFolder: async () => null, printPdf: async () => Buffer.from('') } });
    const failing = createDispatcher({ ...handlers, listLibrary: () => { throw new InstructionError('Statement 3 (line 7, «подпункт 9) исключить»): no such unit in the text'); } }, { isTrustedSender: sameOriginCheck(APP_ORIGIN), log: (m) => void logged.push(m) });
    expect(await failing('zan:listLibrary', {}, fromApp)).toEqual({ ok: false, error: { code: 'INVALID_INSTRUCTION', message: 'Statement 3 (line 7, «подпункт 9) исключить»): no such unit in the text' } });
    expect(logged).toEqual([]);
  });

  it('refuses a handler table that does not match the contract', () => {
    const handlers = createHandlers(ctx, { appVersion: '', databasePath: '', exports: { chooseSavePath: async () => null, chooseFolder: async () => null, printPdf: async () => Buffer.from('') } }) as Partial<HandlerTable>;
    delete handlers.saveDraft;
    expect(() => createDispatcher(handlers as HandlerTable, { isTrustedSender: () => true })).toThrow(/missing: saveDraft/);
  });

  it('the bridge exposes exactly the contract and carries replies through', async () => {
    const api = buildBridge((channel, payload) => dispatch(channel, payload, fromApp));
    expect(Object.keys(api).sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(Object.keys(contract).sort()).toEqual([...CHANNEL_NAMES].sort());
    const library = unwrap(await api.listLibrary({}));
    expect(library[0]?.slug).toBe('test-law');
    const bad = await api.openVersion({ versionId: 'not an id!' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  });
});
