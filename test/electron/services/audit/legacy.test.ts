import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../../electron/services/audit/check';
import { entryHash, GENESIS } from '../../../../electron/services/audit/hash';
import { sealAudit } from '../../../../electron/services/audit/log';
import { verifyAuditLog } from '../../../../electron/services/audit/verify';
import { setIdentity } from '../../../../electron/services/identity';
import { APPLICATION_ID } from '../../../../electron/store/inspect';
import { MIGRATIONS } from '../../../../electron/store/migrations';
import { migrate } from '../../../../electron/store/migrate';
import { createReadStore } from '../../../../electron/store/store';
import { connectionOf } from '../../../../electron/store/connection';
import { readableHandle } from '../../../../electron/store/handles';
import { openTestContext, tempDir } from '../../harness';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** A database as the build before the seal left it: schema 11, a comment, a decision, one unsigned entry of the old format. */
function legacyDatabase(): string {
  const file = join(dir, 'zan.sqlite');
  const db = new Database(file);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  migrate(db, MIGRATIONS.slice(0, 11));
  db.exec(`INSERT INTO package (id, title, status, authors, created_at, updated_at) VALUES ('pkg1', 'Проект', 'review', '[]', '2025-01-01', '2025-01-01');
    INSERT INTO comment (id, package_id, uid, parent_id, author, role, text, created_at) VALUES ('c1', 'pkg1', 'u1', NULL, 'Рецензент', 'МЮ', 'Старый комментарий.', '2025-01-02');
    INSERT INTO amendment_annotation (package_id, uid, justification, evidence, status, updated_at) VALUES ('pkg1', 'u1', 'Старое обоснование.', '', 'accepted', '2025-01-02');`);
  const e = { seq: 1, format: 1, at: '2025-01-02T00:00:00.000Z', actor: 'Рецензент', role: 'МЮ', packageId: 'pkg1', uid: 'u1', action: 'accept', detail: '{}', prevHash: GENESIS };
  db.prepare('INSERT INTO audit_log (at, actor, role, package_id, uid, action, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(e.at, e.actor, e.role, e.packageId, e.uid, e.action, e.detail, e.prevHash, entryHash(e));
  db.close();
  return file;
}

describe('a log written before the seal', () => {
  it('checks read-only as it is (old format, no signatures) and says what it could not check', () => {
    const file = legacyDatabase();
    const db = new Database(file, { readonly: true });
    try {
      expect(verifyAuditLog(createReadStore(readableHandle(db)), { keys: [], complete: false, head: { kind: 'missing' } })).toEqual({ ok: true, entries: 1, signed: 0, notes: ['review state not checked: the log predates the build that records it'] });
    } finally {
      db.close();
    }
  });

  it('is sealed on opening: a signed baseline records the review state, which is checked from then on', () => {
    legacyDatabase();
    const ctx = openTestContext(dir);
    try {
      expect(sealAudit(ctx)).toBe(true);
      expect(sealAudit(ctx)).toBe(false);
      const [old, baseline] = ctx.store.review.audit();
      expect([old?.format, baseline?.action, baseline?.format]).toEqual([1, 'baseline', 2]);
      setIdentity(ctx, { name: 'Разработчик', role: 'МНВО' });
      expect(verifyAudit(ctx)).toMatchObject({ ok: true, entries: 3, signed: 2, notes: [] });
      // The comment of the earlier build is now answered for by the baseline.
      connectionOf(ctx.store).prepare("UPDATE comment SET text = 'Переписан.' WHERE id = 'c1'").run();
      expect(verifyAudit(ctx)).toEqual({ ok: false, seq: null, reason: 'the text of comment c1 is not the one the log recorded (it was rewritten)' });
    } finally {
      connectionOf(ctx.store).close();
    }
  });
});
