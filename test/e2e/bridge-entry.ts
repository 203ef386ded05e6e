// Bundled into an init script by global-setup.ts: installs `window.zan` in the test page exactly as
// electron/preload.ts does in the app, with the same bridge builder, over a Playwright binding
// instead of ipcRenderer.invoke. Non-writable, like an object exposed through contextBridge.
import { buildBridge } from '../../shared/bridge';
import { BIG_REPLY_KEY } from './big-reply';

declare global {
  interface Window {
    __zanInvoke(channel: string, payload: string): Promise<string>;
  }
}

/** Sends a call through the binding; a big reply comes back as a path to fetch it from (app-server.ts). */
async function invoke(channel: string, payload: unknown): Promise<unknown> {
  const answer = JSON.parse(await window.__zanInvoke(channel, JSON.stringify(payload ?? null))) as unknown;
  const big = answer && typeof answer === 'object' ? (answer as Record<string, unknown>)[BIG_REPLY_KEY] : undefined;
  if (typeof big !== 'string') return answer;
  const response = await fetch(big);
  if (!response.ok) throw new Error(`the reply of ${channel} could not be fetched (${response.status})`);
  return (await response.json()) as unknown;
}

Object.defineProperty(window, 'zan', {
  // As JSON text both ways (app-server.ts says why); a payload the page cannot encode is refused there.
  value: buildBridge(invoke),
  writable: false,
  configurable: false,
});
