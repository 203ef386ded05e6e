// The `zan` command line: the same shared code as the app, no window. Build with `npm run build`,
// then `node out/main/cli.js --help` (or `npm run zan -- --help`).
import { readFileSync, writeFileSync } from 'node:fs';
import { runCli } from './cli/run';

process.exitCode = runCli(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, 'utf8'),
  writeFile: (path, text) => writeFileSync(path, text, 'utf8'),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
