import type { ProvisionRow } from '../../../shared/law';
import type { SyncedRecord } from '../../store/repositories/team';
import type { PulledProvision } from './pull';

/** Provisions as the server gave them (a pull, a join, an adoption), as records of being in step at its revisions. */
export function syncedFromServer(provisions: readonly PulledProvision[]): SyncedRecord[] {
  return provisions.map((p) => ({ uid: p.uid, revision: p.revision, row: (p.row as ProvisionRow | null) ?? null }));
}

/** Rows written and uids deleted that the server took at these revisions, as records of being in step. */
export function syncedAtRevisions(changes: { upserts: readonly ProvisionRow[]; deletes: readonly string[] }, revisions: Readonly<Record<string, number>>): SyncedRecord[] {
  return [...changes.upserts.map((row) => ({ uid: row.uid, revision: revisions[row.uid]!, row })), ...changes.deletes.map((uid) => ({ uid, revision: revisions[uid]!, row: null }))];
}
