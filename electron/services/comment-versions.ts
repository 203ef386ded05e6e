import type { CommentRecord } from '../store/repositories/review';
import { StoreError } from '../store/errors';
import { audit } from './audit/log';
import { commentFingerprint } from './audit/state';
import type { ReadContext, ServiceContext } from './context';
import { changeSigner, getIdentity, requireIdentity, teamPersonId } from './identity';

/** A comment as the thread shows it: its line at its latest version. */
export interface CommentLine {
  /** The line's id: its first comment's (what a reply, an edit or a deletion names). */
  id: string;
  parentId: string | null;
  author: string;
  role: string;
  text: string;
  createdAt: string;
  /** When its latest version was written; null when never edited. */
  editedAt: string | null;
  /** Whether the person here wrote it (and so may edit or delete it). */
  mine: boolean;
}

/**
 * The comments on an amendment as they stand: each line (a comment and the versions that
 * supersede it) at its latest version, a deleted one left out — its replies stay, answering nothing.
 */
export function commentLines(ctx: ReadContext, packageId: string, uid: string): CommentLine[] {
  const rows = ctx.store.review.comments(packageId, uid);
  const lines = new Map<string, { first: CommentRecord; latest: CommentRecord }>();
  for (const row of rows) {
    const line = row.supersedes ? lines.get(row.supersedes) : undefined;
    if (line) line.latest = row;
    else if (!row.supersedes) lines.set(row.id, { first: row, latest: row });
  }
  const isMine = ownership(ctx, packageId);
  const standing = [...lines.values()].filter((l) => !l.latest.deleted);
  const present = new Set(standing.map((l) => l.first.id));
  return standing.map(({ first, latest }) => ({
    id: first.id,
    parentId: first.parentId && present.has(first.parentId) ? first.parentId : null,
    author: first.author,
    role: first.role,
    text: latest.text,
    createdAt: first.createdAt,
    editedAt: latest === first ? null : latest.createdAt,
    mine: isMine(first),
  }));
}

/**
 * Rewords one's own comment: a new version that supersedes it (the earlier stays, in the log
 * too), signed, logged, and on a package on a team server queued for the others.
 */
export function editComment(ctx: ServiceContext, input: { packageId: string; commentId: string; text: string }): void {
  const text = input.text.trim();
  if (!text) throw new StoreError('INVALID_INPUT', 'A comment needs text.', 'comment.empty');
  addVersion(ctx, input.packageId, input.commentId, { text, deleted: false });
}

/** Deletes one's own comment: a tombstone that supersedes it (nothing is removed), signed, logged, and sent as an edit is. */
export function deleteComment(ctx: ServiceContext, input: { packageId: string; commentId: string }): void {
  addVersion(ctx, input.packageId, input.commentId, { text: '', deleted: true });
}

function addVersion(ctx: ServiceContext, packageId: string, lineId: string, change: { text: string; deleted: boolean }): void {
  requireIdentity(ctx);
  const first = ctx.store.review.comment(lineId);
  if (!first || first.packageId !== packageId || first.supersedes) throw new StoreError('NOT_FOUND', 'This comment does not exist.', 'comment.notFound');
  const line = commentLines(ctx, packageId, first.uid).find((l) => l.id === lineId);
  if (!line) throw new StoreError('NOT_FOUND', 'This comment was deleted.', 'comment.notFound');
  if (!line.mine) throw new StoreError('NOT_EDITABLE', 'Only its author changes a comment.', 'comment.notYours');
  if (!change.deleted && line.text === change.text) return;
  const id = ctx.newId();
  ctx.store.transaction(() => {
    ctx.store.review.addComment({ id, packageId, uid: first.uid, parentId: first.parentId, author: first.author, authorId: first.authorId ?? null, role: first.role, text: change.text, createdAt: ctx.now(), supersedes: lineId, deleted: change.deleted });
    audit(ctx, packageId, first.uid, change.deleted ? 'comment-delete' : 'comment-edit', { id, supersedes: lineId, textHash: commentFingerprint(change.text) });
    if (ctx.store.team.linkOf(packageId)) ctx.store.team.queueComment({ id, packageId, uid: first.uid, parentId: first.parentId, text: change.text, supersedes: lineId, deleted: change.deleted });
  });
}

/**
 * What tells the person's own comments here: on a package on a team server, a comment the server
 * says whose it is is theirs only if it is of their id there (a namesake's is not); else, as off a
 * team, one written under a name they write under — their identity's, or their name on the server.
 */
function ownership(ctx: ReadContext, packageId: string): (comment: CommentRecord) => boolean {
  const names = new Set([getIdentity(ctx)?.name, changeSigner(ctx, packageId)].filter((n): n is string => !!n));
  const id = teamPersonId(ctx, packageId);
  return (comment) => (comment.authorId && id ? comment.authorId === id : names.has(comment.author));
}
