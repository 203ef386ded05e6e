import { expect, it } from 'vitest';
import { verifyAudit } from '../../../electron/services/audit/check';
import { deleteComment, editComment } from '../../../electron/services/comment-versions';
import { saveDraft } from '../../../electron/services/drafts';
import { setIdentity } from '../../../electron/services/identity';
import { addComment, listComments } from '../../../electron/services/review';
import { searchNotes } from '../../../electron/services/search-notes';
import { startPackage, useTestContext } from '../harness';

const current = useTestContext();

/** A package with one amendment (article 17, paragraph 1 reworded) and the reviewer signed in. */
function commented() {
  const { ctx } = current();
  const { pkgId, versionId, p17 } = startPackage(ctx);
  saveDraft(ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
  setIdentity(ctx, { name: 'А. Рецензентова', role: 'Юридический департамент' });
  addComment(ctx, { packageId: pkgId, uid: p17.uid, parentId: null, text: 'Колледжи здесь лишние.' });
  const [first] = listComments(ctx, pkgId, p17.uid);
  return { ctx, pkgId, uid: p17.uid, first: first! };
}

it('an edit is a new version: the thread shows the latest wording and when, the earlier row stays, the log answers for both; search finds the wording that stands', () => {
  const { ctx, pkgId, uid, first } = commented();
  expect(first).toMatchObject({ text: 'Колледжи здесь лишние.', editedAt: null, mine: true });
  editComment(ctx, { packageId: pkgId, commentId: first.id, text: '  Колледжи здесь лишние: см. статью 3.  ' });
  const [edited] = listComments(ctx, pkgId, uid);
  expect(edited).toMatchObject({ id: first.id, text: 'Колледжи здесь лишние: см. статью 3.', createdAt: first.createdAt, mine: true });
  expect(edited!.editedAt).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
  expect(ctx.store.review.comments(pkgId, uid).map((c) => c.text)).toEqual(['Колледжи здесь лишние.', 'Колледжи здесь лишние: см. статью 3.']);
  expect(ctx.store.review.audit({ packageId: pkgId }).map((e) => e.action)).toContain('comment-edit');
  expect(verifyAudit(ctx)).toMatchObject({ ok: true });
  expect(searchNotes(ctx, 'статью').hits.map((h) => h.text)).toEqual(['Колледжи здесь лишние: см. статью 3.']);
  // The same wording again changes nothing; an empty one is refused.
  editComment(ctx, { packageId: pkgId, commentId: first.id, text: 'Колледжи здесь лишние: см. статью 3.' });
  expect(ctx.store.review.comments(pkgId, uid)).toHaveLength(2);
  expect(() => editComment(ctx, { packageId: pkgId, commentId: first.id, text: '   ' })).toThrow(expect.objectContaining({ key: 'comment.empty' }));
});

it('a deletion is a tombstone: the comment leaves the thread (a reply to it stays), nothing is removed, the log still holds; it cannot be edited or deleted again', () => {
  const { ctx, pkgId, uid, first } = commented();
  addComment(ctx, { packageId: pkgId, uid, parentId: first.id, text: 'Согласна, уберём.' });
  deleteComment(ctx, { packageId: pkgId, commentId: first.id });
  expect(listComments(ctx, pkgId, uid).map((c) => [c.text, c.parentId])).toEqual([['Согласна, уберём.', null]]);
  expect(ctx.store.review.comments(pkgId, uid)).toHaveLength(3);
  expect(verifyAudit(ctx)).toMatchObject({ ok: true });
  expect(searchNotes(ctx, 'лишние').hits).toEqual([]);
  expect(() => deleteComment(ctx, { packageId: pkgId, commentId: first.id })).toThrow(expect.objectContaining({ key: 'comment.notFound' }));
  expect(() => editComment(ctx, { packageId: pkgId, commentId: first.id, text: 'Снова.' })).toThrow(expect.objectContaining({ key: 'comment.notFound' }));
});

it("only its author changes a comment: another person's is refused, and so is one that does not exist or is a version", () => {
  const { ctx, pkgId, uid, first } = commented();
  setIdentity(ctx, { name: 'Б. Ахметов', role: 'Минюст' });
  expect(listComments(ctx, pkgId, uid)[0]?.mine).toBe(false);
  expect(() => editComment(ctx, { packageId: pkgId, commentId: first.id, text: 'Чужая правка.' })).toThrow(expect.objectContaining({ key: 'comment.notYours' }));
  expect(() => deleteComment(ctx, { packageId: pkgId, commentId: first.id })).toThrow(expect.objectContaining({ key: 'comment.notYours' }));
  expect(() => deleteComment(ctx, { packageId: pkgId, commentId: 'nosuchcomment1' })).toThrow(expect.objectContaining({ key: 'comment.notFound' }));
  setIdentity(ctx, { name: 'А. Рецензентова', role: 'Юридический департамент' });
  editComment(ctx, { packageId: pkgId, commentId: first.id, text: 'Вторая редакция.' });
  const version = ctx.store.review.comments(pkgId, uid).find((c) => c.supersedes)!;
  expect(() => editComment(ctx, { packageId: pkgId, commentId: version.id, text: 'Через версию.' })).toThrow(expect.objectContaining({ key: 'comment.notFound' }));
  expect(ctx.store.review.comments(pkgId, uid)).toHaveLength(2);
});
