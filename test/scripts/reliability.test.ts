import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAfterKill } from '../reliability/crash';
import { FROM_APP, openApp } from '../reliability/app-context';
import { ipcFuzz } from '../reliability/ipc-fuzz';
import { tempDir } from '../electron/harness';
import { connectionOf } from '../../electron/store/connection';

/**
 * The harnesses of `npm run reliability` must be able to fail: each detector is shown a database
 * that is wrong in its way, and says so. (The harnesses themselves run in CI after the tests.)
 */
async function savedDraft(dir: string) {
  const file = join(dir, 'zan.sqlite');
  const app = openApp(file);
  const base = app.ctx.store.versions.listInForce()[0]!;
  const made = await app.dispatch('zan:createPackage', { title: 'Проверка', baseVersionIds: [base.id] }, FROM_APP);
  if (!made.ok) throw new Error(made.error.message);
  const versionId = (made.value as { drafts: { versionId: string }[] }).drafts[0]!.versionId;
  const row = app.ctx.store.provisions.load(versionId).find((r) => r.kind === 'paragraph')!;
  const saved = await app.dispatch('zan:saveDraft', { versionId, revision: 0, upserts: [{ ...row, text: 'Новая редакция.' }], deletes: [] }, FROM_APP);
  if (!saved.ok) throw new Error(saved.error.message);
  return { file, versionId, row, app };
}

describe('the kill -9 harness sees what it looks for', () => {
  it('passes a database as the save left it', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const { file, versionId, row, app } = await savedDraft(dir);
      app.close();
      expect(checkAfterKill(file, versionId, { revision: 1, uid: row.uid, text: 'Новая редакция.' })).toBeNull();
    } finally {
      cleanup();
    }
  });

  it('a save acknowledged but not there is lost; one there in other words is lost too', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const { file, versionId, row, app } = await savedDraft(dir);
      app.close();
      expect(checkAfterKill(file, versionId, { revision: 2, uid: row.uid, text: 'Ещё одна.' })).toMatchObject({ kind: 'lost_acknowledged' });
      expect(checkAfterKill(file, versionId, { revision: 1, uid: row.uid, text: 'Другая.' })).toMatchObject({ kind: 'lost_acknowledged' });
    } finally {
      cleanup();
    }
  });

  it('stored amendments that are not a fresh derivation are an invariant violation', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const { file, versionId, row, app } = await savedDraft(dir);
      connectionOf(app.ctx.store).prepare('DELETE FROM amendment WHERE version_id = ?').run(versionId);
      app.close();
      expect(checkAfterKill(file, versionId, { revision: 1, uid: row.uid, text: 'Новая редакция.' })).toMatchObject({ kind: 'invariant_violations', detail: expect.stringMatching(/fresh derivation/) });
    } finally {
      cleanup();
    }
  });
});

describe('the IPC fuzz', () => {
  it('answers every payload of a short run with ok or a known code, fixed by its seed', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const t = await ipcFuzz({ dir, payloads: 300, seed: 16 });
      expect([t.ipc_payloads, t.ipc_crashes, t.ipc_internal, t.ipc_refused_but_written]).toEqual([300, 0, 0, 0]);
      // Enough of them reach the handlers (not all refused at the door) for the run to mean something.
      expect((t.codes['ok'] ?? 0) + (t.codes['NOT_FOUND'] ?? 0)).toBeGreaterThan(100);
    } finally {
      cleanup();
    }
  });
});
