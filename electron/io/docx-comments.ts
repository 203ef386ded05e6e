import { CommentReference, DeletedTextRun, InsertedTextRun, Paragraph, TextRun, type ICommentOptions, type ParagraphChild } from 'docx';
import type { RedlineRun } from '../../shared/redline';

/** A reviewer's comment on an amendment, or a reply to one (it names its parent), as the review panel lists them. */
export interface ReviewComment {
  id: string;
  parentId: string | null;
  author: string;
  text: string;
  /** ISO date and time. */
  createdAt: string;
}

/** Who made a change and when, as Word shows it on each revision. */
export interface RevisionAuthor {
  author: string;
  date: string;
}

/** A revision's id, author and date, from the amendment it belongs to (ids are shared by every revision of a document). */
export type Stamp = (amendmentUid: string) => { id: number; author: string; date: string };

/** "Б. Рецензент" → "БР": Word shows a comment's initials where there is no room for the name. */
const initialsOf = (name: string) => name.split(/[\s.]+/).filter(Boolean).map((w) => w[0]!.toUpperCase()).join('').slice(0, 3);

const body = (text: string) => text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] }));

/**
 * The Word comments of a redline, made line by line as the body is written. An amendment's comments
 * go on its first changed line: its note (the gaps it targets and why) in the name of the
 * amendment's author, then each review thread, the first comment and its replies in the order they
 * were written. Replies are Word replies (`parentId`: docx writes commentsExtended.xml with
 * `w15:paraIdParent`), all to the thread's first comment, as Word threads them; a reply to a reply
 * is threaded under the same first comment.
 */
export class RedlineComments {
  /** Every comment made so far, for `new Document({ comments: { children } })`. */
  readonly list: ICommentOptions[] = [];
  private readonly anchored = new Set<string>();

  constructor(
    private readonly notes: ReadonlyMap<string, string> | undefined,
    private readonly threads: ReadonlyMap<string, readonly ReviewComment[]> | undefined,
    private readonly revisionOf: (uid: string) => RevisionAuthor,
  ) {}

  /** The ids of the comments to anchor on a line for one amendment; none if an earlier line has them. */
  take(uid: string): number[] {
    if (this.anchored.has(uid)) return [];
    this.anchored.add(uid);
    const ids: number[] = [];
    const add = (c: Omit<ICommentOptions, 'id'>) => {
      const id = this.list.length;
      this.list.push({ ...c, id });
      ids.push(id);
      return id;
    };
    const note = this.notes?.get(uid);
    if (note) {
      const { author, date } = this.revisionOf(uid);
      add({ author, initials: initialsOf(author), date: new Date(date), children: body(note) });
    }
    const thread = this.threads?.get(uid) ?? [];
    const byId = new Map(thread.map((c) => [c.id, c]));
    const rootOf = (c: ReviewComment): ReviewComment => {
      // A parent that is not in the list (deleted, or another amendment's) makes the reply a thread of its own.
      for (let seen = 0, at = c; seen <= thread.length; seen++) {
        const parent = at.parentId ? byId.get(at.parentId) : undefined;
        if (!parent) return at;
        at = parent;
      }
      return c; // a cycle in the stored parents: the comment stands alone
    };
    const docxId = new Map<string, number>();
    for (const c of thread) {
      const root = rootOf(c);
      const parentId = root === c ? undefined : docxId.get(root.id);
      docxId.set(c.id, add({ author: c.author, initials: initialsOf(c.author), date: new Date(c.createdAt), children: body(c.text), ...(parentId === undefined ? {} : { parentId }) }));
    }
    return ids;
  }
}

/**
 * The runs that anchor comments on a line: a comment at a point, one reference each, in the
 * revision of the line's first run (a comment range's end would split that revision in two for
 * LibreOffice, and a reference outside it would stay behind when the line is rejected).
 */
export function commentAnchors(ids: readonly number[], head: RedlineRun | undefined, stamp: Stamp): ParagraphChild[] {
  return ids.map((id) => {
    const reference = { children: [new CommentReference(id)] };
    if (head?.change === 'ins' && head.amendment) return new InsertedTextRun({ ...reference, ...stamp(head.amendment) });
    if (head?.change === 'del' && head.amendment) return new DeletedTextRun({ ...reference, ...stamp(head.amendment) });
    return new TextRun(reference);
  });
}
