import { record } from '../audit/log';
import { commentFingerprint } from '../audit/state';
import { whenWritable, type ServiceContext } from '../context';
import type { ServerComment } from '../../../shared/team/contract';
import { TeamRefused, TeamUnreachable, type TeamApi } from './api';

/** Where sending the comments made here stopped. */
export type CommentsOutcome = { state: 'done'; sent: number } | { state: 'offline'; sent: number } | { state: 'refused'; sent: number; code: string; message: string };

/** Refusals of one comment that say nothing of the others (not its author's to change, its package or parent not there for this person, not valid): the round goes on past it. */
const REFUSED_ALONE = new Set(['FORBIDDEN', 'NOT_FOUND', 'INVALID']);

/**
 * Sends the comments made here on packages on the team server, oldest first, each under its own
 * id (one whose answer was lost is taken once when sent again). A refusal of one comment (a
 * reader's, one on a package no longer shared, an edit of another's) is told, and the comment stays
 * here and waits — but the round goes on to the others, which would otherwise wait behind it for
 * ever. A refusal of them all (the token, another protocol) stops the round.
 */
export async function sendComments(ctx: ServiceContext, api: TeamApi): Promise<CommentsOutcome> {
  let sent = 0;
  let refused: Extract<CommentsOutcome, { state: 'refused' }> | null = null;
  for (const comment of ctx.store.team.commentsOut()) {
    try {
      await api.comment({ id: comment.id, packageId: comment.packageId, uid: comment.uid, parentId: comment.parentId, supersedes: comment.supersedes ?? null, text: comment.text, deleted: comment.deleted ?? false });
    } catch (error) {
      if (error instanceof TeamUnreachable) return { state: 'offline', sent };
      if (error instanceof TeamRefused) {
        refused ??= { state: 'refused', sent, code: error.code, message: error.message };
        if (REFUSED_ALONE.has(error.code)) continue;
        return { ...refused, sent };
      }
      throw error;
    }
    await whenWritable(ctx, () => ctx.store.team.commentSent(comment.id));
    sent++;
  }
  return refused ? { ...refused, sent } : { state: 'done', sent };
}

/**
 * A package just published: the comments already made on it here (every version and tombstone,
 * oldest first, so a reply follows its parent) wait to go up as any made from now on. Call inside
 * the publication's transaction.
 */
export function queuePackageComments(ctx: ServiceContext, packageId: string): number {
  const made = ctx.store.review.comments(packageId);
  for (const c of made) ctx.store.team.queueComment({ id: c.id, packageId, uid: c.uid, parentId: c.parentId, text: c.text, supersedes: c.supersedes ?? null, deleted: c.deleted ?? false });
  return made.length;
}

/**
 * Brings in the comments others made on a provision of a package on the server: those this
 * desktop does not have are added (with their author's name on the server), and the latest
 * version of one edited or deleted there is appended as a version here, each logged as received.
 * The server's comments are appended only, and so are they here.
 * Returns those that arrived, or null when the server could not be reached.
 */
export async function receiveComments(ctx: ServiceContext, api: TeamApi, packageId: string, uid: string): Promise<ServerComment[] | null> {
  return bringIn(ctx, packageId, () => api.comments(packageId, uid));
}

/**
 * After an absence (the desktop offline, the app closed): every comment of a package on the
 * server that this desktop does not have, brought in as receiveComments does — the server's
 * events reach only a desktop that is listening.
 */
export async function catchUpComments(ctx: ServiceContext, api: TeamApi, packageId: string): Promise<ServerComment[] | null> {
  return bringIn(ctx, packageId, () => api.packageComments(packageId));
}

async function bringIn(ctx: ServiceContext, packageId: string, ask: () => Promise<ServerComment[]>): Promise<ServerComment[] | null> {
  let theirs;
  try {
    theirs = await ask();
  } catch (error) {
    if (error instanceof TeamUnreachable || error instanceof TeamRefused) return null;
    throw error;
  }
  return whenWritable(ctx, () =>
    ctx.store.transaction(() => {
      if (!ctx.store.packages.get(packageId)) return [];
      const added: ServerComment[] = [];
      const { review } = ctx.store;
      // Oldest first (the server's order), so that a reply finds the comment it answers.
      for (const c of theirs) {
        const known = review.comment(c.id);
        if (!known) {
          // A line this desktop never had and that is deleted there: nothing to show.
          if (c.deleted) continue;
          // A reply to a comment this desktop lacks (deleted on the server) stands on its own.
          const parentId = c.parentId && review.comment(c.parentId) ? c.parentId : null;
          review.addComment({ id: c.id, packageId, uid: c.uid, parentId, author: c.by, authorId: c.byId, role: '', text: c.text, createdAt: c.at });
          record(ctx, packageId, c.uid, 'team-comment', { id: c.id, by: c.by, textHash: commentFingerprint(c.text) });
        } else {
          // Written here, or brought in before comments said whose they are (migration 019): now they do.
          if (!known.authorId) review.setCommentAuthorId(c.id, c.byId);
          if (!c.version || review.comment(c.version)) continue;
        }
        // Edited or deleted there (appended here too, as a version of the line): its latest version.
        if (c.version) {
          review.addComment({ id: c.version, packageId, uid: c.uid, parentId: known?.parentId ?? null, author: known?.author ?? c.by, authorId: c.byId, role: known?.role ?? '', text: c.text, createdAt: c.editedAt ?? ctx.now(), supersedes: c.id, deleted: c.deleted ?? false });
          record(ctx, packageId, c.uid, c.deleted ? 'team-comment-delete' : 'team-comment-edit', { id: c.version, supersedes: c.id, by: c.by, textHash: commentFingerprint(c.text) });
        }
        added.push(c);
      }
      return added;
    }),
  );
}
