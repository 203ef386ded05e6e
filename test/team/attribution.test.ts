import { expect, it } from 'vitest';
import { saveDraft } from '../../electron/services/drafts';
import { setIdentity, setTeamPerson } from '../../electron/services/identity';
import { joinFromTeam } from '../../electron/services/team/join';
import { publishToTeam } from '../../electron/services/team/publish';
import { pullFromTeam } from '../../electron/services/team/pull';
import { pushOutbox } from '../../electron/services/team/sync';
import { connect } from '../../server/db/connect';
import { migrateTeamDatabase } from '../../server/db/migrate';
import { SERVER_MIGRATIONS, SERVER_SCHEMA_VERSION } from '../../server/db/migrations';
import { addUser } from '../../server/team/users';
import { startPackage } from '../electron/harness';
import { describeTeam, freshDatabase, useTeamServer } from './harness';
import { serviceDesktop } from './service-desktop';

const team = useTeamServer();

/** Who each amendment of a draft is signed with on a desktop, by its unit. */
function signatures(ctx: ReturnType<typeof serviceDesktop>['ctx'], versionId: string): Record<string, string> {
  return Object.fromEntries([...ctx.store.amendments.revisions(versionId)].map(([uid, r]) => [uid, r.author]));
}

describeTeam('who made each change of a team package', () => {
  it('a change is signed with the person who pushed it on every desktop: when joining, when pulling, and when a stale push brings the other wording', async () => {
    const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
    const berik = await addUser(team().db, 'Берик Ахметов', 'drafter');
    const a = serviceDesktop(team().url, anna.token, 'anna-laptop');
    const b = serviceDesktop(team().url, berik.token, 'berik-laptop');
    try {
      setIdentity(a.ctx, { name: 'Анна Петрова', role: 'Главный эксперт' });
      setIdentity(b.ctx, { name: 'Берик Ахметов', role: 'Эксперт' });
      const { pkgId, versionId, p17, p19 } = startPackage(a.ctx, 'Проект о консорциумах');
      saveDraft(a.ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
      await publishToTeam(a.ctx, a.api, pkgId, [berik.user.id]);

      // Anna changes article 19 after publishing, before Berik joins: he joins with her change in it.
      saveDraft(a.ctx, { versionId, revision: a.ctx.store.versions.get(versionId)!.revision, upserts: [{ ...p19, text: 'Настоящий Закон вводится в действие с 1 марта 2028 года.' }], deletes: [] });
      expect(await pushOutbox(a.ctx, a.api, a.device)).toEqual({ state: 'done', pushed: 1 });
      await joinFromTeam(b.ctx, b.api);
      expect(signatures(b.ctx, versionId)).toEqual({ [p17.uid]: 'Анна Петрова', [p19.uid]: 'Анна Петрова' });

      // Berik rewords article 17; Anna pulls it: signed by Berik on her desktop, not by her.
      saveDraft(b.ctx, { versionId, revision: b.ctx.store.versions.get(versionId)!.revision, upserts: [{ ...p17, text: 'Университеты, колледжи и научные организации вправе:' }], deletes: [] });
      expect(await pushOutbox(b.ctx, b.api, b.device)).toEqual({ state: 'done', pushed: 1 });
      expect(await pullFromTeam(a.ctx, a.api, versionId)).toMatchObject({ state: 'pulled', applied: 1 });
      expect(signatures(a.ctx, versionId)).toEqual({ [p17.uid]: 'Берик Ахметов', [p19.uid]: 'Анна Петрова' });
      expect(signatures(b.ctx, versionId)).toEqual(signatures(a.ctx, versionId));

      // Both change article 19; Berik's goes first. Anna's push is stale: her draft takes Berik's
      // wording (a conflict for her to choose on), signed by Berik.
      saveDraft(b.ctx, { versionId, revision: b.ctx.store.versions.get(versionId)!.revision, upserts: [{ ...p19, text: 'Настоящий Закон вводится в действие с 1 апреля 2028 года.' }], deletes: [] });
      expect(await pushOutbox(b.ctx, b.api, b.device)).toEqual({ state: 'done', pushed: 1 });
      saveDraft(a.ctx, { versionId, revision: a.ctx.store.versions.get(versionId)!.revision, upserts: [{ ...p19, text: 'Настоящий Закон вводится в действие с 1 мая 2028 года.' }], deletes: [] });
      expect(signatures(a.ctx, versionId)[p19.uid]).toBe('Анна Петрова');
      expect(await pushOutbox(a.ctx, a.api, a.device)).toMatchObject({ state: 'conflicts', conflicts: 1 });
      expect(a.ctx.store.provisions.rows(versionId, [p19.uid]).get(p19.uid)?.text).toBe('Настоящий Закон вводится в действие с 1 апреля 2028 года.');
      expect(signatures(a.ctx, versionId)[p19.uid]).toBe('Берик Ахметов');
    } finally {
      a.close();
      b.close();
    }
  });

  it("a change made here to a team package is signed with the person's name on the server (as the others sign it), even with no name set here; a package of one's own keeps the name set here", async () => {
    const berik = await addUser(team().db, 'Берик Ахметов', 'drafter');
    const b = serviceDesktop(team().url, berik.token, 'berik-laptop');
    try {
      // No name set on this desktop: before the team, a change is signed with the package's authors.
      const { pkgId, versionId, p17, p19 } = startPackage(b.ctx);
      const own = startPackage(b.ctx, 'Свой проект');
      saveDraft(b.ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
      const authors = b.ctx.store.packages.get(pkgId)!.authors.join(', ');
      expect(signatures(b.ctx, versionId)[p17.uid]).toBe(authors);
      await publishToTeam(b.ctx, b.api, pkgId);
      setTeamPerson(b.ctx, { id: berik.user.id, name: 'Берик Ахметов' });
      setIdentity(b.ctx, { name: 'Б. А.', role: 'Юрист' });
      saveDraft(b.ctx, { versionId, revision: 1, upserts: [{ ...p19, text: 'Настоящий Закон вводится в действие с 1 марта 2028 года.' }], deletes: [] });
      expect(signatures(b.ctx, versionId)).toEqual({ [p17.uid]: authors, [p19.uid]: 'Берик Ахметов' });
      saveDraft(b.ctx, { versionId: own.versionId, revision: 0, upserts: [{ ...own.p17, text: 'Свой текст.' }], deletes: [] });
      expect(signatures(b.ctx, own.versionId)).toEqual({ [own.p17.uid]: 'Б. А.' });
    } finally {
      b.close();
    }
  });

  it('a team database from before (schema 2) gets who made each revision, and when, from its log, else the publisher and the publication', async () => {
    const fresh = await freshDatabase();
    const db = connect(fresh.url);
    try {
      await db.query('CREATE TABLE zan_team_schema (app text NOT NULL, version int NOT NULL)');
      await db.query("INSERT INTO zan_team_schema (app, version) VALUES ('zan-team', 2)");
      for (const step of SERVER_MIGRATIONS.filter((m) => m.version <= 2)) await db.query(step.sql);
      await db.query("INSERT INTO team_user (id, name, role, token_hash) VALUES ('useranna01', 'Анна', 'drafter', 'h1'), ('userberik1', 'Берик', 'drafter', 'h2')");
      await db.query("INSERT INTO package (id, title, published_by) VALUES ('package001', 'Проект', 'useranna01')");
      await db.query("INSERT INTO draft (version_id, package_id, lang, title, base) VALUES ('draft00001', 'package001', 'ru', 'Закон', '{}')");
      await db.query("INSERT INTO provision (version_id, uid, revision, row) VALUES ('draft00001', 'unit000001', 1, NULL), ('draft00001', 'unit000002', 7, NULL)");
      // Berik's push made revision 7 of the second unit; the first is as published.
      await db.query("INSERT INTO audit_log (seq, at, user_id, device, action, package_id, version_id, uid, base_revision, new_revision, detail, prev_hash, hash) VALUES (1, now(), 'userberik1', 'b', 'change', 'package001', 'draft00001', 'unit000002', 2, 7, '{}', '', 'x')");
      expect(await migrateTeamDatabase(db)).toEqual({ from: 2, to: SERVER_SCHEMA_VERSION });
      expect(await db.query('SELECT uid, changed_by FROM provision ORDER BY uid')).toEqual([
        { uid: 'unit000001', changed_by: 'useranna01' },
        { uid: 'unit000002', changed_by: 'userberik1' },
      ]);
      // And when: the log's time of that change, else the package's publication.
      expect(await db.query("SELECT p.uid FROM provision p, audit_log a, package k WHERE p.changed_at = CASE p.uid WHEN 'unit000002' THEN a.at ELSE k.published_at END ORDER BY p.uid")).toEqual([{ uid: 'unit000001' }, { uid: 'unit000002' }]);
    } finally {
      await db.close();
      await fresh.drop();
    }
  });
});
