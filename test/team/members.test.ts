import { expect, it } from 'vitest';
import type { ProvisionRow } from '../../shared/law';
import type { TeamPerson } from '../../shared/team/contract';
import { verifyServerAudit } from '../../server/team/audit';
import { addUser } from '../../server/team/users';
import { PROTOCOL_HEADER, TEAM_PROTOCOL } from '../../shared/team/contract';
import { describeTeam, teamClient, useTeamServer } from './harness';
import { until } from './host-desktop';

const team = useTeamServer();

const article: ProvisionRow = { uid: 'article0001', parentUid: null, ord: 0, kind: 'article', num: '5', heading: '', text: '', repealed: false, notes: [] };

/** The event kinds and packages one person's stream brings, as they come. */
function listen(token: string, seen: string[], signal: AbortSignal): void {
  void fetch(`${team().url}/v1/events`, { headers: { authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: String(TEAM_PROTOCOL) }, signal }).then(async (response) => {
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
      if (done) return;
      for (const data of decoder.decode(value).matchAll(/^data: (.*)$/gm)) {
        const event = JSON.parse(data[1]!) as { kind: string; packageId: string };
        seen.push(`${event.kind} ${event.packageId}`);
      }
    }
  }, () => undefined);
}

describeTeam("who a package is shared with, after it was published", () => {
  it('its publisher shares it with a reviewer who comes in later and stops sharing it with a drafter: each sees it, or not, at once; others may not change it', async () => {
    const { db, url } = team();
    const anna = await addUser(db, 'Анна Петрова', 'drafter');
    const berik = await addUser(db, 'Берик Ахметов', 'drafter');
    const dina = await addUser(db, 'Дина Омарова', 'reviewer');
    const owner = await addUser(db, 'Айгуль Сериккызы', 'owner');
    const as = (who: { token: string }) => teamClient(url, who.token, 'laptop');
    expect((await as(anna).post('/v1/packages', { packageId: 'package0001', title: 'О науке', drafts: [{ versionId: 'draftru0001', lang: 'ru', title: 'Закон о науке', base: { versionId: 'lawru000001', title: 'Закон о науке', inForceFrom: null, rows: [article] }, rows: [article] }], members: [berik.user.id] })).status).toBe(200);
    const names = (people: TeamPerson[]) => people.map((p) => p.name);
    expect(names((await as(anna).get<TeamPerson[]>('/v1/packages/package0001/members')).body)).toEqual(['Анна Петрова', 'Берик Ахметов']);
    expect((await as(dina).get('/v1/drafts/draftru0001')).status).toBe(404);

    const stop = new AbortController();
    const dinaSees: string[] = [];
    const berikSees: string[] = [];
    try {
      listen(dina.token, dinaSees, stop.signal);
      listen(berik.token, berikSees, stop.signal);
      await until(() => team().server.subscribers() === 2);
      // Anna shares it with Dina and stops sharing it with Berik.
      const changed = await as(anna).post<TeamPerson[]>('/v1/packages/package0001/members', { add: [dina.user.id], remove: [berik.user.id] });
      expect(changed.status).toBe(200);
      expect(names(changed.body)).toEqual(['Анна Петрова', 'Дина Омарова']);
      // Dina is told (her desktop joins it) and may read it now; Berik may not, and hears nothing more of it.
      await until(() => dinaSees.includes('package package0001'));
      expect(dinaSees).toEqual(['package package0001']);
      expect((await as(dina).get('/v1/drafts/draftru0001')).status).toBe(200);
      expect((await as(berik).get('/v1/drafts/draftru0001')).status).toBe(404);
      expect((await as(berik).get<unknown[]>('/v1/packages')).body).toEqual([]);
      const lease = await as(anna).post('/v1/leases', { versionId: 'draftru0001', uid: 'article0001', device: 'laptop' });
      expect(lease.status).toBe(200);
      await until(() => dinaSees.includes('lease package0001'));
      expect(berikSees).toEqual([]);

      // Only the publisher or an owner changes it; the publisher stays; an unknown person is refused.
      expect((await as(dina).post('/v1/packages/package0001/members', { add: [berik.user.id], remove: [] })).status).toBe(403);
      expect((await as(dina).get('/v1/packages/package0001/members')).status).toBe(403);
      expect((await as(berik).post('/v1/packages/package0001/members', { add: [berik.user.id], remove: [] })).status).toBe(404);
      expect((await as(owner).post('/v1/packages/package0001/members', { add: [], remove: [anna.user.id] })).body).toMatchObject({ error: { code: 'INVALID', detail: { reason: 'publisher' } } });
      expect((await as(owner).post('/v1/packages/package0001/members', { add: ['nobody000001'], remove: [] })).status).toBe(404);
      expect(names((await as(owner).post<TeamPerson[]>('/v1/packages/package0001/members', { add: [berik.user.id], remove: [] })).body)).toEqual(['Анна Петрова', 'Берик Ахметов', 'Дина Омарова']);

      // Each change is on the chain, with who was added and removed.
      const logged = await db.query<{ detail: unknown }>("SELECT detail FROM audit_log WHERE action = 'members' ORDER BY seq");
      expect(logged.map((r) => r.detail)).toEqual([{ added: [dina.user.id], removed: [berik.user.id] }, { added: [berik.user.id], removed: [] }]);
      expect(await verifyServerAudit(db)).toMatchObject({ ok: true });
    } finally {
      stop.abort();
    }
  });
});
