// The `zan` command line: the same shared code as the app, no window. From a checkout: `npx zan …`
// (scripts/cli/zan.mjs runs this file through tsx); `npm run build` bundles it as out/main/cli.js.
import { readFileSync, writeFileSync } from 'node:fs';
import { runCli } from './cli/run';

process.exitCode = await runCli(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, 'utf8'),
  readBytes: (path) => readFileSync(path),
  writeFile: (path, content) => writeFileSync(path, content),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
