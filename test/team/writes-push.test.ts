import { expect, it } from 'vitest';
import { saveDraft } from '../../electron/services/drafts';
import { addUser } from '../../server/team/users';
import { startPackage } from '../electron/harness';
import { describeTeam, useTeamServer } from './harness';
import { hostDesktop, until } from './host-desktop';

const team = useTeamServer();

describeTeam('writes other than an editor save go up by themselves (TeamHost behind the IPC channels)', () => {
  it('a replacement throughout and its undo reach the server without another save', async () => {
    const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
    const a = hostDesktop('anna-laptop');
    try {
      await a.call('connectTeam', { url: team().url, token: anna.token });
      await a.call('setIdentity', { name: 'Анна Петрова', role: 'Министерство науки' });
      const { pkgId, versionId, p17 } = startPackage(a.ctx);
      saveDraft(a.ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
      await a.call('publishToTeam', { packageId: pkgId, members: [] });
      const onServer = async () => (await team().db.query<{ text: string }>('SELECT row->>\'text\' AS text FROM provision WHERE version_id = $1 AND uid = $2', [versionId, p17.uid]))[0]?.text;
      await until(async () => (await onServer()) === 'Университеты и колледжи вправе:');
      expect(await onServer()).toBe('Университеты и колледжи вправе:');

      const replaced = await a.call('replaceThroughout', { packageId: pkgId, lang: 'ru', replacements: [{ from: 'колледжи', to: 'техникумы' }] });
      await until(async () => (await onServer()) === 'Университеты и техникумы вправе:');
      expect(await onServer()).toBe('Университеты и техникумы вправе:');

      await a.call('undoThroughout', { packageId: pkgId, operationId: replaced['operationId'] });
      await until(async () => (await onServer()) === 'Университеты и колледжи вправе:');
      expect(await onServer()).toBe('Университеты и колледжи вправе:');
      // The server commits before it answers, and the desktop empties its outbox on the answer: wait for that too.
      await until(() => a.ctx.store.team.outbox().length === 0);
      expect(a.ctx.store.team.outbox()).toEqual([]);
    } finally {
      await a.close();
    }
  });
});
