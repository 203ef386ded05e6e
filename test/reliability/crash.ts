import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { derive } from '../../shared/amend';
import { rowsToLaw, validateLaw } from '../../shared/law';
import { verifyAudit } from '../../electron/services/audit/check';
import { FROM_APP, openApp } from './app-context';
import { connectionOf } from '../../electron/store/connection';

/** What the kill -9 runs found. */
export interface CrashTally {
  kills: number;
  /** Databases that would not open, or failed SQLite's integrity or foreign-key check, after a kill. */
  corrupt: number;
  /** Kills after which a save the child had acknowledged was not in the database. */
  lost_acknowledged: number;
  /** Kills after which the draft was not a valid law, its stored amendments were not a fresh derivation's, or the audit log did not verify. */
  invariant_violations: number;
  /** Acknowledged saves over all runs (how much was at stake). */
  acknowledged: number;
  /** What went wrong, by kill (empty when nothing did). */
  problems: string[];
}

const CHILD = join(import.meta.dirname, 'crash-child.ts');

/**
 * Kills the app's main-process side with SIGKILL while it saves through the autosave IPC path,
 * `kills` times on one database, and checks after each kill what a user relies on: the file opens
 * (the app's own open: header, quick check, schema), passes `integrity_check` and
 * `foreign_key_check`, the draft is a valid law, its stored amendments equal a fresh derivation,
 * the audit log verifies with the install key, and the last save the child acknowledged is there.
 * Deterministic in its choices (the seed); the moments of the kills are the machine's.
 */
export async function crashRuns(options: { dir: string; kills: number; seed: number; progress?: (done: number, tally: CrashTally) => void }): Promise<CrashTally> {
  const file = join(options.dir, 'crash.sqlite');
  const setup = openApp(file);
  const law = setup.ctx.store.works.listWorks().find((w) => w.slug === 'science-technology-policy') ?? setup.ctx.store.works.listWorks()[0]!;
  const baseId = setup.ctx.store.versions.listInForce().find((v) => setup.ctx.store.works.getExpression(v.expressionId)?.workId === law.id && setup.ctx.store.works.getExpression(v.expressionId)?.lang === 'ru')!.id;
  const created = await setup.dispatch('zan:createPackage', { title: 'Проверка на сбои', baseVersionIds: [baseId] }, FROM_APP);
  if (!created.ok) throw new Error(created.error.message);
  const versionId = (created.value as { drafts: { versionId: string }[] }).drafts[0]!.versionId;
  setup.close();

  const tally: CrashTally = { kills: 0, corrupt: 0, lost_acknowledged: 0, invariant_violations: 0, acknowledged: 0, problems: [] };
  let seed = options.seed >>> 0;
  const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  for (let i = 0; i < options.kills; i++) {
    // Most kills land among saves; some during the start (opening, migrating, sealing the log).
    const during = random() < 0.15 ? 'start' : 'saves';
    const delay = during === 'start' ? Math.floor(random() * 600) : Math.floor(random() * 250);
    const acks = await runAndKill(file, versionId, seed, during, delay);
    tally.kills++;
    tally.acknowledged += acks.length;
    const found = checkAfterKill(file, versionId, acks.at(-1));
    if (found) {
      tally[found.kind]++;
      tally.problems.push(`kill ${i + 1}: ${found.kind}: ${found.detail}`);
    }
    options.progress?.(i + 1, tally);
  }
  return tally;
}

/** A save the child acknowledged. */
export type Ack = { revision: number; uid: string; text: string | null };

function runAndKill(file: string, versionId: string, seed: number, during: 'start' | 'saves', delayMs: number): Promise<Ack[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, versionId, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let armed = false;
    const kill = () => setTimeout(() => child.kill('SIGKILL'), delayMs);
    if (during === 'start') {
      armed = true;
      kill();
    }
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!armed && out.includes('\n')) {
        armed = true;
        kill();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`the child ended by itself (${code}): ${err.trim().slice(-800)}`));
      // A line cut by the kill was never acknowledged.
      resolve(out.split('\n').filter((l) => l.endsWith('}')).map((l) => JSON.parse(l) as Ack));
    });
  });
}

/** The checks after one kill: the first thing found wrong, or null. Exported for its own test (reliability.test.ts). */
export function checkAfterKill(file: string, versionId: string, lastAck: Ack | undefined): { kind: 'corrupt' | 'lost_acknowledged' | 'invariant_violations'; detail: string } | null {
  let app;
  try {
    app = openApp(file);
  } catch (error) {
    return { kind: 'corrupt', detail: `it does not open: ${(error as Error).message}` };
  }
  try {
    const { store } = app.ctx;
    const integrity = connectionOf(store).pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return { kind: 'corrupt', detail: `integrity_check: ${String(integrity)}` };
    const orphans = connectionOf(store).pragma('foreign_key_check') as unknown[];
    if (orphans.length > 0) return { kind: 'corrupt', detail: `foreign_key_check: ${JSON.stringify(orphans.slice(0, 3))}` };
    const version = store.versions.get(versionId)!;
    if (lastAck && version.revision < lastAck.revision) return { kind: 'lost_acknowledged', detail: `revision ${version.revision}, acknowledged ${lastAck.revision}` };
    const rows = store.provisions.load(versionId);
    if (lastAck && version.revision === lastAck.revision) {
      const unit = rows.find((r) => r.uid === lastAck.uid);
      if ((unit?.text ?? null) !== lastAck.text) return { kind: 'lost_acknowledged', detail: `unit ${lastAck.uid} is "${unit?.text}", acknowledged "${lastAck.text}"` };
    }
    const draft = rowsToLaw(rows, 'ru');
    try {
      validateLaw(draft);
    } catch (error) {
      return { kind: 'invariant_violations', detail: `the draft is not a valid law: ${(error as Error).message}` };
    }
    const fresh = derive(rowsToLaw(store.provisions.load(version.baseVersionId!), 'ru'), draft);
    // Compared as values (a JSON round trip drops the keys left undefined; key order does not count).
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(store.amendments.listForVersion(versionId))), JSON.parse(JSON.stringify(fresh)))) return { kind: 'invariant_violations', detail: 'the stored amendments are not a fresh derivation' };
    const audit = verifyAudit(app.ctx);
    if (!audit.ok) return { kind: 'invariant_violations', detail: `the audit log: ${audit.seq ?? ''} ${audit.reason}` };
    return null;
  } finally {
    app.close();
  }
}
