import type { SignedBy } from '../amendments';

/**
 * Who made the changes brought from the team server, and when, for their amendments'
 * signatures: each provision's pusher and the time of their save, by its uid. An amendment named
 * by a unit the server did not name (a change of structure is the amendment of a unit above the
 * rows changed) is signed as the newest of these revisions. Undefined when the server named no one
 * (an answer it kept from before it said who): the save is then signed as any save here.
 */
export function signerOf(provisions: readonly { uid: string; revision: number; by?: string | undefined; at?: string | undefined }[]): SignedBy | undefined {
  const named = provisions.filter((p): p is typeof p & { by: string } => typeof p.by === 'string');
  if (named.length === 0) return undefined;
  const signature = (p: (typeof named)[number]) => ({ author: p.by, ...(p.at ? { at: p.at } : {}) });
  const byUid = new Map(named.map((p) => [p.uid, signature(p)]));
  const newest = signature(named.reduce((a, b) => (b.revision > a.revision ? b : a)));
  return (uid) => byUid.get(uid) ?? newest;
}
