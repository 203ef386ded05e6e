import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, type CliIO } from '../../electron/cli/run';
import { auditedDatabase, writeTestKey } from './audit-history';
import { TAMPER_CASES } from './audit-tamper-cases';

/** What the tampering catalogue found: each case must be caught by `zan audit-check --key` (exit 1). */
export interface TamperTally {
  tamper_cases: number;
  tamper_undetected: number;
  problems: string[];
}

/** Runs every case of the catalogue on a fresh audited database of its own, and the check on the untouched one (it must pass). */
export function tamperRuns(dir: string): TamperTally {
  const tally: TamperTally = { tamper_cases: 0, tamper_undetected: 0, problems: [] };
  const check = (file: string, key: string) => {
    const lines: string[] = [];
    const io: CliIO = { readFile: () => '', readBytes: () => new Uint8Array(), writeFile: () => undefined, out: (l) => void lines.push(l), err: (l) => void lines.push(l) };
    return { code: runCli(['audit-check', '--db', file, '--key', key], io) as number, said: lines.join(' ') };
  };
  for (const c of [null, ...TAMPER_CASES]) {
    const here = mkdtempSync(join(dir, 'tamper-'));
    try {
      const { file, pkgId, uids } = auditedDatabase(here);
      c?.tamper(file, { pkgId, uids });
      const { code, said } = check(file, writeTestKey(join(here, 'test.key')));
      if (c === null) {
        // The control: an untouched log must pass, or "detected" would mean nothing.
        if (code !== 0) tally.problems.push(`an untouched log does not pass: ${said}`);
        continue;
      }
      tally.tamper_cases++;
      if (code !== 1) {
        tally.tamper_undetected++;
        tally.problems.push(`${c.name}: not detected (exit ${code}): ${said}`);
      }
    } finally {
      rmSync(here, { recursive: true, force: true });
    }
  }
  return tally;
}
