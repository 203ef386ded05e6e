import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/ipc/handlers';
import type { KeychainLike } from '../../electron/services/audit/install-key';
import { TeamHost } from '../../electron/team/host';
import type { ProvisionRow } from '../../shared/law';
import { addUser } from '../../server/team/users';
import { openTestContext, startPackage, tempDir } from '../electron/harness';
import { describeTeam, teamClient, useTeamServer } from './harness';

const team = useTeamServer();

/** A keychain stand-in that "encrypts" by reversing the bytes: enough to see the token is not kept as it is. */
const keychain: KeychainLike = {
  isEncryptionAvailable: () => true,
  encryptString: (text) => Buffer.from(text, 'utf8').reverse(),
  decryptString: (encrypted) => Buffer.from(encrypted).reverse().toString('utf8'),
};

async function until(ready: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 2000 && !(await ready()); i++) await new Promise((ok) => setTimeout(ok, 10));
}

describeTeam('team mode in the app (TeamHost behind the IPC channels)', () => {
  it('connect checks the address and the token; the token is kept by the keychain; publish, then each save is pushed by itself; after a restart it resumes', async () => {
    const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
    const { dir, cleanup } = tempDir();
    const userData = join(dir, 'user-data');
    const ctx = openTestContext(dir);
    const host = new TeamHost(ctx, { userData, keychain, device: 'anna-laptop', log: () => undefined });
    const exports = { chooseSavePath: async () => null, chooseFolder: async () => null, printPdf: async () => Buffer.from('') };
    const dispatch = createDispatcher(createHandlers(ctx, { appVersion: '0', databasePath: join(dir, 'zan.sqlite'), exports, team: host }), { isTrustedSender: () => true });
    const call = (channel: string, payload: unknown) => dispatch(`zan:${channel}`, payload, { url: 'app://' });
    try {
      expect(await call('getTeamStatus', {})).toMatchObject({ ok: true, value: { connected: false, state: 'off' } });
      expect(await call('connectTeam', { url: team().url, token: 'zan_not-a-real-token' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', key: 'team.refused', params: { code: 'UNAUTHORIZED' } } });
      expect(await call('connectTeam', { url: 'http://127.0.0.1:9', token: anna.token })).toMatchObject({ ok: false, error: { code: 'NOT_READY', key: 'team.unreachable' } });
      expect(await call('connectTeam', { url: 'file:///etc/passwd', token: anna.token })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
      expect(await call('connectTeam', { url: `${team().url}/`, token: anna.token })).toMatchObject({ ok: true, value: { connected: true, url: team().url, user: { name: 'Анна Петрова', role: 'drafter' }, kept: 'keychain' } });
      const kept = readFileSync(join(userData, 'team-credentials.enc'));
      expect(kept.toString('utf8')).not.toContain(anna.token);
      expect(statSync(join(userData, 'team-credentials.enc')).mode & 0o077).toBe(0);
      const { pkgId, versionId, p17 } = startPackage(ctx);
      expect(await call('publishToTeam', { packageId: pkgId })).toMatchObject({ ok: true });
      expect(await call('saveDraft', { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] })).toMatchObject({ ok: true });
      const onServer = async () => (await teamClient(team().url, anna.token, 'x').get<{ provisions: { uid: string; row: ProvisionRow | null }[] }>(`/v1/drafts/${versionId}`)).body.provisions.find((p) => p.uid === p17.uid)?.row?.text;
      await until(async () => (await onServer()) === 'Университеты и колледжи вправе:');
      expect(await onServer()).toBe('Университеты и колледжи вправе:');
      await until(() => host.view().queue === 0 && host.view().state === 'online');
      expect(host.view()).toMatchObject({ state: 'online', queue: 0 });
      await host.stop();
      // The app starts again: the same server and token, from the keychain.
      const again = new TeamHost(ctx, { userData, keychain, device: 'anna-laptop', log: () => undefined });
      again.start();
      expect(again.view()).toMatchObject({ connected: true, url: team().url, kept: 'keychain' });
      await until(() => again.view().state === 'online');
      expect(again.view().state).toBe('online');
      await again.stop();
    } finally {
      await host.stop();
      ctx.store.close();
      cleanup();
    }
  });

  it('without a keychain the token is kept in a file only this user can read, and the app says so; without team mode the channels answer NOT_READY', async () => {
    const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
    const { dir, cleanup } = tempDir();
    const ctx = openTestContext(dir);
    const host = new TeamHost(ctx, { userData: dir, keychain: null, device: 'anna-laptop', log: () => undefined });
    try {
      expect(await host.connect(team().url, anna.token)).toMatchObject({ connected: true, kept: 'file' });
      expect(statSync(join(dir, 'team-credentials.json')).mode & 0o077).toBe(0);
      const dispatch = createDispatcher(createHandlers(ctx, { appVersion: '0', databasePath: ':memory:', exports: { chooseSavePath: async () => null, chooseFolder: async () => null, printPdf: async () => Buffer.from('') } }), { isTrustedSender: () => true });
      expect(await dispatch('zan:connectTeam', { url: team().url, token: anna.token }, { url: 'app://' })).toMatchObject({ ok: false, error: { code: 'NOT_READY', key: 'team.notAvailable' } });
      expect(await dispatch('zan:getTeamStatus', {}, { url: 'app://' })).toMatchObject({ ok: true, value: { connected: false, state: 'off' } });
    } finally {
      await host.stop();
      ctx.store.close();
      cleanup();
    }
  });
});
