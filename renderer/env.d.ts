import type { WorkbenchApi } from '../shared/ipc';

declare global {
  interface Window {
    /** The bridge the preload exposes (electron/preload.ts): one method per IPC channel. */
    readonly zan: WorkbenchApi;
  }
}
