import { CHANNEL_NAMES, ipcChannel } from './channels';
import type { WorkbenchApi } from './ipc';
import type { Reply } from './reply';
import { fromWire } from './wire';

/** Sends one request over whatever transport the bridge runs on (Electron IPC, or a test binding). */
export type Invoke = (channel: string, payload: unknown) => Promise<unknown>;

/**
 * Builds `window.zan`: one method per channel of the contract, nothing else. The preload builds it
 * over `ipcRenderer.invoke`; the e2e harness builds the very same object over a Playwright binding.
 * The methods return Replies (values), because a thrown error loses its code crossing contextBridge.
 */
export function buildBridge(invoke: Invoke): WorkbenchApi {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of CHANNEL_NAMES) {
    const channel = ipcChannel(name);
    api[name] = async (input: unknown) => {
      try {
        // A value the main process passed on as JSON text is read here, on the page's thread (wire.ts).
        return fromWire(await invoke(channel, input ?? {}));
      } catch (error) {
        const reply: Reply<never> = { ok: false, error: { code: 'INTERNAL', message: `IPC failed: ${(error as Error).message}` } };
        return reply;
      }
    };
  }
  return Object.freeze(api) as unknown as WorkbenchApi;
}
