import type { IpcMain } from 'electron';
import { CHANNEL_NAMES, ipcChannel } from '../../shared/channels';
import { toWire } from '../../shared/wire';
import type { Dispatcher } from './dispatch';

/**
 * Registers one `ipcMain.handle` per channel of the contract, each passing the untrusted payload
 * and the sending frame's URL to the dispatcher, which validates both before any service runs.
 */
export function registerIpc(ipcMain: IpcMain, dispatch: Dispatcher): void {
  for (const name of CHANNEL_NAMES) {
    const channel = ipcChannel(name);
    // A value a worker serialized goes on as its JSON text, unread here (shared/wire.ts).
    ipcMain.handle(channel, async (event, payload: unknown) => toWire(await dispatch(channel, payload, { url: event.senderFrame?.url ?? '' })));
  }
}
