import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, type CliIO } from '../../../../electron/cli/run';
import { headFileOf } from '../../../../electron/services/audit/head';
import { auditedDatabase, writeTestKey } from '../../../reliability/audit-history';
import { TAMPER_CASES } from '../../../reliability/audit-tamper-cases';
import { tempDir, TEST_CORPUS } from '../../harness';
import { readFileSync } from 'node:fs';

const LAW = readFileSync(join(TEST_CORPUS, 'test-law/ru.txt'), 'utf8');

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

function check(file: string, keys: string[]): { code: number; out: string } {
  const lines: string[] = [];
  const io: CliIO = { readFile: () => '', readBytes: () => new Uint8Array(), writeFile: () => undefined, out: (l) => void lines.push(l), err: (l) => void lines.push(l) };
  const code = runCli(['audit-check', '--db', file, ...keys.flatMap((k) => ['--key', k])], io) as number;
  return { code, out: lines.join('\n') };
}

describe('audit-check catches every way of rewriting the trail without the install key', () => {
  it('an untouched database passes, its signatures checked', () => {
    const { file } = auditedDatabase(dir);
    const { code, out } = check(file, [writeTestKey(join(dir, 'test.key'))]);
    expect(out).toMatch(/audit log OK \((\d+) entries, \1 signatures checked\)/);
    expect(code).toBe(0);
  });

  it.each(TAMPER_CASES.map((c) => [c.regression ? `${c.name} (regression)` : c.name, c] as const))('%s', (_, tamperCase) => {
    const { file, pkgId, uids } = auditedDatabase(dir);
    tamperCase.tamper(file, { pkgId, uids });
    const { code, out } = check(file, [writeTestKey(join(dir, 'test.key'))]);
    expect(out).toMatch(/audit log (broken at entry \d+|tampered with): /);
    expect(code).toBe(1);
  });

  it('without a key, entries cut from the end are still caught by the head file beside it', () => {
    const { file, pkgId, uids } = auditedDatabase(dir);
    (TAMPER_CASES.find((c) => c.name === 'the last entries deleted') as (typeof TAMPER_CASES)[number]).tamper(file, { pkgId, uids });
    expect(check(file, []).code).toBe(1);
  });

  it('says what it could not check when no key is given and the head file is gone', () => {
    const { file } = auditedDatabase(dir);
    const head = headFileOf(file);
    rmSync(head);
    const { code, out } = check(file, []);
    expect(code).toBe(0);
    expect(out).toMatch(/note: signatures not checked: no key given/);
    expect(out).toMatch(/note: no audit head file beside the database/);
  });
});

describe('a log signed by more than one key', () => {
  it("the app's key and the command line's key file beside the database: without --key the file's entries are checked and the others said unchecked, not forged", () => {
    const { file } = auditedDatabase(dir);
    const lines: string[] = [];
    const io: CliIO = { readFile: () => '', readBytes: () => new TextEncoder().encode(`Закон о проверке\nЗакон Республики Казахстан от 1 июля 2024 года № 9-VIII.\n${LAW}`), writeFile: () => undefined, out: (l) => void lines.push(l), err: (l) => void lines.push(l) };
    // The command line signs its import with the key file it makes beside the database.
    expect(runCli(['import', 'law.txt', '--db', file], io), lines.join('\n')).toBe(0);
    const without = check(file, []);
    expect(without.out).toMatch(/audit log OK \(\d+ entries, 1 signatures checked\)/);
    expect(without.out).toMatch(/note: signatures not checked of the entries signed with other keys/);
    expect(without.code).toBe(0);
    const all = check(file, [writeTestKey(join(dir, 'test.key'))]);
    expect(all.out).toMatch(/audit log OK \((\d+) entries, \1 signatures checked\)/);
    expect(all.code).toBe(0);
  });
});

describe('the log takes appends only', () => {
  it('INSERT OR REPLACE over an entry is refused even with recursive_triggers off (regression)', () => {
    const { file } = auditedDatabase(dir);
    const db = new Database(file);
    try {
      expect(db.pragma('recursive_triggers', { simple: true })).toBe(0);
      expect(() => db.prepare("INSERT OR REPLACE INTO audit_log (seq, at, actor, role, package_id, uid, action, detail, prev_hash, hash) SELECT seq, at, 'X', role, package_id, uid, action, detail, prev_hash, hash FROM audit_log WHERE seq = 2").run()).toThrow(/append-only/);
      expect(() => db.prepare("INSERT INTO audit_log (at, actor, role, package_id, uid, action, detail, prev_hash, hash) VALUES ('', '', '', '', NULL, '', '', '', '')").run()).toThrow(/append-only/);
      expect(() => db.prepare("INSERT INTO audit_log (seq, at, actor, role, package_id, uid, action, detail, prev_hash, hash) VALUES (1000, '', '', '', '', NULL, '', '', '', '')").run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });
});
