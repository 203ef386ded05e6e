import { join } from 'node:path';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/ipc/handlers';
import { TeamHost } from '../../electron/team/host';
import { openTestContext, tempDir } from '../electron/harness';

/** A desktop as the app runs it: its SQLite file, TeamHost, and the handler table behind the IPC channels. */
export function hostDesktop(device: string) {
  const { dir, cleanup } = tempDir();
  const ctx = openTestContext(dir);
  const host = new TeamHost(ctx, { userData: join(dir, 'user-data'), keychain: null, device, log: () => undefined });
  const exports = { chooseSavePath: async () => null, chooseFolder: async () => null, printPdf: async () => Buffer.from('') };
  const dispatch = createDispatcher(createHandlers(ctx, { appVersion: '0', databasePath: join(dir, 'zan.sqlite'), exports, team: host }), { isTrustedSender: () => true });
  const call = async (channel: string, payload: unknown) => {
    const reply = (await dispatch(`zan:${channel}`, payload, { url: 'app://' })) as { ok: boolean; value?: unknown; error?: unknown };
    if (!reply.ok) throw new Error(`${channel}: ${JSON.stringify(reply.error)}`);
    return reply.value as Record<string, unknown>;
  };
  return { ctx, host, call, close: async () => (await host.stop(), ctx.store.close(), cleanup()) };
}

/** Waits (up to 20 s) until `ready` holds: what another desktop hears of happens a moment later. */
export async function until(ready: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 2000 && !(await ready()); i++) await new Promise((ok) => setTimeout(ok, 10));
}
