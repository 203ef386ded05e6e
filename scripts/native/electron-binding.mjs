#!/usr/bin/env node
// better-sqlite3 is a native module, and Node (tests, CLI) and Electron (the app) need builds for
// different ABIs. We keep both: node_modules/better-sqlite3 stays built for Node, and this script
// puts an Electron build beside it in native/electron-<version>-<platform>-<arch>/, which the main
// process passes to better-sqlite3 as its `nativeBinding` option (electron/native/binding.ts).
//
//   --install  (npm postinstall) fetch or build it; on failure warn and exit 0, so `npm install`
//              and `npm test` still work without it.
//   --require  (npm start / dev / dist) the same, but exit 1 with instructions when it cannot.
//   --check    only report whether a correct build is in place.
//
// Every build is verified by reading the ABI it was compiled for out of the binary itself: a
// "rebuild for Electron" that silently built for Node (an npm config with `nodedir=` does that) is
// caught and thrown away instead of crashing the app at start.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the Electron build of better-sqlite3 lives, relative to the project root. */
export function electronBindingRelPath(electronVersion, platform, arch) {
  return join('native', `electron-${electronVersion}-${platform}-${arch}`, 'better_sqlite3.node');
}

/**
 * The NODE_MODULE_VERSION a native addon was compiled for, read from its exported
 * `node_register_module_v<N>` symbol, or null when the file has none (e.g. an N-API module).
 */
export function moduleAbiOf(binary) {
  const match = /node_register_module_v(\d+)/.exec(binary.toString('latin1'));
  return match ? Number(match[1]) : null;
}

/**
 * The environment for building against Electron's headers. npm passes its config to child
 * processes as npm_config_* variables; `nodedir` in particular makes node-gyp use Node's headers
 * whatever --target says, so it and its relatives are removed.
 */
export function electronBuildEnv(env, electronVersion, arch) {
  const out = {};
  for (const [key, value] of Object.entries(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|build_from_source)$/i.test(key)) continue;
    out[key] = value;
  }
  return {
    ...out,
    npm_config_runtime: 'electron',
    npm_config_target: electronVersion,
    npm_config_arch: arch,
    npm_config_disturl: 'https://electronjs.org/headers',
  };
}

/** Whether the user asked npm not to fetch Electron at all (then the app cannot run here anyway). */
export function skipRequested(env) {
  return Boolean(env.ELECTRON_SKIP_BINARY_DOWNLOAD) && env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '0';
}

function electronVersion() {
  return JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version;
}

function expectedAbi(version) {
  return Number(require('node-abi').getAbi(version, 'electron'));
}

function verified(file, abi) {
  return existsSync(file) && moduleAbiOf(readFileSync(file)) === abi;
}

function run(cmd, args, cwd, env) {
  const result = spawnSync(cmd, args, { cwd, env, stdio: 'inherit' });
  return result.status === 0;
}

/** Fetches a prebuilt Electron binary, or compiles one, into `dest`; returns a message on failure. */
function obtain(dest, version, abi) {
  const arch = process.arch;
  const work = mkdtempSync(join(tmpdir(), 'zan-native-'));
  try {
    const pkgDir = dirname(require.resolve('better-sqlite3/package.json'));
    cpSync(pkgDir, work, { recursive: true, filter: (src) => !src.includes(`${join(pkgDir, 'build')}`) });
    const env = electronBuildEnv(process.env, version, arch);
    const built = join(work, 'build/Release/better_sqlite3.node');
    const prebuild = require.resolve('prebuild-install/bin.js');
    const attempts = [
      ['prebuilt binary', process.execPath, [prebuild, '--runtime=electron', `--target=${version}`, `--arch=${arch}`, `--platform=${process.platform}`]],
    ];
    const nodeGyp = process.env.npm_config_node_gyp;
    if (nodeGyp && existsSync(nodeGyp)) {
      attempts.push(['compile', process.execPath, [nodeGyp, 'rebuild', '--release', '--runtime=electron', `--target=${version}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers']]);
    }
    const failures = [];
    for (const [what, cmd, args] of attempts) {
      console.log(`[zan] better-sqlite3 for Electron ${version} (ABI ${abi}): trying ${what}…`);
      if (!run(cmd, args, work, env)) {
        failures.push(`${what} failed`);
        continue;
      }
      if (!verified(built, abi)) {
        failures.push(`${what} produced a binary for ABI ${existsSync(built) ? moduleAbiOf(readFileSync(built)) : 'none'}, not ${abi}`);
        continue;
      }
      mkdirSync(dirname(dest), { recursive: true });
      cpSync(built, dest);
      return null;
    }
    return failures.join('; ') || 'no way to obtain it';
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function main(mode) {
  const version = electronVersion();
  const abi = expectedAbi(version);
  const dest = join(ROOT, electronBindingRelPath(version, process.platform, process.arch));
  if (verified(dest, abi)) {
    console.log(`[zan] better-sqlite3 for Electron ${version} is in place (${dest}).`);
    return 0;
  }
  if (mode === '--check') {
    console.log(`[zan] No verified better-sqlite3 build for Electron ${version} (ABI ${abi}) at ${dest}.`);
    return 1;
  }
  if (mode === '--install' && skipRequested(process.env)) {
    console.log('[zan] ELECTRON_SKIP_BINARY_DOWNLOAD is set: not preparing better-sqlite3 for Electron (tests use the Node build).');
    return 0;
  }
  const failure = obtain(dest, version, abi);
  if (!failure) {
    console.log(`[zan] better-sqlite3 for Electron ${version} is ready (${dest}).`);
    return 0;
  }
  const message =
    `[zan] Could not prepare better-sqlite3 for Electron ${version} (${failure}).\n` +
    '      The app needs it to start; tests do not. With internet access run `npm run native` to retry.';
  console.warn(message);
  return mode === '--install' ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(main(process.argv[2] ?? '--require'));
}
