// `npm run reliability [-- --kills N --payloads N --seed N]`: the reliability harnesses of issue 16,
// bounded in time, on temporary databases. Progress goes to stderr; the last line on stdout is one
// JSON object with the counts; the exit code is 1 if any count of a failure is not zero.
//   kill -9 during continuous saves through the autosave's IPC path (crash.ts)
//   the bad-database catalogue (bad-db.ts)
//   audit-trail tampering (tamper.ts, audit-tamper-cases.ts)
//   a fuzz of every IPC channel (ipc-fuzz.ts)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { badDatabases } from './bad-db';
import { crashRuns } from './crash';
import { ipcFuzz } from './ipc-fuzz';
import { tamperRuns } from './tamper';

const { values } = parseArgs({ options: { kills: { type: 'string', default: '20' }, payloads: { type: 'string', default: '2000' }, seed: { type: 'string', default: process.env['ZAN_SEED'] ?? '16' } } });
const kills = Number(values.kills);
const payloads = Number(values.payloads);
const seed = Number(values.seed);
if (![kills, payloads, seed].every(Number.isSafeInteger) || kills < 0 || payloads < 0) {
  console.error('usage: npm run reliability -- [--kills N] [--payloads N] [--seed N]');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'zan-reliability-'));
const say = (line: string) => process.stderr.write(`${line}\n`);
const started = Date.now();
try {
  say(`kill -9 during saves: ${kills} kills (seed ${seed})`);
  const crash = await crashRuns({ dir, kills, seed, progress: (done, t) => (done % 50 === 0 || done === kills) && say(`  ${done}/${kills} kills, ${t.acknowledged} saves acknowledged, ${t.problems.length} problems`) });
  for (const p of crash.problems) say(`  ${p}`);
  say('bad databases:');
  const bad = await badDatabases({ dir, seed });
  for (const r of bad) say(`  ${r.handled ? 'ok ' : 'BAD'} ${r.name}: ${r.outcome.split('\n')[0]?.slice(0, 160)}`);
  say('audit tampering:');
  const tamper = tamperRuns(dir);
  for (const p of tamper.problems) say(`  ${p}`);
  say(`  ${tamper.tamper_cases} cases, ${tamper.tamper_undetected} undetected`);
  say(`IPC fuzz: ${payloads} payloads over every channel (seed ${seed})`);
  const fuzz = await ipcFuzz({ dir, payloads, seed });
  for (const p of fuzz.problems.slice(0, 20)) say(`  ${p}`);
  say(`  answers: ${JSON.stringify(fuzz.codes)}`);
  const result = {
    kills: crash.kills,
    acknowledged_saves: crash.acknowledged,
    corrupt: crash.corrupt,
    lost_acknowledged: crash.lost_acknowledged,
    invariant_violations: crash.invariant_violations,
    bad_db_cases: bad.length,
    bad_db_mishandled: bad.filter((r) => !r.handled).length,
    tamper_cases: tamper.tamper_cases,
    tamper_undetected: tamper.tamper_undetected + (tamper.problems.some((p) => p.startsWith('an untouched')) ? 1 : 0),
    ipc_payloads: fuzz.ipc_payloads,
    ipc_crashes: fuzz.ipc_crashes,
    ipc_internal: fuzz.ipc_internal,
    ipc_refused_but_written: fuzz.ipc_refused_but_written,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  console.log(JSON.stringify(result));
  const failures = result.corrupt + result.lost_acknowledged + result.invariant_violations + result.bad_db_mishandled + result.tamper_undetected + result.ipc_crashes + result.ipc_internal + result.ipc_refused_but_written;
  process.exitCode = failures === 0 ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
