import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { amendmentsOf } from '../../electron/services/amendments';
import { importLaw } from '../../electron/services/import';
import { listLibrary } from '../../electron/services/library';
import { saveDraft } from '../../electron/services/drafts';
import { addUser } from '../../server/team/users';
import { startPackage, TEST_CORPUS } from '../electron/harness';
import { describeTeam, useTeamServer } from './harness';
import { hostDesktop, until } from './host-desktop';

const team = useTeamServer();

describeTeam('the owner moves a team draft from the app (TeamHost behind the IPC channels)', () => {
  it('the drafter’s desktop, listening, takes the move by itself — even one that changes no provision (only the announcement says so); a drafter cannot move it', async () => {
    const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
    const olga = await addUser(team().db, 'Ольга Ким', 'owner');
    const a = hostDesktop('anna-laptop');
    const o = hostDesktop('olga-desktop');
    try {
      await a.call('connectTeam', { url: team().url, token: anna.token });
      await o.call('connectTeam', { url: team().url, token: olga.token });
      const { pkgId, versionId, baseId, p17 } = startPackage(a.ctx);
      saveDraft(a.ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
      await a.call('publishToTeam', { packageId: pkgId, members: [olga.user.id] });
      await until(() => !!o.ctx.store.packages.get(pkgId));

      // The same wording, in force from a later day: the move changes no provision of the draft.
      const law = readFileSync(join(TEST_CORPUS, 'test-law/ru.txt'), 'utf8');
      const workId = listLibrary(o.ctx).find((w) => w.slug === 'test-law')!.workId;
      const onto = importLaw(o.ctx, { name: 'v2.txt', bytes: new TextEncoder().encode(law), target: { kind: 'version', workId, inForceFrom: '2026-01-01' } }).versionId;
      const annasText = importLaw(a.ctx, { name: 'v2.txt', bytes: new TextEncoder().encode(law), target: { kind: 'version', workId: listLibrary(a.ctx).find((w) => w.slug === 'test-law')!.workId, inForceFrom: '2026-01-01' } }).versionId;
      await expect(a.call('moveTeamDraft', { versionId, onto: annasText })).rejects.toThrow(/team\.moveOwnerOnly/);
      const seen = (await a.call('getTeamDraft', { versionId }))['changed'] as number;
      expect(await o.call('moveTeamDraft', { versionId, onto })).toEqual({ state: 'moved', carried: 1, conflicts: 0 });
      expect(await team().db.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'rebase-change'")).toEqual([{ n: 0 }]);

      const teamText = o.ctx.store.versions.get(versionId)!.baseVersionId!;
      expect(teamText).not.toBe(baseId);
      await until(() => a.ctx.store.versions.get(versionId)?.baseVersionId === teamText);
      expect(a.ctx.store.versions.get(versionId)?.baseVersionId).toBe(teamText);
      expect(amendmentsOf(a.ctx, versionId).map((x) => x.uid)).toEqual([p17.uid]);
      // Her open editor hears that the draft changed.
      expect((await a.call('getTeamDraft', { versionId }))['changed']).toBeGreaterThan(seen);
      expect(a.ctx.store.team.outbox()).toEqual([]);
    } finally {
      await a.close();
      await o.close();
    }
  });
});
