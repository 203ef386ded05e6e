// The `zan` command line: the same shared code as the app, no window. From a checkout: `npx zan …`
// (scripts/cli/zan.mjs runs this file through tsx); `npm run build` bundles it as out/main/cli.js;
// the packaged app runs the same through `Zan Workbench --cli …` (electron/shell/cli-mode.ts).
// `zan server …` is the team service (server/cli.ts, issue 17).
import { runCliHere } from './shell/cli-mode';

process.exitCode = await runCliHere(process.argv.slice(2));
