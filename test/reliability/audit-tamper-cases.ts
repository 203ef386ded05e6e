import Database from 'better-sqlite3';
import { rmSync, writeFileSync } from 'node:fs';
import { entryHash, GENESIS, type HashedFields } from '../../electron/services/audit/hash';
import { headFileOf, writeHead } from '../../electron/services/audit/head';
import { hmacSigner, type AuditSigner } from '../../electron/services/audit/signer';

/**
 * Ways to rewrite a workbench database's audit trail with the file in hand and a SQLite shell, but
 * not the install's key: each must be caught by `zan audit-check --key` (issue 16 lists the first
 * ones as defects of the earlier check: marked `regression`). The forger knows the hashing (it is
 * in the source) and drops the append-only triggers first.
 */
export interface TamperCase {
  name: string;
  regression: boolean;
  tamper(file: string, target: { pkgId: string; uids: string[] }): void;
}

/** A key the forger makes: signatures it gives are not the install's. */
const FORGER: AuditSigner = hmacSigner(Buffer.alloc(32, 0x66));

type Row = HashedFields & { hash: string; key_id: string | null; mac: string | null };

function forge(file: string, fn: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete; DROP TRIGGER IF EXISTS audit_log_next_seq;');
    fn(db);
  } finally {
    db.close();
  }
}

function rows(db: Database.Database): Row[] {
  return db.prepare('SELECT seq, format, at, actor, role, package_id AS packageId, uid, action, detail, prev_hash AS prevHash, hash, key_id, mac FROM audit_log ORDER BY seq').all() as Row[];
}

/** Recomputes every hash from `seq` on, as the code does; the signature is left, dropped or the forger's. */
function rehashFrom(db: Database.Database, seq: number, sign: 'keep' | 'drop' | 'forger' = 'keep'): void {
  let prev = GENESIS;
  for (const r of rows(db)) {
    if (r.seq >= seq) {
      const fields = { ...r, prevHash: prev };
      const hash = entryHash(fields);
      const [keyId, mac] = sign === 'keep' ? [r.key_id, r.mac] : sign === 'drop' ? [null, null] : [FORGER.keyId, FORGER.sign(hash)];
      db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ?, key_id = ?, mac = ? WHERE seq = ?').run(prev, hash, keyId, mac, r.seq);
      prev = hash;
    } else prev = r.hash;
  }
}

/** Rewrites the head file to the database's present head, unsigned or with the forger's key. */
function rewriteHead(file: string, db: Database.Database, signer?: AuditSigner): void {
  const last = rows(db).at(-1);
  if (last) writeHead(headFileOf(file), { count: rows(db).length, seq: last.seq, hash: last.hash }, signer);
  else rmSync(headFileOf(file), { force: true });
}

function appendForged(db: Database.Database, sign: (hash: string) => [string | null, string | null]): void {
  const last = rows(db).at(-1) as Row;
  const fields: HashedFields = { seq: last.seq + 1, format: 2, at: last.at, actor: 'Рецензент', role: 'МЮ', packageId: last.packageId, uid: last.uid, action: 'accept', detail: '{}', prevHash: last.hash };
  const hash = entryHash(fields);
  const [keyId, mac] = sign(hash);
  db.prepare('INSERT INTO audit_log (seq, format, at, actor, role, package_id, uid, action, detail, prev_hash, hash, key_id, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    fields.seq, fields.format, fields.at, fields.actor, fields.role, fields.packageId, fields.uid, fields.action, fields.detail, fields.prevHash, hash, keyId, mac,
  );
}

