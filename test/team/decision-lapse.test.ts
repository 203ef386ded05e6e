import { expect, it } from 'vitest';
import { saveDraft } from '../../electron/services/drafts';
import { listRejected } from '../../electron/services/review';
import { setIdentity } from '../../electron/services/identity';
import { applyTeamDecision, catchUpDecisions, decideOnTeam, rejectAsTeam } from '../../electron/services/team/decisions';
import { joinFromTeam } from '../../electron/services/team/join';
import { publishToTeam } from '../../electron/services/team/publish';
import { pullFromTeam } from '../../electron/services/team/pull';
import { pushOutbox } from '../../electron/services/team/sync';
import type { ServiceContext } from '../../electron/services/context';
import { connect } from '../../server/db/connect';
import { migrateTeamDatabase } from '../../server/db/migrate';
import { SERVER_MIGRATIONS, SERVER_SCHEMA_VERSION } from '../../server/db/migrations';
import { verifyAudit } from '../../electron/services/audit/check';
import { addUser } from '../../server/team/users';
import { startPackage } from '../electron/harness';
import { serviceDesktop } from './service-desktop';
import { describeTeam, freshDatabase, useTeamServer } from './harness';

const team = useTeamServer();

describeTeam('a decision stands on the wording it was made on', () => {
  it('the drafter rewords a rejected and an approved amendment: both decisions lapse — proposed again on every desktop and on the server, the rejection no longer listed; a desktop away catches up on it', async () => {
    const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
    const rita = await addUser(team().db, 'Рита Сапарова', 'reviewer');
    const a = serviceDesktop(team().url, anna.token, 'anna-laptop');
    const r = serviceDesktop(team().url, rita.token, 'rita-laptop');
    const away = serviceDesktop(team().url, rita.token, 'rita-desktop');
    try {
      setIdentity(r.ctx, { name: 'Рита Сапарова', role: 'Эксперт Минюста' });
      const { pkgId, versionId, p17, p19 } = startPackage(a.ctx);
      saveDraft(a.ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }, { ...p19, text: 'Настоящий Закон вводится в действие с 1 марта 2028 года.' }], deletes: [] });
      await publishToTeam(a.ctx, a.api, pkgId, [rita.user.id]);
      await joinFromTeam(r.ctx, r.api);
      await joinFromTeam(away.ctx, away.api);
      const status = (ctx: ServiceContext, uid: string) => ctx.store.amendments.annotations(pkgId).get(uid)?.status ?? 'proposed';

      // Rita rejects article 17 and approves article 19; every desktop follows (the events as the server sends them).
      const rejection = (await decideOnTeam(r.ctx, r.api, { packageId: pkgId, uid: p17.uid, decision: 'reject' }))!;
      rejectAsTeam(r.ctx, { packageId: pkgId, uid: p17.uid }, rejection);
      await decideOnTeam(r.ctx, r.api, { packageId: pkgId, uid: p19.uid, decision: 'accept' });
      for (const ctx of [a.ctx, r.ctx, away.ctx]) {
        expect(await catchUpDecisions(ctx, ctx === a.ctx ? a.api : ctx === r.ctx ? r.api : away.api, versionId)).not.toBeNull();
      }
      await pullFromTeam(a.ctx, a.api, versionId);
      await pullFromTeam(away.ctx, away.api, versionId);
      for (const ctx of [a.ctx, r.ctx, away.ctx]) expect([status(ctx, p17.uid), status(ctx, p19.uid)]).toEqual(['rejected', 'accepted']);
      expect(listRejected(r.ctx, pkgId).map((x) => x.uid)).toEqual([p17.uid]);
      // A decision announced again on the wording it stands on is still followed (nothing changed since).
      const standing = (await r.api.decisions(versionId)).find((d) => d.uid === p17.uid)!;
      expect(standing).toMatchObject({ decision: 'reject', standsOn: rejection.revisions[p17.uid], lapsed: false });

      // Anna puts her wording of article 17 back and rewords article 19, and pushes.
      const version = () => a.ctx.store.versions.get(versionId)!.revision;
      saveDraft(a.ctx, { versionId, revision: version(), upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }, { ...p19, text: 'Настоящий Закон вводится в действие с 1 апреля 2028 года.' }], deletes: [] });
      expect(await pushOutbox(a.ctx, a.api, a.device)).toEqual({ state: 'done', pushed: 1 });
      expect([status(a.ctx, p17.uid), status(a.ctx, p19.uid)]).toEqual(['proposed', 'proposed']);
      // The server says so.
      expect((await r.api.decisions(versionId)).map((d) => [d.uid, d.lapsed]).sort()).toEqual([[p17.uid, true], [p19.uid, true]].sort());
      // Anna's desktop, catching up, does not take the lapsed decisions again.
      expect(await catchUpDecisions(a.ctx, a.api, versionId)).toEqual([]);
      expect([status(a.ctx, p17.uid), status(a.ctx, p19.uid)]).toEqual(['proposed', 'proposed']);

      // Rita's desktop pulls the new wording: both proposed again, the rejection no longer listed.
      expect(await pullFromTeam(r.ctx, r.api, versionId)).toMatchObject({ state: 'pulled', applied: 2, lapsed: expect.arrayContaining([p17.uid, p19.uid]) });
      expect([status(r.ctx, p17.uid), status(r.ctx, p19.uid)]).toEqual(['proposed', 'proposed']);
      expect(listRejected(r.ctx, pkgId)).toEqual([]);
      // An old announcement of the rejection, heard late, does not bring it back.
      expect(await applyTeamDecision(r.ctx, { kind: 'decision', packageId: pkgId, versionId, uid: p17.uid, revision: standing.revision, decision: 'reject', by: 'Рита Сапарова', standsOn: standing.standsOn! })).toBe(false);
      expect(status(r.ctx, p17.uid)).toBe('proposed');

      // Her other desktop, away meanwhile, catches up before it pulls: proposed again too.
      const caught = await catchUpDecisions(away.ctx, away.api, versionId);
      expect(caught?.map((e) => [e.uid, e.decision]).sort()).toEqual([[p17.uid, 'reset'], [p19.uid, 'reset']].sort());
      expect([status(away.ctx, p17.uid), status(away.ctx, p19.uid)]).toEqual(['proposed', 'proposed']);

      // Every desktop's own log still answers for its review state: decisions received and lapsed are in it.
      for (const ctx of [a.ctx, r.ctx, away.ctx]) expect(verifyAudit(ctx)).toMatchObject({ ok: true });
    } finally {
      a.close();
      r.close();
      away.close();
    }
  });

  it('a team database from before (schema 3) gets the revision each decision stands on: a rejection its restoration, from the log; else the one decided on; the decisions stay append-only', async () => {
    const fresh = await freshDatabase();
    const db = connect(fresh.url);
    try {
      await db.query('CREATE TABLE zan_team_schema (app text NOT NULL, version int NOT NULL)');
      await db.query("INSERT INTO zan_team_schema (app, version) VALUES ('zan-team', 3)");
      for (const step of SERVER_MIGRATIONS.filter((m) => m.version <= 3)) await db.query(step.sql);
      await db.query("INSERT INTO team_user (id, name, role, token_hash) VALUES ('userrita01', 'Рита', 'reviewer', 'h1')");
      await db.query("INSERT INTO package (id, title, published_by) VALUES ('package001', 'Проект', 'userrita01')");
      await db.query("INSERT INTO draft (version_id, package_id, lang, title, base) VALUES ('draft00001', 'package001', 'ru', 'Закон', '{}')");
      // Rita rejected unit 1 on revision 5 (restored as revision 9) and approved unit 2 on revision 6.
      await db.query("INSERT INTO decision (package_id, version_id, uid, revision, decision, user_id) VALUES ('package001', 'draft00001', 'unit000001', 5, 'reject', 'userrita01'), ('package001', 'draft00001', 'unit000002', 6, 'accept', 'userrita01')");
      await db.query("INSERT INTO audit_log (seq, at, user_id, device, action, package_id, version_id, uid, base_revision, new_revision, detail, prev_hash, hash) VALUES (1, now(), 'userrita01', 'r', 'reject-restore', 'package001', 'draft00001', 'unit000001', 5, 9, '{}', '', 'x')");
      expect(await migrateTeamDatabase(db)).toEqual({ from: 3, to: SERVER_SCHEMA_VERSION });
      expect(await db.query('SELECT uid, stands_on FROM decision ORDER BY uid')).toEqual([
        { uid: 'unit000001', stands_on: '9' },
        { uid: 'unit000002', stands_on: '6' },
      ]);
      await expect(db.query("UPDATE decision SET decision = 'accept'")).rejects.toThrow(/append-only/);
    } finally {
      await db.close();
      await fresh.drop();
    }
  });
});
