import { createDispatcher, type Dispatcher } from '../../../electron/ipc/dispatch';
import { APP_ORIGIN } from '../../../electron/shell/app-url';
import { sameOriginCheck } from '../../../electron/shell/origin';
import { createHandlers } from '../../../electron/ipc/handlers';
import type { ServiceContext } from '../../../electron/services/context';

/** The renderer's address in the IPC tests: a trusted sender. */
export const TEST_APP = `${APP_ORIGIN}/`;

/** The app's page as the sender of a request. */
export const FROM_APP = { url: `${TEST_APP}index.html` };

/** The app's handler table over a test context, behind the dispatcher as main.ts builds it (outputs validated). */
export function testDispatcher(ctx: ServiceContext): Dispatcher {
  return createDispatcher(createHandlers(ctx, { appVersion: '0.0.0-test', databasePath: 'test', exports: { chooseSavePath: async () => null, chooseFolder: async () => null, printPdf: async () => Buffer.from('') } }), {
    isTrustedSender: sameOriginCheck(APP_ORIGIN),
    validateOutputs: true,
  });
}
