import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { listConflicts, resolveConflict } from '../../electron/services/conflicts';
import { saveDraft } from '../../electron/services/drafts';
import { importLaw } from '../../electron/services/import';
import { listLibrary } from '../../electron/services/library';
import { joinFromTeam } from '../../electron/services/team/join';
import { publishRequest, publishToTeam } from '../../electron/services/team/publish';
import { pushOutbox } from '../../electron/services/team/sync';
import { TeamClient } from '../../electron/team/client';
import type { ProvisionRow } from '../../shared/law';
import type { PushReply } from '../../shared/team/contract';
import { addUser, revokeUser } from '../../server/team/users';
import { openTestContext, startPackage, tempDir, TEST_CORPUS } from '../electron/harness';
import { serviceDesktop } from './service-desktop';
import { describeTeam, teamClient, useTeamServer } from './harness';

const team = useTeamServer();

/** The server's provisions of a draft, as a desktop pulls them. */
async function serverRows(token: string, versionId: string): Promise<Map<string, { revision: number; row: ProvisionRow | null }>> {
  const pulled = await teamClient(team().url, token, 'check').get<{ provisions: { uid: string; revision: number; row: ProvisionRow | null }[] }>(`/v1/drafts/${versionId}`);
  return new Map(pulled.body.provisions.map((p) => [p.uid, p]));
}

