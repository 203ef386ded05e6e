import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The argument that makes the app's own executable run the `zan` command line instead of a window. */
export const CLI_FLAG = '--cli';

/**
 * The command-line arguments when the app was started as the `zan` CLI (`Zan Workbench --cli audit-check
 * --db f.sqlite`), or null for a normal start. The packaged app's fuses turn ELECTRON_RUN_AS_NODE off,
 * so its executable can no longer run out/main/cli.js as a plain Node script; this is the way in
 * that remains, and it runs only the CLI, not arbitrary scripts. The flag counts only as the first
 * argument of the app (after the executable, or after the app folder when started as `electron .`,
 * `defaultApp`), so a file or a Chromium switch that happens to be spelled `--cli` later is no trigger.
 */
export function cliArguments(argv: readonly string[], defaultApp: boolean): string[] | null {
  const at = defaultApp ? 2 : 1;
  return argv[at] === CLI_FLAG ? argv.slice(at + 1) : null;
}

/**
 * Runs the CLI in this process with the same input and output as out/main/cli.js, and gives its
 * exit code once what it printed has been written out (app.exit does not wait for a pipe to drain).
 */
export async function runCliHere(args: string[], nativeBinding?: string): Promise<number> {
  if (args[0] === 'server') return runTeamServiceHere(args.slice(1));
  const { runCli } = await import('../cli/run');
  const code = await runCli(args, {
    readFile: (path) => readFileSync(path, 'utf8'),
    readBytes: (path) => readFileSync(path),
    writeFile: (path, content) => writeFileSync(path, content),
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    // Under Electron the database commands load the better-sqlite3 build made for Electron's ABI.
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise<void>((resolve) => stream.write('', () => resolve()))));
  return code;
}

/**
 * `Zan Workbench --cli server …`: the team service (server/, issue 17) from the packaged app, as
 * `npx zan server …` runs it from a checkout. Loaded only when asked for (its own chunk of the
 * bundle, with pg). The service itself (`server --pg … --listen …`) runs until SIGINT or SIGTERM,
 * whose handlers stop it and exit: this never resolves then, so the app does not exit under it.
 */
async function runTeamServiceHere(args: string[]): Promise<number> {
  const { runServerCommand, serverCommandOf } = await import('../../server/cli');
  // The built worker script for rejections, beside cli.js (electron.vite.config.ts), this module
  // being in it or in a chunk under it; from a checkout, none: its source runs through tsx.
  const here = dirname(fileURLToPath(import.meta.url));
  const built = [join(here, 'team-worker.js'), join(here, '..', 'team-worker.js')].find((file) => existsSync(file));
  const code = await runServerCommand(args, undefined, built ? { workerScript: built } : {});
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise<void>((resolve) => stream.write('', () => resolve()))));
  if (code === 0 && serverCommandOf(args) === 'run') await new Promise<never>(() => undefined);
  return code;
}
