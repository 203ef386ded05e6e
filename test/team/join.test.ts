import { expect, it } from 'vitest';
import { amendmentsOf } from '../../electron/services/amendments';
import { saveDraft } from '../../electron/services/drafts';
import { listLibrary } from '../../electron/services/library';
import { listPackages } from '../../electron/services/packages';
import { joinFromTeam } from '../../electron/services/team/join';
import { publishToTeam } from '../../electron/services/team/publish';
import { pullFromTeam } from '../../electron/services/team/pull';
import { pushOutbox } from '../../electron/services/team/sync';
import { addUser } from '../../server/team/users';
import { startPackage } from '../electron/harness';
import { serviceDesktop } from './service-desktop';
import { describeTeam, useTeamServer } from './harness';

const team = useTeamServer();

describeTeam('joining a package published by another desktop', () => {
  it("brings the package into a member's library on the publisher's text of the law (listed once); the same amendments; their saves go up and come back to the publisher", async () => {
    const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
    const berik = await addUser(team().db, 'Берик Ахметов', 'drafter');
    const a = serviceDesktop(team().url, anna.token, 'anna-laptop');
    const b = serviceDesktop(team().url, berik.token, 'berik-laptop');
    try {
      const { pkgId, versionId, p17, p19 } = startPackage(a.ctx, 'Проект о консорциумах');
      saveDraft(a.ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
      await publishToTeam(a.ctx, a.api, pkgId, [berik.user.id]);
      const libraryBefore = listLibrary(b.ctx);

      expect(await joinFromTeam(b.ctx, b.api)).toEqual({ state: 'joined', packages: [pkgId] });
      const joined = listPackages(b.ctx).find((p) => p.id === pkgId);
      expect(joined).toMatchObject({ title: 'Проект о консорциумах' });
      expect(b.ctx.store.packages.get(pkgId)?.authors).toEqual(['Анна Петрова']);
      // The drafts in the publisher's order (the first is the one the package opens on).
      expect(joined?.drafts.map((d) => d.versionId)).toEqual(listPackages(a.ctx).find((p) => p.id === pkgId)?.drafts.map((d) => d.versionId));
      expect(joined?.drafts.map((d) => d.versionId)).toContain(versionId);
      // The law is filed under the one Berik has, and not listed twice.
      expect(listLibrary(b.ctx)).toEqual(libraryBefore);
      expect(b.ctx.store.versions.get(versionId)?.baseVersionId).toBe(a.ctx.store.versions.get(versionId)?.baseVersionId);
      const expressionOf = (ctx: typeof a.ctx) => ctx.store.works.getExpression(ctx.store.versions.get(versionId)!.expressionId)!;
      expect(expressionOf(b.ctx).workId).toBe(libraryBefore[0]?.workId);
      expect(b.ctx.store.provisions.load(versionId)).toEqual(a.ctx.store.provisions.load(versionId));
      const texts = (ctx: typeof a.ctx) => amendmentsOf(ctx, versionId).map((x) => [x.uid, x.kind, x.proposed?.text ?? null]);
      expect(texts(b.ctx)).toEqual(texts(a.ctx));
      expect(texts(b.ctx)).toHaveLength(1);

      // Joined once: a second round brings nothing; a package of his own is not touched.
      expect(await joinFromTeam(b.ctx, b.api)).toEqual({ state: 'joined', packages: [] });
      expect(await joinFromTeam(a.ctx, a.api)).toEqual({ state: 'joined', packages: [] });

      // Berik's save is queued, goes up, and Anna's desktop pulls it.
      saveDraft(b.ctx, { versionId, revision: b.ctx.store.versions.get(versionId)!.revision, upserts: [{ ...p19, text: 'Настоящий Закон вводится в действие с 1 января 2028 года.' }], deletes: [] });
      expect(await pushOutbox(b.ctx, b.api, b.device)).toEqual({ state: 'done', pushed: 1 });
      expect(await pullFromTeam(a.ctx, a.api, versionId)).toMatchObject({ state: 'pulled', applied: 1 });
      expect(a.ctx.store.provisions.rows(versionId, [p19.uid]).get(p19.uid)?.text).toBe('Настоящий Закон вводится в действие с 1 января 2028 года.');
      expect(texts(a.ctx)).toEqual(texts(b.ctx));
    } finally {
      a.close();
      b.close();
    }
  });

  it('a person not a member has nothing to join; a reader who is a member joins and reads', async () => {
    const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
    const outsider = await addUser(team().db, 'Внешний рецензент', 'reviewer');
    const reader = await addUser(team().db, 'Читатель', 'reader');
    const a = serviceDesktop(team().url, anna.token, 'anna-laptop');
    const o = serviceDesktop(team().url, outsider.token, 'other-body');
    const r = serviceDesktop(team().url, reader.token, 'reader-desk');
    try {
      const { pkgId } = startPackage(a.ctx);
      await publishToTeam(a.ctx, a.api, pkgId, [reader.user.id]);
      expect(await joinFromTeam(o.ctx, o.api)).toEqual({ state: 'joined', packages: [] });
      expect(listPackages(o.ctx)).toEqual([]);
      expect(await joinFromTeam(r.ctx, r.api)).toEqual({ state: 'joined', packages: [pkgId] });
    } finally {
      a.close();
      o.close();
      r.close();
    }
  });

  it('a server that cannot be reached: nothing is joined, nothing half-made', async () => {
    const b = serviceDesktop('http://127.0.0.1:9', 'no-token', 'berik-laptop');
    try {
      expect(await joinFromTeam(b.ctx, b.api)).toEqual({ state: 'offline' });
      expect(listPackages(b.ctx)).toEqual([]);
    } finally {
      b.close();
    }
  });
});
