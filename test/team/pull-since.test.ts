import { expect, it } from 'vitest';
import type { TeamApi } from '../../electron/services/team/api';
import { saveDraft } from '../../electron/services/drafts';
import { joinFromTeam } from '../../electron/services/team/join';
import { publishToTeam } from '../../electron/services/team/publish';
import { pullFromTeam } from '../../electron/services/team/pull';
import { pushOutbox } from '../../electron/services/team/sync';
import type { PulledDraft } from '../../shared/team/contract';
import { migrateTeamDatabase } from '../../server/db/migrate';
import { addUser } from '../../server/team/users';
import { startPackage } from '../electron/harness';
import { describeTeam, teamClient, useTeamServer } from './harness';
import { serviceDesktop } from './service-desktop';

const team = useTeamServer();

/** The client of a desktop, with every pull's answer kept: what went over the wire. */
function recordingPulls(api: TeamApi): { api: TeamApi; answers: PulledDraft[] } {
  const answers: PulledDraft[] = [];
  const wrapped = Object.create(api) as TeamApi;
  wrapped.pull = async (versionId, from) => {
    const answer = await api.pull(versionId, from);
    answers.push(answer);
    return answer;
  };
  return { api: wrapped, answers };
}

describeTeam('a pull asks only for what changed since the last one', () => {
  it('the server sends the provisions changed after the revision asked from, the law only to a desktop on another text, and says how far it reached; a bad query is refused', async () => {
    const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
    const a = serviceDesktop(team().url, anna.token, 'anna-laptop');
    try {
      const { pkgId, versionId, baseId, p17, p19 } = startPackage(a.ctx);
      await publishToTeam(a.ctx, a.api, pkgId, []);
      const whole = await a.api.pull(versionId);
      expect(whole.base.rows!.length).toBeGreaterThan(10);
      expect(whole.provisions.length).toBe(whole.base.rows!.length);
      const top = Math.max(...whole.provisions.map((p) => p.revision));
      expect(whole.upTo).toBe(top);
      // Nothing since: nothing sent, not even the law.
      expect(await a.api.pull(versionId, { since: top, base: baseId })).toMatchObject({ provisions: [], upTo: top, base: { versionId: baseId } });
      expect((await a.api.pull(versionId, { since: top, base: baseId })).base.rows).toBeUndefined();
      // Two changes later: those two, at their revisions; the law sent to a desktop that names another text.
      saveDraft(a.ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
      saveDraft(a.ctx, { versionId, revision: 1, upserts: [{ ...p19, text: 'Исключен.', repealed: true }], deletes: [] });
      expect(await pushOutbox(a.ctx, a.api, a.device)).toEqual({ state: 'done', pushed: 2 });
      const since = await a.api.pull(versionId, { since: top, base: 'someothertext' });
      expect(since.provisions.map((p) => p.uid).sort()).toEqual([p17.uid, p19.uid].sort());
      expect(since.upTo).toBe(Math.max(...since.provisions.map((p) => p.revision)));
      expect(since.upTo).toBeGreaterThan(top);
      expect(since.base.rows).toEqual(whole.base.rows);
      // Asked from between the two: only the later one.
      const first = since.provisions.find((p) => p.uid === p17.uid)!.revision;
      expect((await a.api.pull(versionId, { since: first, base: baseId })).provisions.map((p) => p.uid)).toEqual([p19.uid]);

      // A server of schema 5 with this draft on it, migrated: the law's head is worked out for the drafts it has.
      await team().db.query('DROP INDEX provision_since');
      await team().db.query('ALTER TABLE draft DROP COLUMN base_head');
      await team().db.query('UPDATE zan_team_schema SET version = 5');
      expect(await migrateTeamDatabase(team().db)).toEqual({ from: 5, to: 6 });
      expect(await a.api.pull(versionId, { since: since.upTo!, base: baseId })).toEqual({ packageId: pkgId, base: { versionId: baseId, title: whole.base.title, inForceFrom: whole.base.inForceFrom, work: whole.base.work }, provisions: [], upTo: since.upTo });

      const raw = teamClient(team().url, anna.token, 'anna-laptop');
      for (const query of ['since=-1&base=' + baseId, 'since=1', 'base=' + baseId, 'since=abc&base=' + baseId, 'since=1&base=' + baseId + '&more=1']) {
        expect(await raw.get(`/v1/drafts/${versionId}?${query}`)).toMatchObject({ status: 400, body: { error: { code: 'INVALID' } } });
      }
    } finally {
      a.close();
    }
  });

  it('a desktop pulls a draft whole once (joining), then only what others changed: every desktop ends with the server’s rows', async () => {
    const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
    const olga = await addUser(team().db, 'Ольга Ким', 'drafter');
    const a = serviceDesktop(team().url, anna.token, 'anna-laptop');
    const o = serviceDesktop(team().url, olga.token, 'olga-desktop');
    const olgas = recordingPulls(o.api);
    const annas = recordingPulls(a.api);
    try {
      const { pkgId, versionId, rows, p17, p19 } = startPackage(a.ctx);
      await publishToTeam(a.ctx, a.api, pkgId, [olga.user.id]);
      await joinFromTeam(o.ctx, olgas.api);
      expect(olgas.answers).toHaveLength(1);
      expect(olgas.answers[0]!.provisions.length).toBe(rows.length);

      // Anna changes one provision, Olga another; each pulls the other's.
      saveDraft(a.ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
      expect(await pushOutbox(a.ctx, a.api, a.device)).toMatchObject({ state: 'done', pushed: 1 });
      expect(await pullFromTeam(o.ctx, olgas.api, versionId)).toMatchObject({ state: 'pulled', applied: 1 });
      expect(olgas.answers[1]!.provisions.map((p) => p.uid)).toEqual([p17.uid]);
      expect(olgas.answers[1]!.base.rows).toBeUndefined();

      saveDraft(o.ctx, { versionId, revision: o.ctx.store.versions.get(versionId)!.revision, upserts: [{ ...p19, text: 'Настоящий Закон вводится в действие с 1 января 2028 года.' }], deletes: [] });
      expect(await pushOutbox(o.ctx, olgas.api, o.device)).toMatchObject({ state: 'done', pushed: 1 });
      // Anna published it: her first pull already asks from the publication's revisions.
      expect(await pullFromTeam(a.ctx, annas.api, versionId)).toMatchObject({ state: 'pulled', applied: 1 });
      expect(annas.answers[0]!.provisions.map((p) => p.uid).sort()).toEqual([p17.uid, p19.uid].sort());
      expect(annas.answers[0]!.base.rows).toBeUndefined();
      // Olga's next pull brings nothing new: her own change she has.
      expect(await pullFromTeam(o.ctx, olgas.api, versionId)).toMatchObject({ state: 'pulled', applied: 0 });
      expect(olgas.answers[2]!.provisions.map((p) => p.uid)).toEqual([p19.uid]);

      const server = await a.api.pull(versionId);
      const onServer = server.provisions.flatMap((p) => (p.row ? [p.row] : [])).sort((x, y) => x.uid.localeCompare(y.uid));
      for (const ctx of [a.ctx, o.ctx]) expect(ctx.store.provisions.load(versionId).sort((x, y) => x.uid.localeCompare(y.uid))).toEqual(onServer);
    } finally {
      a.close();
      o.close();
    }
  });
});
