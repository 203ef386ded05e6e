// Bundled into an init script by global-setup.ts: installs `window.zan` in the test page exactly as
// electron/preload.ts does in the app, with the same bridge builder, over a Playwright binding
// instead of ipcRenderer.invoke. Non-writable, like an object exposed through contextBridge.
import { buildBridge } from '../../shared/bridge';

declare global {
  interface Window {
    __zanInvoke(channel: string, payload: string): Promise<string>;
  }
}

Object.defineProperty(window, 'zan', {
  // As JSON text both ways (app-server.ts says why); a payload the page cannot encode is refused there.
  value: buildBridge(async (channel, payload) => JSON.parse(await window.__zanInvoke(channel, JSON.stringify(payload ?? null))) as unknown),
  writable: false,
  configurable: false,
});
