// A PostgreSQL of the tests' own (issue 17: no mock of PostgreSQL): a cluster made with initdb in a
// temporary folder and started with pg_ctl on a free loopback port, as the `postgres` user when
// these tests run as root (PostgreSQL refuses to run as root), torn down at the end. Or the one
// named by ZAN_TEST_PG_URL (a superuser's URL), left as it is.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './server-process';

/** A PostgreSQL the tests may use: a superuser's URL, and how to stop it. */
export interface TestPostgres {
  url: string;
  stop(): void;
}

/** Where Debian (and most Linux packages) put PostgreSQL's server programs, the newest first. */
function binDir(): string | null {
  if (process.env['ZAN_PG_BIN']) return process.env['ZAN_PG_BIN'];
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

/** Starts (or finds) the tests' PostgreSQL; the reason in words when there is none on this machine. */
export async function startTestPostgres(options: { durable?: boolean } = {}): Promise<TestPostgres | { unavailable: string }> {
  const given = process.env['ZAN_TEST_PG_URL'];
  if (given) return { url: given, stop: () => undefined };
  const bin = binDir();
  if (!bin || !existsSync(join(bin, 'initdb'))) return { unavailable: 'no PostgreSQL server programs (initdb, pg_ctl) found: install the postgresql package, or set ZAN_TEST_PG_URL' };
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'zan-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  // As root, PostgreSQL's programs run as the postgres user the package made.
  const run = (program: string, args: string[]) => execFileSync(root ? 'runuser' : join(bin, program), root ? ['-u', 'postgres', '--', join(bin, program), ...args] : args, { stdio: 'pipe', encoding: 'utf8' });
  const port = await freePort();
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'zan', '-E', 'UTF8', '--no-locale']);
  // Loopback only, the socket in the folder; for the tests no fsync (speed, not durability), for
  // a benchmark (`durable`) PostgreSQL's defaults: each commit on disk, as a ministry runs it.
  const speed = options.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c max_connections=300${speed}`, 'start']);
  return {
    url: `postgres://zan@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
