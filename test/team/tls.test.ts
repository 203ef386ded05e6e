import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { PROTOCOL_HEADER, TEAM_PROTOCOL } from '../../shared/team/contract';
import { connect } from '../../server/db/connect';
import { migrateTeamDatabase } from '../../server/db/migrate';
import { startTeamServer } from '../../server/http/app';
import { addUser } from '../../server/team/users';
import { describeTeam, freshDatabase } from './harness';

const TLS = join(__dirname, 'fixtures/tls');
const cert = readFileSync(join(TLS, 'cert.pem'), 'utf8');
const key = readFileSync(join(TLS, 'key.pem'), 'utf8');

/** GET over HTTPS, trusting only the test certificate (or nothing but the system's, with `ca` left out). */
function getTls(url: string, headers: Record<string, string>, ca?: string): Promise<{ status: number; body: unknown }> {
  return new Promise((ok, fail) => {
    const req = httpsRequest(url, { headers, ...(ca ? { ca } : {}) }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown }));
    });
    req.on('error', fail);
    req.end();
  });
}

describeTeam('the team service over TLS (--cert/--key)', () => {
  it('answers over HTTPS with its certificate, authenticates the token there, and does not speak plain HTTP', async () => {
    const fresh = await freshDatabase();
    const db = connect(fresh.url);
    await migrateTeamDatabase(db);
    const server = await startTeamServer({ db, host: '127.0.0.1', port: 0, tls: { cert, key }, log: () => undefined });
    try {
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const anna = await addUser(db, 'Анна Петрова', 'drafter');
      const headers = { authorization: `Bearer ${anna.token}`, [PROTOCOL_HEADER]: String(TEAM_PROTOCOL) };
      expect(await getTls(`${server.url}/v1/health`, {}, cert)).toMatchObject({ status: 200, body: { ok: true, protocol: TEAM_PROTOCOL } });
      expect(await getTls(`${server.url}/v1/me`, headers, cert)).toEqual({ status: 200, body: expect.objectContaining({ name: 'Анна Петрова', role: 'drafter' }) });
      // A client that does not trust the certificate is refused by its own TLS check.
      await expect(getTls(`${server.url}/v1/health`, {})).rejects.toThrow(/self[- ]signed/i);
      // Plain HTTP on the same port gets no answer from the service.
      const plain = await new Promise<string>((ok) => {
        const req = httpRequest(server.url.replace('https:', 'http:') + '/v1/health', (res) => ok(`answered ${res.statusCode}`));
        req.on('error', (error) => ok(`refused: ${error.message}`));
        req.end();
      });
      expect(plain).toBe('refused: socket hang up');
    } finally {
      await server.close();
      await db.close();
      await fresh.drop();
    }
  });
});
