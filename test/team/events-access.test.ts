import { PROTOCOL_HEADER, TEAM_PROTOCOL } from '../../shared/team/contract';
import { expect, it } from 'vitest';
import type { ProvisionRow } from '../../shared/law';
import { addUser, revokeUser } from '../../server/team/users';
import { describeTeam, teamClient, useTeamServer } from './harness';

// Streams are looked at again every 50 ms here (25 s in the service).
const team = useTeamServer({ recheckMs: 50 });

async function until(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !ready(); i++) await new Promise((ok) => setTimeout(ok, 10));
}

describeTeam('who an event stream reaches, over time', () => {
  it('regression (review): a revoked token\'s open stream ends, and it receives nothing after', async () => {
    const owner = await addUser(team().db, 'Айгуль Сериккызы', 'owner');
    const reviewer = await addUser(team().db, 'Дина Омарова', 'reviewer');
    const article: ProvisionRow = { uid: 'article0001', parentUid: null, ord: 0, kind: 'article', num: '1', heading: '', text: '', repealed: false, notes: [] };
    const para: ProvisionRow = { uid: 'paragraph01', parentUid: 'article0001', ord: 0, kind: 'paragraph', num: '1', heading: '', text: 'Текст.', repealed: false, notes: [] };
    const published = await teamClient(team().url, owner.token, 'desk').post<{ revisions: Record<string, Record<string, number>> }>('/v1/packages', { packageId: 'package0001', title: 'Пакет', drafts: [{ versionId: 'draftru0001', lang: 'ru', title: 'Закон', base: { versionId: 'lawru000001', title: 'Закон', inForceFrom: null, rows: [article, para] }, rows: [article, para] }], members: [reviewer.user.id] });
    let got = '';
    let ended = false;
    void fetch(`${team().url}/v1/events`, { headers: { authorization: `Bearer ${reviewer.token}`, [PROTOCOL_HEADER]: String(TEAM_PROTOCOL) } }).then(async (response) => {
      const reader = response.body!.getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return void (ended = true);
        got += new TextDecoder().decode(value);
      }
    });
    await until(() => team().server.subscribers() === 1);
    await revokeUser(team().db, reviewer.user.id);
    await until(() => ended);
    expect(ended).toBe(true);
    expect(team().server.subscribers()).toBe(0);
    await teamClient(team().url, owner.token, 'desk').post('/v1/push', { opId: 'op-owner-0001', versionId: 'draftru0001', device: 'desk', changes: [{ uid: 'paragraph01', baseRevision: published.body.revisions['draftru0001']!['paragraph01'], row: { ...para, text: 'После отзыва.' } }] });
    await new Promise((ok) => setTimeout(ok, 100));
    expect(got).not.toContain('event:');
  });
});
