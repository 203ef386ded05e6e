#!/usr/bin/env node
// `npx zan …` from a checkout: runs electron/cli.ts through tsx, so no build step is needed.
// The packaged app and `npm run build` use the bundled out/main/cli.js instead.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const here = dirname(fileURLToPath(import.meta.url));
await tsImport(join(here, '../../electron/cli.ts'), import.meta.url);
