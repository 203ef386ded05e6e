import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from '../shared/bridge';

// The only thing the page gets: `window.zan`, one typed method per channel of the contract.
// ipcRenderer itself never reaches the page.
contextBridge.exposeInMainWorld(
  'zan',
  buildBridge((channel, payload) => ipcRenderer.invoke(channel, payload)),
);
