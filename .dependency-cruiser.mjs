// The layering of the project, as dependency-cruiser rules (README, "Development"):
//
//   renderer → shared ← electron        (and a server, when there is one: server → shared)
//   within electron/:  store ← services ← ipc,  io apart (it imports none of the three)
//   the `electron` package only in the glue files, better-sqlite3 only in the store
//
// `npm run layers` (part of `npm run check`) runs these through scripts/check-layers.mjs, which
// prints each broken rule by name; `npx depcruise shared renderer electron` reads this file too.
// Every rule is checked on a fixture that breaks it (test/scripts/check-layers.test.ts).

/** Packages shared/ may import: pure JavaScript that needs neither Node, the DOM nor Electron. */
export const SHARED_ALLOWED_PACKAGES = ['zod', 'prosemirror-model', 'prosemirror-transform', 'diff-match-patch'];

/**
 * The files that may import the `electron` package: the main process's entry, its windows, the
 * preload, printing, the IPC registration, and electron/shell/ (the locked-down shell: protocol,
 * external links). Everything else in electron/ runs under plain Node too (the CLI, the worker
 * threads, the tests), so it must not need Electron.
 */
export const ELECTRON_GLUE = ['electron/main.ts', 'electron/window.ts', 'electron/window-policy.ts', 'electron/preload.ts', 'electron/print-pdf.ts', 'electron/ipc/register.ts', 'electron/shell/'];

/** The modules that may import better-sqlite3: the store, and the loader of its native binding. */
export const SQLITE_OWNERS = ['electron/store/', 'electron/native/'];

const anyOf = (paths) => `^(${paths.map((p) => p.replace(/[.]/g, '\\.')).join('|')})`;
// A package as resolved on disk: wherever node_modules is (a fixture resolves to the project's).
const pkg = (names) => `(^|/)node_modules/(${names.join('|')})/`;

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'shared-only-shared',
      comment: 'shared/ is the pure core: it imports nothing from electron/, renderer/ or server/.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(electron|renderer|server)/' },
    },
    {
      name: 'shared-no-node',
      comment: 'shared/ runs in the renderer too: no Node built-in modules (node:fs, path, …).',
      severity: 'error',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'shared-pure-packages-only',
      comment: `shared/ imports only pure packages (${SHARED_ALLOWED_PACKAGES.join(', ')}): DOM, Node and native modules stay out.`,
      severity: 'error',
      from: { path: '^shared/' },
      // electron and better-sqlite3 have their own rules below, which name them.
      to: { path: '(^|/)node_modules/', pathNot: [pkg(SHARED_ALLOWED_PACKAGES), pkg(['electron', 'better-sqlite3'])] },
    },
    {
      name: 'renderer-not-main-process',
      comment: 'renderer/ is sandboxed: it reaches the main process only through the bridge (window.zan), never electron/ or server/.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(electron|server)/' },
    },
    {
      name: 'renderer-no-node',
      comment: 'renderer/ is sandboxed: no Node built-in modules.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'electron-not-renderer',
      comment: 'electron/ does not import renderer/ (what both need lives in shared/).',
      severity: 'error',
      from: { path: '^electron/' },
      to: { path: '^renderer/' },
    },
    {
      name: 'store-below-services',
      comment: 'electron/store is the bottom layer: it imports neither electron/services nor electron/ipc.',
      severity: 'error',
      from: { path: '^electron/store/' },
      to: { path: '^electron/(services|ipc)/' },
    },
    {
      name: 'services-below-ipc',
      comment: 'electron/services does not import electron/ipc: the IPC layer calls services, not the other way.',
      severity: 'error',
      from: { path: '^electron/services/' },
      to: { path: '^electron/ipc/' },
    },
    {
      name: 'io-apart',
      comment: 'electron/io reads and writes files from what it is given: it imports none of services, store or ipc.',
      severity: 'error',
      from: { path: '^electron/io/' },
      to: { path: '^electron/(services|store|ipc)/' },
    },
    {
      name: 'electron-package-only-in-glue',
      comment: `the electron package is imported only by the glue files (${ELECTRON_GLUE.join(', ')}): the rest runs under plain Node.`,
      severity: 'error',
      from: { pathNot: anyOf(ELECTRON_GLUE) },
      to: { path: pkg(['electron']) },
    },
    {
      name: 'sqlite-only-in-store',
      comment: `better-sqlite3 is imported only by ${SQLITE_OWNERS.join(' and ')}: no raw database outside the store.`,
      severity: 'error',
      from: { pathNot: anyOf(SQLITE_OWNERS) },
      to: { path: pkg(['better-sqlite3']) },
    },
    {
      name: 'raw-connection-in-the-store',
      comment: 'electron/store/connection.ts hands out the raw connection under a store: only the store itself (and the tests) may ask for it; services use the repositories of a Store or a ReadStore.',
      severity: 'error',
      from: { pathNot: '^electron/store/' },
      to: { path: '^electron/store/connection\\.ts$' },
    },
    {
      name: 'app-reaches-the-server-only-through-its-cli',
      comment: 'the app and the team service share only shared/; the one way from the app to server/ is the packaged CLI (`Zan Workbench --cli server …`, electron/shell/cli-mode.ts).',
      severity: 'error',
      from: { path: '^electron/', pathNot: '^electron/shell/cli-mode\\.ts$' },
      to: { path: '^server/' },
    },
    {
      name: 'server-only-shared',
      comment: 'a server (server/) shares only shared/ with the app: it imports neither electron/ nor renderer/.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^(electron|renderer)/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'an import that resolves to nothing cannot be checked (a typo, or a package that is not installed).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Type-only imports count: `import type { X } from 'electron'` in shared/ is still a wrong-way edge.
    tsPreCompilationDeps: true,
    doNotFollow: { path: '(^|/)node_modules/' },
    moduleSystems: ['es6', 'cjs'],
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.json'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
