import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP relay on 127.0.0.1 in front of the team server, which a test can cut (every connection
 * dropped, new ones refused: the desktop's network is gone) and restore on the same port. One
 * desktop goes offline while the server and the other desktops carry on.
 */
export async function cuttableProxy(target: string): Promise<{ url: string; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> }> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const relay = (client: Socket) => {
    const upstream = connect(Number(port), hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  };
  let server: Server = createServer(relay);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const own = (server.address() as AddressInfo).port;
  const stop = async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((ok) => server.close(() => ok()));
  };
  return {
    url: `http://127.0.0.1:${own}`,
    cut: stop,
    restore: async () => {
      server = createServer(relay);
      await new Promise<void>((ok) => server.listen(own, '127.0.0.1', ok));
    },
    close: async () => {
      if (server.listening) await stop();
    },
  };
}