describeTeam('a desktop on a team server', () => {
  it("regression (review): a stale push's other changes keep their place — a later wording of them is not overwritten by the earlier; a refused push waits and says why", async () => {
    const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
    const berik = await addUser(team().db, 'Берик Ахметов', 'drafter');
    const a = serviceDesktop(team().url, anna.token, 'anna-laptop');
    try {
      const { pkgId, versionId, p17, p19 } = startPackage(a.ctx);
      await publishToTeam(a.ctx, a.api, pkgId, [berik.user.id]);
      const published = a.ctx.store.team.synced(versionId, [p17.uid]).get(p17.uid)!.revision;
      // One save of both provisions, then a later one of p19 alone; Berik changes p17 first.
      saveDraft(a.ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Анна: пункт 17.' }, { ...p19, text: 'Анна: пункт 19, первая редакция.' }], deletes: [] });
      saveDraft(a.ctx, { versionId, revision: 1, upserts: [{ ...p19, text: 'Анна: пункт 19, вторая редакция.' }], deletes: [] });
      await teamClient(team().url, berik.token, 'berik-laptop').post('/v1/push', { opId: 'op-berik-0002', versionId, device: 'berik-laptop', changes: [{ uid: p17.uid, baseRevision: published, row: { ...p17, text: 'Берик: пункт 17.' } }] });
      expect(await pushOutbox(a.ctx, a.api, a.device)).toMatchObject({ state: 'conflicts', conflicts: 1 });
      expect(await pushOutbox(a.ctx, a.api, a.device)).toEqual({ state: 'done', pushed: 2 });
      expect((await serverRows(anna.token, versionId)).get(p19.uid)?.row?.text).toBe('Анна: пункт 19, вторая редакция.');
      // Her token revoked: the push is refused, not taken for a server that is away; it waits.
      await revokeUser(team().db, anna.user.id);
      saveDraft(a.ctx, { versionId, revision: a.ctx.store.versions.get(versionId)!.revision, upserts: [{ ...p19, text: 'После отзыва.' }], deletes: [] });
      expect(await pushOutbox(a.ctx, a.api, a.device)).toMatchObject({ state: 'refused', code: 'UNAUTHORIZED' });
      expect(a.ctx.store.team.outbox()).toHaveLength(1);
    } finally {
      a.close();
    }
  });

  it('publishes a package; each save waits in the outbox, in its own transaction, and goes up in order; the server has it', async () => {
    const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
    const a = serviceDesktop(team().url, anna.token, 'anna-laptop');
    try {
      const { pkgId, versionId, p17 } = startPackage(a.ctx);
      // Saved before the package is on the server: not queued (it goes up with the package).
      saveDraft(a.ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
      expect(a.ctx.store.team.outbox()).toEqual([]);
      const { provisions } = await publishToTeam(a.ctx, a.api, pkgId);
      expect(provisions).toBe(a.ctx.store.provisions.load(versionId).length);
      expect((await serverRows(anna.token, versionId)).get(p17.uid)?.row?.text).toBe('Университеты и колледжи вправе:');
      saveDraft(a.ctx, { versionId, revision: 1, upserts: [{ ...p17, text: 'Университеты, колледжи и предприятия вправе:' }], deletes: [] });
      saveDraft(a.ctx, { versionId, revision: 2, upserts: [{ ...p17, text: 'Университеты, колледжи и научные организации вправе:' }], deletes: [] });
      expect(a.ctx.store.team.outbox().map((e) => e.changes.map((c) => c.row?.text))).toEqual([['Университеты, колледжи и предприятия вправе:'], ['Университеты, колледжи и научные организации вправе:']]);
      expect(await pushOutbox(a.ctx, a.api, a.device)).toEqual({ state: 'done', pushed: 2 });
      const onServer = (await serverRows(anna.token, versionId)).get(p17.uid)!;
      expect(onServer.row?.text).toBe('Университеты, колледжи и научные организации вправе:');
      expect(a.ctx.store.team.synced(versionId, [p17.uid]).get(p17.uid)?.revision).toBe(onServer.revision);
      expect(a.ctx.store.team.outbox()).toEqual([]);
    } finally {
      a.close();
    }
  });

  it('offline, saves wait and survive a restart; another drafter changed the same provision meanwhile: back online, no silent overwrite — a conflict with both wordings; keeping mine pushes it on the current revision', async () => {
    const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
    const berik = await addUser(team().db, 'Берик Ахметов', 'drafter');
    const online = serviceDesktop(team().url, anna.token, 'anna-laptop');
    const { dir } = online;
    const { pkgId, versionId, p17, p19 } = startPackage(online.ctx);
    await publishToTeam(online.ctx, online.api, pkgId, [berik.user.id]);
    const published = online.ctx.store.team.synced(versionId, [p17.uid]).get(p17.uid)!.revision;
    // Offline: the server address answers nothing.
    const offline = new TeamClient('http://127.0.0.1:9', anna.token, 'anna-laptop');
    saveDraft(online.ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты вправе (редакция Анны):' }], deletes: [] });
    saveDraft(online.ctx, { versionId, revision: 1, upserts: [{ ...p17, text: 'Университеты и бизнес вправе (редакция Анны):' }, { ...p19, text: 'Настоящий Закон вводится в действие через шесть месяцев.' }], deletes: [] });
    expect(await pushOutbox(online.ctx, offline, 'anna-laptop')).toEqual({ state: 'offline', pushed: 0, waiting: 2 });
    // The app stops; the outbox is in the file.
    online.ctx.store.close();
    const ctx = openTestContext(dir);
    try {
      expect(ctx.store.team.outbox()).toHaveLength(2);
      // Berik's wording of the same provision reaches the server first.
      const theirs = await teamClient(team().url, berik.token, 'berik-laptop').post<PushReply>('/v1/push', { opId: 'op-berik-0001', versionId, device: 'berik-laptop', changes: [{ uid: p17.uid, baseRevision: published, row: { ...p17, text: 'Университеты и колледжи вправе (редакция Берика):' } }] });
      expect(theirs.body.status).toBe('applied');
      const api = new TeamClient(team().url, anna.token, 'anna-laptop');
      expect(await pushOutbox(ctx, api, 'anna-laptop')).toEqual({ state: 'conflicts', pushed: 0, conflicts: 1, versionId });
      // The server kept Berik's wording; the draft shows it now, and the conflict has all three.
      expect((await serverRows(anna.token, versionId)).get(p17.uid)?.row?.text).toBe('Университеты и колледжи вправе (редакция Берика):');
      expect(ctx.store.provisions.rows(versionId, [p17.uid]).get(p17.uid)?.text).toBe('Университеты и колледжи вправе (редакция Берика):');
      const [conflict] = listConflicts(ctx, versionId);
      expect(conflict).toMatchObject({ uid: p17.uid, reason: 'both-changed', base: { text: p17.text }, theirs: { text: 'Университеты и колледжи вправе (редакция Берика):' }, mine: { text: 'Университеты и бизнес вправе (редакция Анны):' } });
      expect(conflict!.label).toMatch(/17/);
      // Anna's other change of that offline work still goes up.
      expect(await pushOutbox(ctx, api, 'anna-laptop')).toEqual({ state: 'done', pushed: 1 });
      expect((await serverRows(anna.token, versionId)).get(p19.uid)?.row?.text).toBe('Настоящий Закон вводится в действие через шесть месяцев.');
      // She chooses her wording: saved again, pushed on Berik's revision, accepted.
      resolveConflict(ctx, { conflictId: conflict!.id, keep: 'mine', revision: ctx.store.versions.get(versionId)!.revision });
      expect(await pushOutbox(ctx, api, 'anna-laptop')).toEqual({ state: 'done', pushed: 1 });
      expect((await serverRows(anna.token, versionId)).get(p17.uid)?.row?.text).toBe('Университеты и бизнес вправе (редакция Анны):');
      expect(listConflicts(ctx, versionId)).toEqual([]);
    } finally {
      ctx.store.close();
    }
  });

  it('regression: a stale answer whose provision now stands in a unit made since (another drafter moved it into a new article) — the draft takes that unit first, and the conflict opens instead of the sync failing on every try', async () => {
    const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
    const berik = await addUser(team().db, 'Берик Ахметов', 'drafter');
    const a = serviceDesktop(team().url, anna.token, 'anna-laptop');
    const b = serviceDesktop(team().url, berik.token, 'berik-laptop');
    try {
      const { pkgId, versionId, rows, p17 } = startPackage(a.ctx);
      await publishToTeam(a.ctx, a.api, pkgId, [berik.user.id]);
      await joinFromTeam(b.ctx, b.api);
      // Berik rewords paragraph 1 of the article (not yet pushed).
      saveDraft(b.ctx, { versionId, revision: b.ctx.store.versions.get(versionId)!.revision, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
      // Anna adds an article after it (and the 17-1 beside it) and moves that paragraph into it, and pushes first.
      const article = rows.find((r) => r.uid === p17.parentUid)!;
      const added: ProvisionRow = { ...article, uid: 'newarticle0001', num: `${article.num}-2`, ord: article.ord + 2, heading: 'Консорциумы', text: '' };
      const after = rows.filter((r) => r.parentUid === article.parentUid && r.ord > article.ord + 1).map((r) => ({ ...r, ord: r.ord + 1 }));
      saveDraft(a.ctx, { versionId, revision: a.ctx.store.versions.get(versionId)!.revision, upserts: [...after, added, { ...p17, parentUid: added.uid, ord: 0, num: '1' }], deletes: [] });
      expect(await pushOutbox(a.ctx, a.api, 'anna-laptop')).toMatchObject({ state: 'done' });

      expect(await pushOutbox(b.ctx, b.api, 'berik-laptop')).toMatchObject({ state: 'conflicts', conflicts: 1, versionId });
      const here = b.ctx.store.provisions.rows(versionId, [added.uid, p17.uid]);
      expect(here.get(added.uid)?.heading).toBe('Консорциумы');
      expect(here.get(p17.uid)?.parentUid).toBe(added.uid);
      expect(listConflicts(b.ctx, versionId).map((c) => [c.uid, c.mine?.text])).toEqual([[p17.uid, 'Университеты и колледжи вправе:']]);
    } finally {
      a.close();
      b.close();
    }
  });

  it('regression (review): a stale answer whose provision lost its unit (another drafter deleted the article it stands in) — the conflict opens first, then the draft takes the deletion, instead of the sync failing on every try', async () => {
    const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
    const berik = await addUser(team().db, 'Берик Ахметов', 'drafter');
    const a = serviceDesktop(team().url, anna.token, 'anna-laptop');
    const b = serviceDesktop(team().url, berik.token, 'berik-laptop');
    try {
      const { pkgId, versionId, rows, p17 } = startPackage(a.ctx);
      await publishToTeam(a.ctx, a.api, pkgId, [berik.user.id]);
      await joinFromTeam(b.ctx, b.api);
      // Berik rewords paragraph 1 of the article (not yet pushed).
      saveDraft(b.ctx, { versionId, revision: b.ctx.store.versions.get(versionId)!.revision, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
      // Anna takes the whole article out (it and everything under it), and pushes first.
      const article = rows.find((r) => r.uid === p17.parentUid)!;
      const doomed = new Set([article.uid]);
      for (const r of rows) if (r.parentUid && doomed.has(r.parentUid)) doomed.add(r.uid);
      const after = rows.filter((r) => r.parentUid === article.parentUid && r.ord > article.ord).map((r) => ({ ...r, ord: r.ord - 1 }));
      saveDraft(a.ctx, { versionId, revision: a.ctx.store.versions.get(versionId)!.revision, upserts: after, deletes: [...doomed] });
      expect(await pushOutbox(a.ctx, a.api, 'anna-laptop')).toMatchObject({ state: 'done' });

      expect(await pushOutbox(b.ctx, b.api, 'berik-laptop')).toMatchObject({ state: 'conflicts', conflicts: 1, versionId });
      // In step with Anna's draft: the article is gone here too; Berik's wording is kept in the conflict.
      expect(b.ctx.store.provisions.rows(versionId, [...doomed]).size).toBe(0);
      expect(listConflicts(b.ctx, versionId).map((c) => [c.uid, c.theirs, c.mine?.text])).toEqual([[p17.uid, null, 'Университеты и колледжи вправе:']]);
      expect(b.ctx.store.team.outbox()).toEqual([]);
    } finally {
      a.close();
      b.close();
    }
  });

  it('a publication the server took and this desktop lost (its own transaction failed) is taken up when published again; once others changed it there, publishing again is refused and says why', async () => {
    const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
    const berik = await addUser(team().db, 'Берик Ахметов', 'drafter');
    const a = serviceDesktop(team().url, anna.token, 'anna-laptop');
    const b = serviceDesktop(team().url, berik.token, 'berik-laptop');
    try {
      const { pkgId, versionId, p17 } = startPackage(a.ctx);
      // The server takes the package; the desktop's record of it is lost (nothing linked here).
      await a.api.publish(publishRequest(a.ctx, pkgId, [berik.user.id]));
      expect(a.ctx.store.team.linkOf(pkgId)).toBeNull();
      saveDraft(a.ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
      expect(await publishToTeam(a.ctx, a.api, pkgId, [berik.user.id])).toMatchObject({ provisions: expect.any(Number) });
      expect(a.ctx.store.team.linkOf(pkgId)).not.toBeNull();
      // What was saved meanwhile goes up on the server's revisions.
      expect(await pushOutbox(a.ctx, a.api, 'anna-laptop')).toEqual({ state: 'done', pushed: 1 });
      expect((await serverRows(anna.token, versionId)).get(p17.uid)?.row?.text).toBe('Университеты и колледжи вправе:');

      // Another package, published and lost the same way; Berik joins and changes it meanwhile.
      const other = startPackage(a.ctx, 'Второй проект');
      await a.api.publish(publishRequest(a.ctx, other.pkgId, [berik.user.id]));
      await joinFromTeam(b.ctx, b.api);
      saveDraft(b.ctx, { versionId: other.versionId, revision: b.ctx.store.versions.get(other.versionId)!.revision, upserts: [{ ...other.p19, text: 'Вводится с 2029 года.' }], deletes: [] });
      expect(await pushOutbox(b.ctx, b.api, 'berik-laptop')).toMatchObject({ state: 'done' });
      await expect(publishToTeam(a.ctx, a.api, other.pkgId)).rejects.toMatchObject({ code: 'CONFLICT', key: 'team.publishedChanged' });
      expect(a.ctx.store.team.linkOf(other.pkgId)).toBeNull();
      // Someone else's package: the server refuses, and says it is not theirs.
      await expect(b.api.publish(publishRequest(b.ctx, other.pkgId))).rejects.toMatchObject({ code: 'INVALID', detail: { alreadyPublished: true, yours: false } });
    } finally {
      a.close();
      b.close();
    }
  });

  it('a new version of the law imported here leaves the drafts of a package on the team server on the text they were published on, and says so; nothing goes up', async () => {
    const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
    const a = serviceDesktop(team().url, anna.token, 'anna-laptop');
    try {
      const { pkgId, versionId, baseId, p17 } = startPackage(a.ctx);
      saveDraft(a.ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
      await publishToTeam(a.ctx, a.api, pkgId);
      const own = startPackage(a.ctx, 'Свой проект');
      const law = readFileSync(join(TEST_CORPUS, 'test-law/ru.txt'), 'utf8').replace('9) грант – средства на исследования;', '9) грант – средства на научные исследования;');
      const workId = listLibrary(a.ctx).find((w) => w.slug === 'test-law')!.workId;
      const result = importLaw(a.ctx, { name: 'v2.txt', bytes: new TextEncoder().encode(law), target: { kind: 'version', workId, inForceFrom: '2026-01-01' } });
      expect(result.rebased).toEqual(expect.arrayContaining([expect.objectContaining({ packageId: pkgId, versionId, onTeam: true, onto: result.versionId }), expect.objectContaining({ packageId: own.pkgId, carried: 0, conflicts: 0 })]));
      expect(a.ctx.store.versions.get(versionId)?.baseVersionId).toBe(baseId);
      expect(a.ctx.store.versions.get(own.versionId)?.baseVersionId).toBe(result.versionId);
      expect(a.ctx.store.team.outbox()).toEqual([]);
    } finally {
      a.close();
    }
  });
});

