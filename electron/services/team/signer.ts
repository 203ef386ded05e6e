import type { SignedBy } from '../amendments';

/**
 * Who made the changes brought from the team server, for their amendments' signatures: each
 * provision's pusher by its uid. An amendment named by a unit the server did not name (a change
 * of structure is the amendment of a unit above the rows changed) is signed with whoever made the
 * newest of these revisions. Undefined when the server named no one (an answer it kept from
 * before it said who): the save is then signed as any save here.
 */
export function signerOf(provisions: readonly { uid: string; revision: number; by?: string | undefined }[]): SignedBy | undefined {
  const named = provisions.filter((p): p is typeof p & { by: string } => typeof p.by === 'string');
  if (named.length === 0) return undefined;
  const byUid = new Map(named.map((p) => [p.uid, p.by]));
  const newest = named.reduce((a, b) => (b.revision > a.revision ? b : a)).by;
  return (uid) => byUid.get(uid) ?? newest;
}
