import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { PROTOCOL_HEADER, TEAM_PROTOCOL } from '../../shared/team/contract';
import { addUser } from '../../server/team/users';
import { describeTeam, useTeamServer } from './harness';
import { hostDesktop } from './host-desktop';

const team = useTeamServer();

/** A server that answers every request as a team server of another protocol version would. */
async function serverOfProtocol(server: number): Promise<{ url: string; close: () => Promise<void> }> {
  const http: Server = createServer((request, response) => {
    const desktop = Number(request.headers[PROTOCOL_HEADER] ?? 0);
    response.writeHead(426, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'UPGRADE', message: `protocol ${server}, not ${desktop}`, detail: { server, desktop } } }));
  });
  await new Promise<void>((ok) => http.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, close: () => new Promise((ok) => http.close(() => ok())) };
}

describeTeam('the desktop and the server speak one version of the contract', () => {
  it('a request naming no version or another is refused 426 UPGRADE, saying which side is older — events too; the health check answers anyone, with the version', async () => {
    const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
    const get = async (path: string, protocol?: string) => {
      const response = await fetch(`${team().url}${path}`, { headers: { authorization: `Bearer ${anna.token}`, ...(protocol === undefined ? {} : { [PROTOCOL_HEADER]: protocol }) } });
      return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string; detail: unknown } } };
    };
    expect(await get('/v1/me', String(TEAM_PROTOCOL))).toMatchObject({ status: 200, body: { name: 'Анна Петрова' } });
    expect(await get('/v1/me')).toMatchObject({ status: 426, body: { error: { code: 'UPGRADE', message: expect.stringMatching(/update Zan Workbench/), detail: { server: TEAM_PROTOCOL, desktop: 0 } } } });
    expect(await get('/v1/packages', String(TEAM_PROTOCOL - 1))).toMatchObject({ status: 426, body: { error: { detail: { server: TEAM_PROTOCOL, desktop: TEAM_PROTOCOL - 1 } } } });
    expect(await get('/v1/me', String(TEAM_PROTOCOL + 1))).toMatchObject({ status: 426, body: { error: { code: 'UPGRADE', message: expect.stringMatching(/server is to be updated/) } } });
    expect(await get('/v1/me', 'two')).toMatchObject({ status: 426 });
    expect((await fetch(`${team().url}/v1/events`, { headers: { authorization: `Bearer ${anna.token}` } })).status).toBe(426);
    expect(await get('/v1/health')).toEqual({ status: 200, body: { ok: true, schema: expect.any(Number), protocol: TEAM_PROTOCOL, listening: true } });
  });

  it('connecting to a server of a newer or an older version says which to update, and keeps nothing of the connection', async () => {
    const d = hostDesktop('anna-laptop');
    try {
      for (const [server, key] of [[TEAM_PROTOCOL + 1, 'team.appTooOld'], [TEAM_PROTOCOL - 1, 'team.serverTooOld']] as const) {
        const other = await serverOfProtocol(server);
        try {
          await expect(d.call('connectTeam', { url: other.url, token: 'a'.repeat(40) })).rejects.toThrow(new RegExp(`"key":"${key.replace('.', '\\.')}"`));
        } finally {
          await other.close();
        }
      }
      expect(await d.call('getTeamStatus', {})).toMatchObject({ state: 'off' });
    } finally {
      await d.close();
    }
  });
});
