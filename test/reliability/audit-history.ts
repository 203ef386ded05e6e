import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { annotateAmendment, setPackageStatus } from '../../electron/services/gaps';
import { saveDraft } from '../../electron/services/drafts';
import { setIdentity } from '../../electron/services/identity';
import { addComment, reviewAmendment } from '../../electron/services/review';
import { openTestContext, startPackage, TEST_SIGNER } from '../electron/harness';
import { connectionOf } from '../../electron/store/connection';

/** The test audit key as a key file (the CLI's --key). */
export function writeTestKey(file: string): string {
  // The harness key is 32 bytes of 7s (harness.ts): written as the hex a key file holds.
  writeFileSync(file, Buffer.alloc(32, 7).toString('hex') + '\n', { mode: 0o600 });
  if (TEST_SIGNER.keyId.length !== 16) throw new Error('unexpected test key');
  return file;
}

/**
 * A database in `dir` with a log worth forging: a drafter's saves and notes, a reviewer's comments
 * and decisions, a status change; every entry signed with the test key, the head file beside it.
 * Returns the database file and what a tampering case needs to aim at.
 */
export function auditedDatabase(dir: string): { file: string; pkgId: string; uids: string[] } {
  const ctx = openTestContext(dir);
  try {
    setIdentity(ctx, { name: 'Разработчик', role: 'МНВО' });
    const { pkgId, versionId, p17, p19 } = startPackage(ctx);
    saveDraft(ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
    saveDraft(ctx, { versionId, revision: 1, upserts: [{ ...p19, text: 'Настоящий Закон вводится в действие с 1 января 2027 года.' }], deletes: [] });
    for (const uid of [p17.uid, p19.uid]) annotateAmendment(ctx, { packageId: pkgId, uid, gapCodes: ['INEFF_NORM'], justification: 'Обоснование изменения.', evidence: '' });
    setPackageStatus(ctx, pkgId, 'review');
    setIdentity(ctx, { name: 'Рецензент', role: 'МЮ' });
    addComment(ctx, { packageId: pkgId, uid: p19.uid, parentId: null, text: 'Почему 2027 год?' });
    reviewAmendment(ctx, { packageId: pkgId, uid: p17.uid, decision: 'accept' });
    reviewAmendment(ctx, { packageId: pkgId, uid: p19.uid, decision: 'reject' });
    return { file: join(dir, 'zan.sqlite'), pkgId, uids: [p17.uid, p19.uid] };
  } finally {
    connectionOf(ctx.store).close();
  }
}
