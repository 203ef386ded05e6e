#!/usr/bin/env node
// `npx zan …` from a checkout: runs electron/cli.ts through tsx, so no build step is needed.
// `npm run build` bundles the same CLI as out/main/cli.js; the packaged app runs it as
// `"Zan Workbench" --cli <command> …` (its fuses turn ELECTRON_RUN_AS_NODE off).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const here = dirname(fileURLToPath(import.meta.url));
// `zan server …` is the team service (server/, issue 17): it runs on Node over PostgreSQL, not in the app.
if (process.argv[2] === 'server') {
  const { runServerCommand } = await tsImport(join(here, '../../server/cli.ts'), import.meta.url);
  const code = await runServerCommand(process.argv.slice(3));
  if (code !== 0) process.exit(code);
} else {
  await tsImport(join(here, '../../electron/cli.ts'), import.meta.url);
}
