// `zan server …`: the team service (issue 17). `npx zan server --pg <url> --listen 127.0.0.1:8470`
// runs it; `zan server add-user --pg <url> --name … --role …` prints a new person's token once;
// `zan server revoke --pg <url> --id …` revokes one; `zan server migrate --pg <url>` brings the
// database to this build's schema and stops; `zan server audit --pg <url>` checks the server's log
// and prints its head, to be recorded outside the database (`--head` checks one recorded earlier). Exit codes: 0 done, 1 refused (said why), 2 bad usage.
import { readFileSync } from 'node:fs';
import { TEAM_ROLES, type TeamRole } from '../shared/team/contract';
import { connect } from './db/connect';
import { migrateTeamDatabase, TeamDatabaseRefused } from './db/migrate';
import { startTeamServer } from './http/app';
import { parseAuditHead, verifyServerAudit } from './team/audit';
import { addUser, revokeUser } from './team/users';

const USAGE = `usage:
  zan server --pg <postgres-url> [--listen 127.0.0.1:8470] [--cert <file.pem> --key <file.pem>]
  zan server add-user --pg <postgres-url> --name <name> --role ${TEAM_ROLES.join('|')}
  zan server revoke --pg <postgres-url> --id <user id>
  zan server migrate --pg <postgres-url>
  zan server audit --pg <postgres-url> [--head <seq>:<hash>]
The URL may also come from ZAN_SERVER_PG (a password is better kept there, or in ~/.pgpass, than on a command line).`;

/** Reads `--name value` options; a flag twice or without its value is bad usage. */
function options(args: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i]!;
    const value = args[i + 1];
    if (!name.startsWith('--') || value === undefined || found.has(name)) throw new Error(`bad option ${name}`);
    found.set(name, value);
  }
  return found;
}

/** Where a command's messages go (the terminal; a test's buffers). */
export interface ServerIo {
  out(line: string): void;
  err(line: string): void;
}

/** The `zan server` command named (the service itself, 'run', when the arguments start with an option). */
export function serverCommandOf(args: readonly string[]): string {
  return args[0] && !args[0].startsWith('--') ? args[0] : 'run';
}

/** Runs one `zan server` command; resolves with the exit code (the server itself runs until stopped). */
export async function runServerCommand(args: readonly string[], io: ServerIo = { out: (s) => void process.stdout.write(`${s}\n`), err: (s) => void process.stderr.write(`${s}\n`) }, built: { workerScript?: string } = {}): Promise<number> {
  const command = serverCommandOf(args);
  let opts: Map<string, string>;
  try {
    opts = options(command === 'run' ? args : args.slice(1));
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const url = opts.get('--pg') ?? process.env['ZAN_SERVER_PG'];
  if (!url) {
    io.err(`--pg is needed.\n${USAGE}`);
    return 2;
  }
  const db = connect(url);
  let keepOpen = false;
  try {
    const migrated = await migrateTeamDatabase(db);
    if (command === 'migrate') {
      io.out(migrated.from === migrated.to ? `The team database is at schema ${migrated.to}.` : `The team database was brought from schema ${migrated.from} to ${migrated.to}.`);
      return 0;
    }
    if (command === 'add-user') {
      const name = opts.get('--name');
      const role = opts.get('--role') as TeamRole | undefined;
      if (!name || !role || !TEAM_ROLES.includes(role)) {
        io.err(`add-user needs --name and --role (${TEAM_ROLES.join(', ')}).\n${USAGE}`);
        return 2;
      }
      const { user, token } = await addUser(db, name, role);
      io.out(`Added ${user.name} (${user.role}), id ${user.id}.\nToken (shown this once; give it to ${user.name} only):\n${token}`);
      return 0;
    }
    if (command === 'revoke') {
      const id = opts.get('--id');
      if (!id) {
        io.err(`revoke needs --id.\n${USAGE}`);
        return 2;
      }
      await revokeUser(db, id);
      io.out(`The token of ${id} is revoked.`);
      return 0;
    }
    if (command === 'audit') {
      const given = opts.get('--head');
      const anchor = given === undefined ? null : parseAuditHead(given);
      if (given !== undefined && !anchor) {
        io.err(`--head is <number>:<sha-256 hex>, as this command printed it.\n${USAGE}`);
        return 2;
      }
      const check = await verifyServerAudit(db, anchor ? [anchor] : []);
      if (!check.ok) {
        io.err(`The team log does not hold at entry ${check.firstBad} of ${check.entries}: ${check.reason}.`);
        return 1;
      }
      io.out(`The team log holds: ${check.entries} entries${anchor ? `, entry ${anchor.seq} as recorded` : ''}.`);
      // The line to keep outside the database (printed, mailed, in another system): a later check with it finds a rewrite.
      if (check.head) io.out(`Head: ${check.head.seq}:${check.head.hash}`);
      return 0;
    }
    if (command !== 'run') {
      io.err(`no command "${command}".\n${USAGE}`);
      return 2;
    }
    const [host, portText] = (opts.get('--listen') ?? '127.0.0.1:8470').split(/:(?=\d+$)/);
    const cert = opts.get('--cert');
    const key = opts.get('--key');
    if (!host || !portText || Boolean(cert) !== Boolean(key)) {
      io.err(`--listen is host:port, and --cert and --key go together.\n${USAGE}`);
      return 2;
    }
    const server = await startTeamServer({ db, host, port: Number(portText), ...(process.env['ZAN_SERVER_REJECTION_WORKER'] === '0' ? {} : { databaseUrl: url }), ...(built.workerScript ? { workerScript: built.workerScript } : {}), ...(cert && key ? { tls: { cert: readFileSync(cert, 'utf8'), key: readFileSync(key, 'utf8') } } : {}) });
    io.out(`Zan team service on ${server.url} (schema ${migrated.to}).`);
    keepOpen = true;
    const stop = () => void server.close().then(() => db.close()).then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return 0;
  } catch (error) {
    if (error instanceof TeamDatabaseRefused || (error as { code?: string }).code === 'NOT_FOUND') {
      io.err((error as Error).message);
      return 1;
    }
    io.err(`The team service could not start: ${(error as Error).message}`);
    return 1;
  } finally {
    if (!keepOpen) await db.close();
  }
}

// Run as a program (scripts/cli/zan.mjs `server …`, or tsx server/cli.ts).
if (process.argv[1] && /server[\\/]cli\.(ts|js|mjs)$/.test(process.argv[1])) {
  const code = await runServerCommand(process.argv.slice(2));
  if (code !== 0) process.exit(code);
}
