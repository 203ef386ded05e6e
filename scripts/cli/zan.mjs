#!/usr/bin/env node
// `npx zan …` from a checkout: runs electron/cli.ts through tsx, so no build step is needed.
// `npm run build` bundles the same CLI as out/main/cli.js; the packaged app runs it as
// `"Zan Workbench" --cli <command> …` (its fuses turn ELECTRON_RUN_AS_NODE off).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const here = dirname(fileURLToPath(import.meta.url));
// `zan server …` (the team service, server/, issue 17) goes through the same entry.
await tsImport(join(here, '../../electron/cli.ts'), import.meta.url);
