import { expect, it } from 'vitest';
import { saveDraft } from '../../electron/services/drafts';
import { setIdentity } from '../../electron/services/identity';
import { addComment, listComments } from '../../electron/services/review';
import { catchUpComments, receiveComments, sendComments } from '../../electron/services/team/comments';
import { deleteComment, editComment } from '../../electron/services/comment-versions';
import { joinFromTeam } from '../../electron/services/team/join';
import { publishToTeam } from '../../electron/services/team/publish';
import { verifyAudit } from '../../electron/services/audit/check';
import { addUser } from '../../server/team/users';
import { startPackage } from '../electron/harness';
import { serviceDesktop } from './service-desktop';
import { describeTeam, useTeamServer } from './harness';

const team = useTeamServer();

describeTeam('comments on a package on a team server', () => {
  it("comments made before publishing go up with the package; a comment made on one desktop waits in its queue, goes up once (sent again after a lost answer: taken once), and arrives on the other with its author's name", async () => {
    const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
    const berik = await addUser(team().db, 'Берик Ахметов', 'reviewer');
    const a = serviceDesktop(team().url, anna.token, 'anna-laptop');
    const b = serviceDesktop(team().url, berik.token, 'berik-laptop');
    try {
      const { pkgId, versionId, p17 } = startPackage(a.ctx);
      saveDraft(a.ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
      // Before the package is on the server, a comment stays local; published, it goes up with the package (an edit of it, and a reply, after it).
      setIdentity(a.ctx, { name: 'Анна Петрова', role: 'Отдел науки' });
      addComment(a.ctx, { packageId: pkgId, uid: p17.uid, parentId: null, text: 'До публикации.' });
      const first = listComments(a.ctx, pkgId, p17.uid)[0]!;
      editComment(a.ctx, { packageId: pkgId, commentId: first.id, text: 'До публикации, уточнено.' });
      addComment(a.ctx, { packageId: pkgId, uid: p17.uid, parentId: first.id, text: 'Ответ себе.' });
      expect(a.ctx.store.team.commentsOut()).toEqual([]);
      await publishToTeam(a.ctx, a.api, pkgId, [berik.user.id]);
      expect(a.ctx.store.team.commentsOut().map((c) => [c.text, c.supersedes ?? null, c.parentId])).toEqual([['До публикации.', null, null], ['До публикации, уточнено.', first.id, null], ['Ответ себе.', null, first.id]]);
      expect(await sendComments(a.ctx, a.api)).toEqual({ state: 'done', sent: 3 });
      await joinFromTeam(b.ctx, b.api);
      expect(await catchUpComments(b.ctx, b.api, pkgId)).not.toBeNull();
      expect(listComments(b.ctx, pkgId, p17.uid).map((c) => c.text)).toEqual(['До публикации, уточнено.', 'Ответ себе.']);

      setIdentity(b.ctx, { name: 'Б. Ахметов', role: 'Минюст' });
      addComment(b.ctx, { packageId: pkgId, uid: p17.uid, parentId: null, text: 'Колледжи здесь лишние?' });
      expect(b.ctx.store.team.commentsOut()).toHaveLength(1);
      const queued = b.ctx.store.team.commentsOut()[0]!;
      expect(await sendComments(b.ctx, b.api)).toEqual({ state: 'done', sent: 1 });
      expect(b.ctx.store.team.commentsOut()).toEqual([]);
      // The answer lost, the same comment sent again: the server has it once.
      await b.api.comment({ id: queued.id, packageId: pkgId, uid: p17.uid, parentId: null, supersedes: null, text: queued.text, deleted: false });
      expect((await b.api.comments(pkgId, p17.uid)).filter((c) => c.text === queued.text)).toHaveLength(1);

      expect(await receiveComments(a.ctx, a.api, pkgId, p17.uid)).toHaveLength(1);
      expect(listComments(a.ctx, pkgId, p17.uid).map((c) => [c.author, c.text])).toEqual([
        ['Анна Петрова', 'До публикации, уточнено.'],
        ['Анна Петрова', 'Ответ себе.'],
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

  it('an edit and a deletion go up as new versions (the author only) and reach the others, live and after an absence; nothing is removed anywhere; every log still holds', async () => {
    const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
    const berik = await addUser(team().db, 'Берик Ахметов', 'reviewer');
    const a = serviceDesktop(team().url, anna.token, 'anna-laptop');
    const b = serviceDesktop(team().url, berik.token, 'berik-laptop');
    const away = serviceDesktop(team().url, anna.token, 'anna-desktop');
    try {
      const { pkgId, versionId, p17 } = startPackage(a.ctx);
      saveDraft(a.ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
      await publishToTeam(a.ctx, a.api, pkgId, [berik.user.id]);
      await joinFromTeam(b.ctx, b.api);
      await joinFromTeam(away.ctx, away.api);
      setIdentity(b.ctx, { name: 'Берик Ахметов', role: 'Минюст' });
      addComment(b.ctx, { packageId: pkgId, uid: p17.uid, parentId: null, text: 'Колледжи лишние?' });
      addComment(b.ctx, { packageId: pkgId, uid: p17.uid, parentId: null, text: 'Второе замечание.' });
      expect(await sendComments(b.ctx, b.api)).toEqual({ state: 'done', sent: 2 });
      await receiveComments(a.ctx, a.api, pkgId, p17.uid);
      const [first, second] = listComments(b.ctx, pkgId, p17.uid);

      // Anna, on her desktop, cannot change Berik's comment.
      setIdentity(a.ctx, { name: 'Анна Петрова', role: 'Отдел науки' });
      expect(listComments(a.ctx, pkgId, p17.uid).map((c) => c.mine)).toEqual([false, false]);
      expect(() => editComment(a.ctx, { packageId: pkgId, commentId: first!.id, text: 'Правка Анны.' })).toThrow(expect.objectContaining({ key: 'comment.notYours' }));

      // Berik rewords the first and deletes the second; both go up as new versions.
      editComment(b.ctx, { packageId: pkgId, commentId: first!.id, text: 'Колледжи лишние: уберите их.' });
      deleteComment(b.ctx, { packageId: pkgId, commentId: second!.id });
      expect(b.ctx.store.team.commentsOut().map((c) => [c.supersedes, c.deleted])).toEqual([[first!.id, false], [second!.id, true]]);
      expect(await sendComments(b.ctx, b.api)).toEqual({ state: 'done', sent: 2 });
      expect(await team().db.query<{ n: string }>('SELECT count(*) AS n FROM comment')).toEqual([{ n: '4' }]);

      // Anna's desktop takes them (the event's pull), once.
      expect(await receiveComments(a.ctx, a.api, pkgId, p17.uid)).toHaveLength(2);
      expect(listComments(a.ctx, pkgId, p17.uid).map((c) => [c.text, c.author, c.editedAt !== null])).toEqual([['Колледжи лишние: уберите их.', 'Берик Ахметов', true]]);
      expect(await receiveComments(a.ctx, a.api, pkgId, p17.uid)).toEqual([]);
      // Her other desktop, away all along, catches up: the edited one only (the deleted one never shows).
      await catchUpComments(away.ctx, away.api, pkgId);
      expect(listComments(away.ctx, pkgId, p17.uid).map((c) => c.text)).toEqual(['Колледжи лишние: уберите их.']);
      for (const ctx of [a.ctx, b.ctx, away.ctx]) expect(verifyAudit(ctx)).toMatchObject({ ok: true });

      // regression: an edit of another's comment queued here (as a clash of names would let it) is refused by the server;
      // it stays and is told, and Anna's own comment after it still goes up instead of waiting behind it for ever.
      a.ctx.store.team.queueComment({ id: 'forgededit01', packageId: pkgId, uid: p17.uid, parentId: null, text: 'Не её правка.', supersedes: first!.id, deleted: false });
      addComment(a.ctx, { packageId: pkgId, uid: p17.uid, parentId: null, text: 'Замечание Анны.' });
      expect(await sendComments(a.ctx, a.api)).toMatchObject({ state: 'refused', code: 'FORBIDDEN', sent: 1 });
      expect(a.ctx.store.team.commentsOut().map((c) => c.id)).toEqual(['forgededit01']);
      expect((await a.api.comments(pkgId, p17.uid)).map((c) => c.text)).toContain('Замечание Анны.');
    } finally {
      a.close();
      b.close();
      away.close();
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
