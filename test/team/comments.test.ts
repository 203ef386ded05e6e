import { expect, it } from 'vitest';
import { saveDraft } from '../../electron/services/drafts';
import { setIdentity } from '../../electron/services/identity';
import { addComment, listComments } from '../../electron/services/review';
import { receiveComments, sendComments } from '../../electron/services/team/comments';
import { joinFromTeam } from '../../electron/services/team/join';
import { publishToTeam } from '../../electron/services/team/publish';
import { verifyAudit } from '../../electron/services/audit/check';
import { addUser } from '../../server/team/users';
import { startPackage } from '../electron/harness';
import { serviceDesktop } from './service-desktop';
import { describeTeam, useTeamServer } from './harness';

const team = useTeamServer();

describeTeam('comments on a package on a team server', () => {
  it("a comment made on one desktop waits in its queue, goes up once (sent again after a lost answer: taken once), and arrives on the other with its author's name", async () => {
    const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
    const berik = await addUser(team().db, 'Берик Ахметов', 'reviewer');
    const a = serviceDesktop(team().url, anna.token, 'anna-laptop');
    const b = serviceDesktop(team().url, berik.token, 'berik-laptop');
    try {
      const { pkgId, versionId, p17 } = startPackage(a.ctx);
      saveDraft(a.ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
      // Before the package is on the server, a comment stays local.
      setIdentity(a.ctx, { name: 'Анна Петрова', role: 'Отдел науки' });
      addComment(a.ctx, { packageId: pkgId, uid: p17.uid, parentId: null, text: 'До публикации.' });
      expect(a.ctx.store.team.commentsOut()).toEqual([]);
      await publishToTeam(a.ctx, a.api, pkgId, [berik.user.id]);
      await joinFromTeam(b.ctx, b.api);

      setIdentity(b.ctx, { name: 'Б. Ахметов', role: 'Минюст' });
      addComment(b.ctx, { packageId: pkgId, uid: p17.uid, parentId: null, text: 'Колледжи здесь лишние?' });
      expect(b.ctx.store.team.commentsOut()).toHaveLength(1);
      const queued = b.ctx.store.team.commentsOut()[0]!;
      expect(await sendComments(b.ctx, b.api)).toEqual({ state: 'done', sent: 1 });
      expect(b.ctx.store.team.commentsOut()).toEqual([]);
      // The answer lost, the same comment sent again: the server has it once.
      await b.api.comment({ id: queued.id, packageId: pkgId, uid: p17.uid, parentId: null, supersedes: null, text: queued.text, deleted: false });
      expect(await b.api.comments(pkgId, p17.uid)).toHaveLength(1);

      expect(await receiveComments(a.ctx, a.api, pkgId, p17.uid)).toHaveLength(1);
      expect(listComments(a.ctx, pkgId, p17.uid).map((c) => [c.author, c.text])).toEqual([
        ['Анна Петрова', 'До публикации.'],
        ['Берик Ахметов', 'Колледжи здесь лишние?'],
      ]);
      expect(await receiveComments(a.ctx, a.api, pkgId, p17.uid)).toEqual([]);
      expect(a.ctx.store.review.audit({ packageId: pkgId }).some((e) => e.action === 'team-comment')).toBe(true);
      // The log of each desktop still answers for its comments (one received is in it as received).
      expect(verifyAudit(a.ctx)).toMatchObject({ ok: true });
    } finally {
      a.close();
      b.close();
    }
  });

  it('a reader cannot comment: the comment is refused, stays here, and the refusal is told', async () => {
    const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
    const reader = await addUser(team().db, 'Читатель', 'reader');
    const a = serviceDesktop(team().url, anna.token, 'anna-laptop');
    const r = serviceDesktop(team().url, reader.token, 'reader-desk');
    try {
      const { pkgId, versionId, p17 } = startPackage(a.ctx);
      saveDraft(a.ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
      await publishToTeam(a.ctx, a.api, pkgId, [reader.user.id]);
      await joinFromTeam(r.ctx, r.api);
      setIdentity(r.ctx, { name: 'Читатель', role: '' });
      addComment(r.ctx, { packageId: pkgId, uid: p17.uid, parentId: null, text: 'Вопрос читателя.' });
      expect(await sendComments(r.ctx, r.api)).toMatchObject({ state: 'refused', sent: 0, code: 'FORBIDDEN' });
      expect(r.ctx.store.team.commentsOut()).toHaveLength(1);
      expect(await a.api.comments(pkgId, p17.uid)).toEqual([]);
    } finally {
      a.close();
      r.close();
    }
  });
});