/** The catalogue. */
export const TAMPER_CASES: readonly TamperCase[] = [
  { name: 'an entry edited, nothing else', regression: false, tamper: (f) => forge(f, (db) => db.prepare("UPDATE audit_log SET actor = 'Кто-то другой' WHERE seq = 3").run()) },
  {
    name: 'an entry edited and the rest of the chain re-hashed',
    regression: true,
    tamper: (f) => forge(f, (db) => {
      db.prepare("UPDATE audit_log SET actor = 'Кто-то другой' WHERE seq = 3").run();
      rehashFrom(db, 3);
      rewriteHead(f, db);
    }),
  },
  {
    name: "an entry edited, the chain re-hashed and signed with the forger's own key",
    regression: false,
    tamper: (f) => forge(f, (db) => {
      db.prepare("UPDATE audit_log SET actor = 'Кто-то другой' WHERE seq = 3").run();
      rehashFrom(db, 3, 'forger');
      rewriteHead(f, db, FORGER);
    }),
  },
  {
    name: 'an entry edited, the chain re-hashed and its signatures removed',
    regression: false,
    tamper: (f) => forge(f, (db) => {
      db.prepare("UPDATE audit_log SET actor = 'Кто-то другой' WHERE seq = 3").run();
      rehashFrom(db, 3, 'drop');
      rewriteHead(f, db);
    }),
  },
  { name: 'a correctly chained forged entry appended', regression: true, tamper: (f) => forge(f, (db) => appendForged(db, () => [null, null])) },
  {
    name: 'a correctly chained forged entry appended, claiming the install key',
    regression: false,
    tamper: (f) => forge(f, (db) => appendForged(db, (hash) => [(rows(db)[0] as Row).key_id, FORGER.sign(hash)])),
  },
  { name: 'the last entries deleted', regression: true, tamper: (f) => forge(f, (db) => db.prepare('DELETE FROM audit_log WHERE seq > (SELECT MAX(seq) - 3 FROM audit_log)').run()) },
  {
    name: 'the last entries deleted and the head file rewritten to match',
    regression: false,
    tamper: (f) => forge(f, (db) => {
      db.prepare('DELETE FROM audit_log WHERE seq > (SELECT MAX(seq) - 3 FROM audit_log)').run();
      rewriteHead(f, db);
    }),
  },
  { name: 'every entry deleted', regression: true, tamper: (f) => forge(f, (db) => db.prepare('DELETE FROM audit_log').run()) },
  {
    name: 'the table recreated empty',
    regression: true,
    tamper: (f) => forge(f, (db) => {
      const sql = (db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'audit_log'").get() as { sql: string }).sql;
      db.exec(`DROP TABLE audit_log; ${sql};`);
    }),
  },
  { name: 'the sequence numbers renumbered', regression: true, tamper: (f) => forge(f, (db) => db.prepare('UPDATE audit_log SET seq = seq + 100').run()) },
  {
    name: 'two entries swapped by number',
    regression: true,
    tamper: (f) => forge(f, (db) => {
      db.prepare('UPDATE audit_log SET seq = -1 WHERE seq = 2').run();
      db.prepare('UPDATE audit_log SET seq = 2 WHERE seq = 3').run();
      db.prepare('UPDATE audit_log SET seq = 3 WHERE seq = -1').run();
      rehashFrom(db, 2);
      rewriteHead(f, db);
    }),
  },
  {
    name: 'an entry backdated and the chain re-hashed',
    regression: true,
    tamper: (f) => forge(f, (db) => {
      db.prepare("UPDATE audit_log SET at = '2025-01-01T00:00:00.000Z' WHERE seq = 4").run();
      rehashFrom(db, 4);
      rewriteHead(f, db);
    }),
  },
  {
    name: 'the whole log rewritten in the earlier format (no number in the hash) and the head file rewritten',
    regression: false,
    tamper: (f) => forge(f, (db) => {
      db.prepare('UPDATE audit_log SET format = 1').run();
      rehashFrom(db, 1, 'drop');
      rewriteHead(f, db);
    }),
  },
  {
    name: 'a review decision flipped in the annotations',
    regression: true,
    tamper: (f, t) => forge(f, (db) => db.prepare("UPDATE amendment_annotation SET status = 'accepted' WHERE package_id = ? AND uid = ?").run(t.pkgId, t.uids[1])),
  },
  {
    name: 'an approval taken back in the annotations',
    regression: false,
    tamper: (f, t) => forge(f, (db) => db.prepare("UPDATE amendment_annotation SET status = 'proposed' WHERE package_id = ? AND uid = ?").run(t.pkgId, t.uids[0])),
  },
  { name: "a comment's text rewritten", regression: true, tamper: (f) => forge(f, (db) => db.prepare("UPDATE comment SET text = 'Согласен без замечаний.'").run()) },
  {
    name: 'a comment added outside the workbench',
    regression: false,
    tamper: (f, t) => forge(f, (db) => db.prepare("INSERT INTO comment (id, package_id, uid, parent_id, author, role, text, created_at) VALUES ('forgedcomment1', ?, ?, NULL, 'Рецензент', 'МЮ', 'Поддерживаю.', '2026-01-02T00:00:00.000Z')").run(t.pkgId, t.uids[0])),
  },
  { name: 'a comment deleted', regression: false, tamper: (f) => forge(f, (db) => db.prepare('DELETE FROM comment').run()) },
  {
    name: 'a justification rewritten in the annotations',
    regression: false,
    tamper: (f, t) => forge(f, (db) => db.prepare("UPDATE amendment_annotation SET justification = 'Другое обоснование.' WHERE package_id = ? AND uid = ?").run(t.pkgId, t.uids[0])),
  },
  // A head file that is not one: a check must not take it for "no head".
  { name: 'the head file replaced by something else', regression: false, tamper: (f) => writeFileSync(headFileOf(f), 'not json') },
];
