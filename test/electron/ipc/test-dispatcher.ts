import { createDispatcher, senderCheck, type Dispatcher } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/ipc/handlers';
import type { ServiceContext } from '../../../electron/services/context';

/** The renderer's address in the IPC tests: a trusted sender. */
export const TEST_APP = 'file:///opt/zan/out/renderer/';

/** The app's handler table over a test context, behind the dispatcher as main.ts builds it (outputs validated). */
export function testDispatcher(ctx: ServiceContext): Dispatcher {
  return createDispatcher(createHandlers(ctx, { appVersion: '0.0.0-test', databasePath: 'test', exports: { chooseSavePath: async () => null, chooseFolder: async () => null, printPdf: async () => Buffer.from('') } }), {
    isTrustedSender: senderCheck([TEST_APP]),
    validateOutputs: true,
  });
}
