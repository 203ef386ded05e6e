// Bundled into an init script by global-setup.ts: installs `window.zan` in the test page exactly as
// electron/preload.ts does in the app, with the same bridge builder, over a Playwright binding
// instead of ipcRenderer.invoke. Non-writable, like an object exposed through contextBridge.
import { buildBridge } from '../../shared/bridge';

declare global {
  interface Window {
    __zanInvoke(channel: string, payload: unknown): Promise<unknown>;
  }
}

Object.defineProperty(window, 'zan', {
  value: buildBridge((channel, payload) => window.__zanInvoke(channel, payload)),
  writable: false,
  configurable: false,
});
